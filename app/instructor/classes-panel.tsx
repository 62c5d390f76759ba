'use client'
// Classes on /instructor: open one (its join code and link appear at once), list them with their member counts, and
// pick one to see its gradebook or download its CSV. Learners join on /progress with the code or the link.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { classesQueryOptions, createClassMutationOptions } from '@/lib/queries'

const button = 'rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700'

export function joinLink(origin: string, joinCode: string): string {
  return `${origin}/progress?join=${encodeURIComponent(joinCode)}`
}

export function ClassesPanel({ selected, onSelect }: { selected: string | undefined; onSelect: (classId: string | undefined) => void }) {
  const client = useQueryClient()
  const classes = useQuery(classesQueryOptions())
  const create = useMutation(createClassMutationOptions(client))
  const [name, setName] = useState('')
  const inputId = useId()
  const origin = typeof window === 'undefined' ? '' : window.location.origin

  function submit(event: FormEvent) {
    event.preventDefault()
    create.mutate(name.trim(), { onSuccess: () => setName('') })
  }

  return (
    <section aria-labelledby="classes-title" className="mt-6">
      <h2 id="classes-title" className="text-xl font-semibold">
        Classes
      </h2>
      <p className="mt-1 text-sm">Open a class and give learners its code or link; those who join are listed in its gradebook, by the name they give on their progress page.</p>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium">
            Class name
          </label>
          <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} className="mt-1 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-900" />
        </div>
        <button type="submit" disabled={create.isPending || name.trim() === ''} className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          Open a class
        </button>
      </form>
      <p role="status" aria-live="polite" className="mt-2 text-sm">
        {create.isError ? create.error.message : create.isSuccess ? `Opened "${create.data.name}": join code ${create.data.joinCode}.` : ''}
      </p>
      {classes.isError && <p role="alert">The classes could not be loaded: {classes.error.message}</p>}
      {classes.data && classes.data.classes.length > 0 && (
        <ul aria-label="Your classes" className="mt-3 space-y-3">
          {classes.data.classes.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 p-3 dark:border-slate-800">
              <p className="font-semibold">
                {c.name} <span className="font-normal">({c.members} {c.members === 1 ? 'learner' : 'learners'})</span>
              </p>
              <p className="text-sm">
                Join code <code className="font-mono" data-testid="join-code">{c.joinCode}</code> · link{' '}
                <code className="font-mono break-all">{joinLink(origin, c.joinCode)}</code>
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" aria-pressed={selected === c.id} onClick={() => onSelect(selected === c.id ? undefined : c.id)} className={button}>
                  {selected === c.id ? `Showing ${c.name}` : `Show ${c.name}'s gradebook`}
                </button>
                <a href={`/api/instructor/gradebook?class=${encodeURIComponent(c.id)}&format=csv`} download className={button}>
                  Download {c.name}&apos;s CSV
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
