'use client'
// Counts one visit when a lesson page has loaded, in an idle moment, then reads the progress the sidebar shows. Plain
// requests (progress-store.ts), so a learner who only reads gets their progress without the page fetching any more
// script (issue 14). Renders nothing.
import { useEffect } from 'react'
import { idleAfterLoad } from './island-gates'
import { visitLesson } from './progress-store'

export function ProgressVisit({ lessonId }: { lessonId: string }) {
  useEffect(() => {
    let live = true
    void idleAfterLoad(0).then(() => (live ? visitLesson(lessonId) : undefined))
    return () => {
      live = false
    }
  }, [lessonId])
  return null
}
