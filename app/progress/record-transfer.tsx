'use client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type ChangeEvent } from 'react'
import { importRecordMutationOptions } from '@/lib/queries'
import { FormStatus } from './form-status'
import { formatImported, formatImportError, type FormMessage } from './messages'

export function RecordTransfer() {
  const client = useQueryClient()
  const importRecord = useMutation(importRecordMutationOptions(client))
  const [readError, setReadError] = useState('')
  // The parsed file, kept to say what it lacks when the server refuses it.
  const [sent, setSent] = useState<unknown>(null)
  const inputId = useId()

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    if (!file) return
    setReadError('')
    let record: unknown
    try {
      record = JSON.parse(await file.text())
    } catch {
      setReadError(`${file.name} is not a JSON file. Choose the file you downloaded with "Download my record".`)
      return
    }
    setSent(record)
    importRecord.mutate(record)
  }

  let message: FormMessage | null = readError ? { text: readError } : null
  if (!message && importRecord.isError) message = formatImportError(importRecord.error, sent)
  if (!message && importRecord.isSuccess) message = { text: formatImported(importRecord.data) }

  return (
    <section aria-labelledby="record-title">
      <h2 id="record-title" className="text-xl font-semibold">
        Your record
      </h2>
      <p className="mt-2">
        Download everything you have done as a JSON file, or import a file you downloaded from this course. A record imports only into the
        learner who downloaded it, or into a browser with no progress yet, which then continues as that learner.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <a href="/api/progress/export" download className="rounded-md border border-slate-300 px-4 py-2 dark:border-slate-700">
          Download my record
        </a>
        <label htmlFor={inputId} className="text-sm font-medium">
          Import a record
        </label>
        <input id={inputId} type="file" accept="application/json,.json" onChange={onFile} className="text-sm" />
      </div>
      <FormStatus message={message} />
    </section>
  )
}
