import type { FormMessage } from './messages'

/** A form's live status line: one plain sentence, and the server's own words folded away under "Details". */
export function FormStatus({ message }: { message: FormMessage | null }) {
  return (
    <div role="status" aria-live="polite" className="mt-2 text-sm">
      {message === null ? null : (
        <>
          <p>{message.text}</p>
          {message.details === undefined ? null : (
            <details className="mt-1 text-slate-600 dark:text-slate-400">
              <summary className="cursor-pointer">Details</summary>
              <p className="mt-1 break-words">{message.details}</p>
            </details>
          )}
        </>
      )}
    </div>
  )
}
