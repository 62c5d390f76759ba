import type { Metadata } from 'next'
import { getMDXComponent } from 'mdx-bundler/client/jsx'
import { notFound } from 'next/navigation'
import * as React from 'react'
import * as jsxRuntime from 'react/jsx-runtime'
import { LessonBody } from '@/app/components/lesson-body'
import { StaticHtml } from '@/app/components/static-html'
import { getLesson } from '@/lib/content/load.server'

// The reference page `npm run bench:lighthouse` measures beside every lesson (issue 14): the first lesson's text
// rendered by the same app and layout, with no islands at all (no quiz, challenge, progress or copy button), so it
// shows what the framework itself costs on this machine in the same sitting. Not linked from anywhere, not indexed.
// Its text is rendered as a lesson's is (LessonBody, StaticHtml: kept out of hydration), so the comparison isolates
// what a lesson adds: its islands, sidebar and progress.
export const metadata: Metadata = { title: 'Benchmark reference page', robots: { index: false, follow: false } }

const REFERENCE_LESSON = 'container-networking-intro'
const Nothing = () => null
const components = { Quiz: Nothing, Challenge: Nothing, Callout: 'aside', InfoPanel: 'aside', Figure: Nothing, Table: Nothing }

export default async function BenchReferencePage() {
  const lesson = await getLesson(REFERENCE_LESSON)
  if (!lesson) notFound()
  const Content = getMDXComponent(lesson.code, { React, _jsx_runtime: jsxRuntime })
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-6">
      <article>
        <StaticHtml>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
          <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">{lesson.summary}</p>
        </StaticHtml>
        <div className="lesson-prose">
          <LessonBody content={Content} components={components} />
        </div>
      </article>
    </main>
  )
}
