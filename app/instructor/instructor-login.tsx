'use client'
import { useMutation } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useId, useState, type FormEvent } from 'react'
import { adminLoginMutationOptions } from '@/lib/queries'

export function InstructorLogin() {
  const router = useRouter()
  const login = useMutation({ ...adminLoginMutationOptions(), onSuccess: () => router.refresh() })
  const [token, setToken] = useState('')
  const inputId = useId()

  function submit(event: FormEvent) {
    event.preventDefault()
    // Pasted tokens often carry spaces or a newline; the server trims too, for API callers.
    login.mutate(token.trim())
  }

  return (
    <form onSubmit={submit} className="mt-6 max-w-md space-y-3">
      <p>Sign in with the instructor token (the server&apos;s ADMIN_TOKEN) to see every learner&apos;s scores.</p>
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium">
          Instructor token
        </label>
        <input
          id={inputId}
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          autoComplete="current-password"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      <button type="submit" disabled={login.isPending || token.trim() === ''} className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Sign in
      </button>
      <p role="status" aria-live="polite" className="text-sm">
        {login.isError ? login.error.message : ''}
      </p>
    </form>
  )
}
