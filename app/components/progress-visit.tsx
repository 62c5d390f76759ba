'use client'
// Counts one visit when a lesson page has loaded, in an idle moment, then reads the progress the sidebar shows. Plain
// requests (progress-store.ts), so a learner who only reads gets their progress without the page fetching any more
// script (issue 14). Renders nothing. Pages of the course that are not a lesson (home, /progress) only read it.
import { useEffect } from 'react'
import { idleAfterLoad } from './island-gates'
import { refreshProgress, visitLesson } from './progress-store'

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

/** The sidebar's progress on a page that is not a lesson: read once the page has loaded, in an idle moment. */
export function ProgressRead() {
  useEffect(() => {
    let live = true
    void idleAfterLoad(0).then(() => (live ? refreshProgress() : undefined))
    return () => {
      live = false
    }
  }, [])
  return null
}
