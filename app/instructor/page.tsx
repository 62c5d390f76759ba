import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { connection } from 'next/server'
import { Providers } from '@/app/providers'
import { sessionSecret } from '@/lib/api/context.server'
import { ADMIN_COOKIE, isAdminRequest } from '@/lib/api/identity.server'
import { GradebookView } from './gradebook-view'
import { InstructorLogin } from './instructor-login'

export const metadata: Metadata = { title: 'Instructor gradebook', robots: { index: false } }

export default async function InstructorPage() {
  // ADMIN_TOKEN is read per request: the page must not be prerendered with the build machine's value.
  await connection()
  const token = process.env.ADMIN_TOKEN
  const frame = 'mx-auto w-full max-w-6xl px-4 py-6'
  if (!token) {
    return (
      <main id="main" className={frame}>
        <h1 className="text-3xl font-bold tracking-tight">Instructor gradebook</h1>
        <p className="mt-4">The instructor gradebook is switched off on this server. Start it with ADMIN_TOKEN set to enable it.</p>
      </main>
    )
  }
  const cookie = (await cookies()).get(ADMIN_COOKIE)?.value
  const signedIn = isAdminRequest(sessionSecret(), token, undefined, cookie)
  return (
    <main id="main" className={frame}>
      <h1 className="text-3xl font-bold tracking-tight">Instructor gradebook</h1>
      <Providers>{signedIn ? <GradebookView /> : <InstructorLogin />}</Providers>
    </main>
  )
}
