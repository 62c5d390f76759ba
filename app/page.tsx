import Link from 'next/link'
import { getLessons } from '@/lib/content/load.server'
import { CourseShell } from './components/course-shell'
import { KeepOptions } from './components/keep-options'

export default async function HomePage() {
  const lessons = await getLessons()
  const first = lessons[0]
  return (
    <CourseShell>
      <section aria-labelledby="course-title" className="mb-10">
        <h1 id="course-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          Packet Path
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          A self-paced course on container networking. Read short lessons, build Docker networks in a simulator that
          runs in your browser, and watch each packet travel from the Internet to a container, hop by hop.
        </p>
        {first ? (
          <p className="mt-6">
            <Link
              href={`/lessons/${first.id}`}
              className="inline-block rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800"
            >
              Start with “{first.title}”
            </Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="text-xl font-semibold">
          Lessons
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-2">
          {lessons.map((lesson, index) => (
            <li key={lesson.id} className="rounded-lg border border-slate-200 p-5 dark:border-slate-700">
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Lesson {index + 1} · {lesson.minutes} min
              </p>
              <h3 className="mt-1 text-lg font-semibold">
                <Link href={`/lessons/${lesson.id}`} className="hover:underline">
                  <KeepOptions text={lesson.title} />
                </Link>
              </h3>
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{lesson.summary}</p>
            </li>
          ))}
        </ol>
      </section>
    </CourseShell>
  )
}
