'use client'
import { useQuery } from '@tanstack/react-query'
import { progressQueryOptions } from '@/lib/queries'
import { formatHelp, formatPercent, formatTries, formatWhen, itemHref, KIND_TEXT, STATUS_TEXT } from './format'
import { ProfileForm } from './profile-form'
import { ProgressCodeForm } from './progress-code-form'
import { RecordTransfer } from './record-transfer'
import { ScrollBox } from '@/app/components/scroll-box'

const cell = 'border-b border-slate-200 px-3 py-2 text-left dark:border-slate-800'
// Below `sm` each row is a card: the cells stack under the lesson title, each with its column name in front. The
// explicit ARIA roles keep the table's semantics although the elements are no longer displayed as a table.
const stackCell = `${cell} max-sm:block max-sm:border-0 max-sm:px-0 max-sm:py-0.5`
const StackLabel = ({ text }: { text: string }) => (
  <span aria-hidden="true" className="font-medium text-slate-600 sm:hidden dark:text-slate-400">
    {text}:{' '}
  </span>
)

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
          Course grade <strong>{formatPercent(data.course.grade)}</strong>: your best score on each challenge and quiz, and
          each lesson marked complete, weighted per lesson.
        </p>
        <p className="mt-1">
          <strong>
            {data.course.requiredDone} of {data.course.requiredTotal}
          </strong>{' '}
          required items done ({data.course.percentComplete}%): lessons marked complete, and challenges and quizzes passed
          · {data.course.completed ? <strong>Course complete</strong> : 'not complete yet'}
        </p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Your best attempt at each challenge and quiz counts (the last one, for a quiz that says so). Hints and the reference solution
          lower the credit of a later pass; a pass before any help keeps full marks.
        </p>
      </section>

      <section aria-labelledby="lessons-title">
        <h2 id="lessons-title" className="text-xl font-semibold">
          Lessons
        </h2>
        <ScrollBox label="Lessons table (scrolls sideways when wide)" className="mt-2">
          <table role="table" className="w-full text-sm max-sm:block">
            <thead role="rowgroup" className="max-sm:sr-only">
              <tr role="row">
                <th role="columnheader" className={cell}>
                  Lesson
                </th>
                <th role="columnheader" className={cell}>
                  Status
                </th>
                <th role="columnheader" className={cell}>
                  Score
                </th>
                <th role="columnheader" className={cell}>
                  Challenges and quizzes
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup" className="max-sm:block">
              {data.lessons.map((l) => (
                <tr key={l.lessonId} role="row" className="max-sm:block max-sm:border-b max-sm:border-slate-200 max-sm:py-3 max-sm:dark:border-slate-800">
                  <td role="cell" className={`${stackCell} max-sm:font-semibold`}>
                    <a href={`/lessons/${l.lessonId}`} className="underline-offset-2 hover:underline">
                      {l.title}
                    </a>
                  </td>
                  <td role="cell" className={stackCell}>
                    <StackLabel text="Status" />
                    {STATUS_TEXT[l.status]}
                  </td>
                  <td role="cell" className={stackCell}>
                    <StackLabel text="Score" />
                    {formatPercent(l.score)}
                  </td>
                  <td role="cell" className={stackCell}>
                    <StackLabel text="Challenges and quizzes" />
                    {l.items.length === 0
                      ? '–'
                      : l.items.map((i) => (
                          <div key={`${i.kind}:${i.id}`}>
                            {KIND_TEXT[i.kind]}{' '}
                            <a href={itemHref(l.lessonId, i.kind, i.id)} className="underline underline-offset-2">
                              {i.title}
                            </a>
                            : {i.attempts === 0 ? 'not tried' : `${i.counts === 'last' ? 'last' : 'best'} ${formatPercent(i.bestScore)} in ${formatTries(i.attempts)}`}
                            {i.attempts === 0 ? '' : formatHelp(i)}
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

      <ProfileForm profile={data.profile} classes={data.classes} />
      <ProgressCodeForm progressCode={data.progressCode} />
      <RecordTransfer />
    </div>
  )
}
