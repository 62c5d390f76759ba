import type { Metadata } from 'next'
import { CourseShell } from '@/app/components/course-shell'
import { Providers } from '@/app/providers'
import { ProgressView } from './progress-view'

export const metadata: Metadata = { title: 'Your progress' }

export default function ProgressPage() {
  return (
    <CourseShell>
      <h1 className="text-3xl font-bold tracking-tight">Your progress</h1>
      <Providers>
        <ProgressView />
      </Providers>
    </CourseShell>
  )
}
