import type { Metadata } from 'next'
import { getMDXComponent } from 'mdx-bundler/client/jsx'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import * as React from 'react'
import * as jsxRuntime from 'react/jsx-runtime'
import { CourseShell } from '@/app/components/course-shell'
import { ProgressCompleteButton } from '@/app/components/progress-complete-button'
import { ProgressVisit } from '@/app/components/progress-visit'
import { KeepOptions } from '@/app/components/keep-options'
import { LessonBody } from '@/app/components/lesson-body'
import { mdxComponents } from '@/app/components/mdx-components'
import { StaticHtml } from '@/app/components/static-html'
import { getLesson, getLessons } from '@/lib/content/load.server'
import { neighbours } from '@/lib/content/lessons'

// Every lesson is rendered at build time; an id that is not a lesson is a 404, never a render on demand.
export const dynamicParams = false

type Params = { params: Promise<{ id: string }> }

export async function generateStaticParams() {
  return (await getLessons()).map((lesson) => ({ id: lesson.id }))
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = await getLesson((await params).id)
  return lesson ? { title: lesson.title, description: lesson.summary } : { title: 'Page not found' }
}

export default async function LessonPage({ params }: Params) {
  const { id } = await params
  const lesson = await getLesson(id)
  if (!lesson) notFound()
  const lessons = await getLessons()
  const position = lessons.findIndex((l) => l.id === id) + 1
  const { prev, next } = neighbours(lessons, id)
  // Runs on the server only: the MDX becomes HTML here, and the browser gets just the client widgets inside it.
  const Content = getMDXComponent(lesson.code, { React, _jsx_runtime: jsxRuntime })

  return (
    <CourseShell currentId={id}>
      <article>
        <header className="mb-8">
          {/* Static text: kept as the server rendered it when the page hydrates (static-html.tsx). */}
          <StaticHtml>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Lesson {position} of {lessons.length} · about {lesson.minutes} min
            </p>
            <h1 className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">
              <KeepOptions text={lesson.title} />
            </h1>
            <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
              <KeepOptions text={lesson.summary} />
            </p>
            <section aria-labelledby="objectives-title" className="mt-6 rounded-lg bg-slate-50 p-5 dark:bg-slate-900">
              <h2 id="objectives-title" className="font-semibold">
                What you will learn
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {lesson.objectives.map((objective) => (
                  <li key={objective}>
                    <KeepOptions text={objective} />
                  </li>
                ))}
              </ul>
            </section>
          </StaticHtml>
        </header>
        <div className="lesson-prose">
          <LessonBody content={Content} components={mdxComponents} />
        </div>
        <ProgressVisit lessonId={id} />
        <ProgressCompleteButton lessonId={id} />
        <nav aria-label="Previous and next lesson" className="mt-12 flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
          {prev ? (
            <Link href={`/lessons/${prev.id}`} rel="prev" className="pager-link">
              <span className="block text-sm text-slate-600 dark:text-slate-400">Previous</span>
              {prev.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/lessons/${next.id}`} rel="next" className="pager-link text-right">
              <span className="block text-sm text-slate-600 dark:text-slate-400">Next</span>
              {next.title}
            </Link>
          ) : null}
        </nav>
      </article>
    </CourseShell>
  )
}
