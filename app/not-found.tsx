import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-4">
        There is no page at this address. The <Link href="/" className="text-sky-700 underline dark:text-sky-400">course home</Link>{' '}
        lists every lesson.
      </p>
    </main>
  )
}
