'use client'
import { useQuery } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { gradebookQueryOptions } from '@/lib/queries'
import { formatPercent, formatWhen } from '../progress/format'
import { ScrollBox } from '@/app/components/scroll-box'

const cell = 'border-b border-slate-200 px-3 py-2 text-left whitespace-nowrap dark:border-slate-800'
// Score columns are headed by a title (which wraps instead of widening the column) over the stable key, the same
// pair the CSV's headings carry.
const titleHead = 'border-b border-slate-200 px-3 py-2 text-left align-bottom min-w-32 max-w-48 dark:border-slate-800'
const keyLine = 'block font-mono text-xs font-normal text-slate-600 dark:text-slate-400 wrap-anywhere'

export function GradebookView() {
  const router = useRouter()
  const { data, error, isPending } = useQuery(gradebookQueryOptions())

  async function signOut() {
    await fetch('/api/instructor/login', { method: 'DELETE' })
    router.refresh()
  }

  if (isPending) return <p className="mt-6">Loading the gradebook…</p>
  if (error) return <p role="alert" className="mt-6">The gradebook could not be loaded: {error.message}</p>
  return (
    <div className="mt-6">
      <div className="flex flex-wrap gap-4">
        <a href="/api/instructor/gradebook?format=csv" download className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">
          Download CSV
        </a>
        <button type="button" onClick={signOut} className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">
          Sign out
        </button>
      </div>
      <p className="mt-4 text-sm">
        {data.rows.length} learners with activity. Scores are each learner&apos;s best attempt; lessons count their completion and items.
      </p>
      <ScrollBox label="Gradebook table (scrolls sideways when wide)" className="mt-2">
        <table className="text-sm">
          <thead>
            <tr>
              <th className={cell}>Learner</th>
              <th className={cell}>First seen</th>
              {data.lessonIds.map((id) => (
                <th key={id} className={titleHead}>
                  Lesson: {data.lessonTitles[id] ?? id}
                  <span className={keyLine}>lesson:{id}</span>
                </th>
              ))}
              {data.itemIds.map((key) => (
                <th key={key} className={titleHead}>
                  {data.itemTitles[key] ?? key}
                  <span className={keyLine}>{key}</span>
                </th>
              ))}
              <th className={cell}>Course grade</th>
              <th className={cell}>Complete</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.learnerId}>
                <td className={`${cell} font-mono`} title={row.learnerId}>
                  {row.learnerId.slice(0, 8)}
                </td>
                <td className={cell}>{formatWhen(row.createdAt)}</td>
                {data.lessonIds.map((id) => (
                  <td key={id} className={cell}>
                    {formatPercent(row.lessons[id])}
                  </td>
                ))}
                {data.itemIds.map((id) => (
                  <td key={id} className={cell}>
                    {formatPercent(row.items[id])}
                  </td>
                ))}
                <td className={cell}>{formatPercent(row.grade)}</td>
                <td className={cell}>{row.completed ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  )
}
