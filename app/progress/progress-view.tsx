'use client'
import { useQuery } from '@tanstack/react-query'
import { progressQueryOptions } from '@/lib/queries'
import { formatPercent, formatTries, formatWhen, itemHref, KIND_TEXT, STATUS_TEXT } from './format'
import { ProgressCodeForm } from './progress-code-form'
import { RecordTransfer } from './record-transfer'
import { ScrollBox } from '@/app/components/scroll-box'

const cell = 'border-b border-slate-200 px-3 py-2 text-left dark:border-slate-800'

export function ProgressView() {
  const { data, error, isPending, refetch } = useQuery(progressQueryOptions())
  if (isPending) return <p className="mt-6">Loading your progress…</p>
  if (error) {
    return (
      <div role="alert" className="mt-6">
        <p>Your progress could not be loaded: {error.message}</p>
        <button type="button" onClick={() => refetch()} className="mt-2 rounded-md border px-3 py-1">
          Try again
        </button>
      </div>
    )
  }
  const titles = new Map(data.lessons.map((l) => [l.lessonId, l.title]))
  // An attempt at an item a later content release no longer grades keeps its id as its name.
  const itemTitles = new Map(data.lessons.flatMap((l) => l.items.map((i) => [`${i.kind}:${i.id}`, i.title])))
  return (
    <div className="mt-6 space-y-10">
      <section aria-labelledby="course-title">
        <h2 id="course-title" className="text-xl font-semibold">
          Course
        </h2>
        <p className="mt-2">
          Grade <strong>{formatPercent(data.course.grade)}</strong> · {data.course.requiredDone} of {data.course.requiredTotal} required
          items done ({data.course.percentComplete}%) ·{' '}
          {data.course.completed ? <strong>Course complete</strong> : 'not complete yet'}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Your best attempt at each challenge and quiz counts.</p>
      </section>

      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="text-xl font-semibold">
          Lessons
        </h2>
        <ScrollBox label="Lessons table (scrolls sideways when wide)" className="mt-2">
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th className={cell}>Lesson</th>
                <th className={cell}>Status</th>
                <th className={cell}>Score</th>
                <th className={cell}>Challenges and quizzes</th>
              </tr>
            </thead>
            <tbody>
              {data.lessons.map((l) => (
                <tr key={l.lessonId}>
                  <td className={cell}>
                    <a href={`/lessons/${l.lessonId}`} className="underline-offset-2 hover:underline">
                      {l.title}
                    </a>
                  </td>
                  <td className={cell}>{STATUS_TEXT[l.status]}</td>
                  <td className={cell}>{formatPercent(l.score)}</td>
                  <td className={cell}>
                    {l.items.length === 0
                      ? '–'
                      : l.items.map((i) => (
                          <div key={`${i.kind}:${i.id}`}>
                            {KIND_TEXT[i.kind]}{' '}
                            <a href={itemHref(l.lessonId, i.kind, i.id)} className="underline underline-offset-2">
                              {i.title}
                            </a>
                            : {i.attempts === 0 ? 'not tried' : `best ${formatPercent(i.bestScore)} in ${formatTries(i.attempts)}`}
                            {i.done ? ' ✓' : ''}
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-xl font-semibold">
          Attempt history
        </h2>
        {data.attempts.length === 0 ? (
          <p className="mt-2">No challenge or quiz attempts yet.</p>
        ) : (
          <ol className="mt-2 space-y-1 text-sm">
            {data.attempts.map((a) => (
              <li key={a.id}>
                {formatWhen(a.createdAt)}: {KIND_TEXT[a.kind]} {itemTitles.get(`${a.kind}:${a.itemId}`) ?? a.itemId}{' '}
                ({titles.get(a.lessonId) ?? a.lessonId}): {formatPercent(a.score)}
                {a.passed ? ', passed' : ''}
              </li>
            ))}
          </ol>
        )}
      </section>

      <ProgressCodeForm progressCode={data.progressCode} />
      <RecordTransfer />
    </div>
  )
}
