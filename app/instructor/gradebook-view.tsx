'use client'
import { useQuery } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { formatNote } from '@/lib/instructor/gradebook-notes'
import { gradebookQueryOptions } from '@/lib/queries'
import { ClassesPanel } from './classes-panel'
import { formatPercent, formatWhen } from '../progress/format'
import { ScrollBox } from '@/app/components/scroll-box'

const cell = 'border-b border-slate-200 px-3 py-2 text-left whitespace-nowrap dark:border-slate-800'
// Score columns are headed by a title (which wraps instead of widening the column) over the stable key, the same
// pair the CSV's headings carry.
const titleHead = 'border-b border-slate-200 px-3 py-2 text-left align-bottom min-w-32 max-w-48 dark:border-slate-800'
const keyLine = 'block font-mono text-xs font-normal text-slate-600 dark:text-slate-400 wrap-anywhere'

export function GradebookView() {
  const router = useRouter()
  const [classId, setClassId] = useState<string | undefined>(undefined)
  const { data, error, isPending } = useQuery(gradebookQueryOptions(classId))

  async function signOut() {
    await fetch('/api/instructor/login', { method: 'DELETE' })
    router.refresh()
  }

  // The classes panel sits at the same place in every branch: a different parent while the gradebook loads would
  // remount it when the gradebook arrives, and wipe a class name the instructor was typing.
  const classes = <ClassesPanel selected={classId} onSelect={setClassId} />
  if (isPending) return <div className="mt-6">{classes}<p className="mt-6">Loading the gradebook…</p></div>
  if (error) return <div className="mt-6">{classes}<p role="alert" className="mt-6">The gradebook could not be loaded: {error.message}</p></div>
  return (
    <div className="mt-6">
      {classes}
      <h2 className="mt-8 text-xl font-semibold">{classId ? 'Class gradebook' : 'Gradebook: every learner'}</h2>
      <div className="flex flex-wrap gap-4">
        <a href={`/api/instructor/gradebook?format=csv${classId ? `&class=${encodeURIComponent(classId)}` : ''}`} download className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">
          Download CSV
        </a>
        <button type="button" onClick={signOut} className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">
          Sign out
        </button>
      </div>
      <p className="mt-4 text-sm">
        {data.rows.length} {classId ? 'learners in this class' : 'learners with activity, a name or a class'}. Scores are each learner&apos;s counted
        attempt (the best, or the last for a quiz that says so), after hint costs and the reference cap; a note under a score says what
        help came before it, or that it was imported or graded on an earlier version of the item.
      </p>
      <ScrollBox label="Gradebook table (scrolls sideways when wide)" className="mt-2">
        <table className="text-sm">
          <thead>
            <tr>
              <th className={cell}>Learner</th>
              <th className={cell}>Student id</th>
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
                <td className={cell} title={row.learnerId}>
                  {row.displayName ?? <span className="font-mono">{row.learnerId.slice(0, 8)}</span>}
                  {row.classes.length > 0 && <span className="block text-xs text-slate-600 dark:text-slate-400">{row.classes.join(', ')}</span>}
                </td>
                <td className={cell}>{row.studentId ?? ''}</td>
                <td className={cell}>{formatWhen(row.createdAt)}</td>
                {data.lessonIds.map((id) => (
                  <td key={id} className={cell}>
                    {formatPercent(row.lessons[id])}
                  </td>
                ))}
                {data.itemIds.map((id) => {
                  const note = row.notes[id]
                  return (
                    <td key={id} className={cell}>
                      {formatPercent(row.items[id])}
                      {note && <span className="block text-xs text-amber-800 dark:text-amber-300">{formatNote(note)}</span>}
                    </td>
                  )
                })}
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
