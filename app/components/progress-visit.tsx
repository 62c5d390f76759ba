'use client'
// Counts one visit when a lesson page mounts. Renders nothing.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { visitLessonMutationOptions } from '@/lib/queries'

export function ProgressVisit({ lessonId }: { lessonId: string }) {
  const client = useQueryClient()
  const { mutate } = useMutation(visitLessonMutationOptions(client))
  useEffect(() => {
    mutate(lessonId)
  }, [lessonId, mutate])
  return null
}
