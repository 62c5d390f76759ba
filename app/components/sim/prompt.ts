// What the terminal's prompt and log look like, shared by the live terminal (terminal.tsx) and the sandbox's
// server-rendered preview of it (sandbox.tsx), so the one replaces the other without a visible change. A module of
// its own: the preview must not import the terminal (and with it the simulator's completion) into the page's first load.

/** The command input: no autocorrect or capitals on a phone, and an Enter key labelled "send". */
export const PROMPT_INPUT = {
  autoComplete: 'off',
  autoCapitalize: 'off',
  autoCorrect: 'off',
  spellCheck: false,
  enterKeyHint: 'send',
  className: 'min-w-0 flex-1 rounded bg-slate-900 px-2 py-1 font-mono text-sm text-white',
} as const

export const TERMINAL_LOG = 'max-h-80 min-h-24 overflow-auto rounded-t-md bg-slate-900 p-3 font-mono text-sm text-slate-100'
export const PROMPT_BAR = 'flex flex-wrap items-center gap-2 rounded-b-md bg-slate-800 p-2'
export const RUN_BUTTON = 'rounded bg-sky-700 px-3 py-1 text-sm font-semibold text-white hover:bg-sky-600'
