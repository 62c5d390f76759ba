'use client'
// "Your name" on /progress: an optional display name and student id the instructor sees in the gradebook (never
// needed to learn), and joining a class with the code or link an instructor gives. A link /progress?join=CODE fills
// the code in.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { joinClassMutationOptions, profileMutationOptions } from '@/lib/queries'
import type { Profile } from '@/lib/schemas'
import { FormStatus } from './form-status'

const input = 'mt-1 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-900'
const submitButton = 'rounded-md bg-sky-700 px-4 py-2 font-semibold text-white disabled:opacity-60'

export function ProfileForm({ profile, classes }: { profile: Profile; classes: readonly { id: string; name: string }[] }) {
  const client = useQueryClient()
  const save = useMutation(profileMutationOptions(client))
  const join = useMutation(joinClassMutationOptions(client))
  const [name, setName] = useState(profile.displayName ?? '')
  const [studentId, setStudentId] = useState(profile.studentId ?? '')
  const [code, setCode] = useState('')
  const ids = { name: useId(), student: useId(), code: useId() }

  useEffect(() => {
    const fromLink = new URLSearchParams(window.location.search).get('join')
    if (fromLink) setCode(fromLink)
  }, [])

  function saveProfile(event: FormEvent) {
    event.preventDefault()
    save.mutate({ displayName: name.trim(), studentId: studentId.trim() })
  }
  function joinClass(event: FormEvent) {
    event.preventDefault()
    join.mutate(code.trim(), { onSuccess: () => setCode('') })
  }

  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title" className="text-xl font-semibold">
        Your name and class
      </h2>
      <p className="mt-2">
        Optional: if your course has an instructor, give the name they should see in their gradebook, and join their class with the
        code they gave you. You can change both at any time; nothing here is needed to learn.
      </p>
      <form onSubmit={saveProfile} className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={ids.name} className="block text-sm font-medium">
            Display name
          </label>
          <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" className={input} />
        </div>
        <div>
          <label htmlFor={ids.student} className="block text-sm font-medium">
            Student id (optional)
          </label>
          <input id={ids.student} value={studentId} onChange={(e) => setStudentId(e.target.value)} maxLength={40} autoComplete="off" className={input} />
        </div>
        <button type="submit" disabled={save.isPending} className={submitButton}>
          Save name
        </button>
      </form>
      <FormStatus message={save.isError ? { text: save.error.message } : save.isSuccess ? { text: save.data.displayName ? `Saved: your instructor sees "${save.data.displayName}".` : 'Saved: no name is shown.' } : null} />
      {classes.length > 0 && <p className="mt-4">Your classes: {classes.map((c) => c.name).join(', ')}.</p>}
      <form onSubmit={joinClass} className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={ids.code} className="block text-sm font-medium">
            Class code
          </label>
          <input id={ids.code} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} placeholder="ABCD-EFGH" className={`${input} font-mono uppercase`} />
        </div>
        <button type="submit" disabled={join.isPending || code.trim() === ''} className={submitButton}>
          Join class
        </button>
      </form>
      <FormStatus message={join.isError ? { text: join.error.message } : join.isSuccess ? { text: `You joined ${join.data.name}.` } : null} />
    </section>
  )
}
