/**
 * What a learner does before the page's code has arrived. A prerendered page's scripts are requested after its first
 * paint (scripts/defer-scripts.mjs) and take a while on a phone; until React has hydrated, no handler is attached.
 * EARLY_INPUT_SCRIPT runs inline in <head> on every page, before any other script, and keeps two kinds of input:
 *
 * - A tap on a plain button (`<button type="button">`: the lesson list's toggle, Dark mode, a challenge's Start) did
 *   nothing. The script notes the button; once the page has hydrated, HydrationMark (in the layout) clicks it again
 *   (replayEarlyClicks), so the tap takes effect then instead of being lost. Links, form controls and submit buttons
 *   work without JavaScript and are left alone.
 * - A line entered at a server-rendered prompt (Enter, or its Run button) did nothing, and a learner who then typed
 *   the next line over it lost it. While a prompt is marked `data-early-prompt="waiting"`, the script keeps the line
 *   on the input itself and clears it, as the live prompt does. The island takes the lines when it hydrates
 *   (takeEarlyLines), which also stops the keeping, and runs them in order with its own.
 */
export const EARLY_PROMPT_ATTR = 'data-early-prompt'
const EARLY_CLICKS = '__packetPathEarlyClicks'
const HYDRATED = '__packetPathHydrated'
/** A few taps are intent; a burst of them on a page that does not respond yet is not worth replaying. */
const MAX_EARLY_CLICKS = 4
export const EARLY_RUN_ATTR = 'data-early-run'
const LINES_ATTR = 'data-early-lines'

export const EARLY_INPUT_SCRIPT = `(function () {
  function waiting(el) { return el && el.getAttribute && el.getAttribute('${EARLY_PROMPT_ATTR}') === 'waiting'; }
  function keep(input) {
    if (!input.value || !input.value.trim()) return;
    var lines = [];
    try { lines = JSON.parse(input.getAttribute('${LINES_ATTR}') || '[]'); } catch (e) { lines = []; }
    lines.push(input.value);
    input.setAttribute('${LINES_ATTR}', JSON.stringify(lines));
    input.value = '';
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.isComposing && waiting(e.target)) { e.preventDefault(); keep(e.target); }
  }, true);
  // Once React has begun to hydrate the document (it marks it), it handles a click itself, replaying it if its target
  // is not hydrated yet; a second replay from here would undo a toggle.
  function reactStarted() {
    for (var key in document) if (key.indexOf('__reactContainer$') === 0) return true;
    return false;
  }
  var clicks = (window.${EARLY_CLICKS} = []);
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('[${EARLY_RUN_ATTR}]') : null;
    var input = button ? document.getElementById(button.getAttribute('${EARLY_RUN_ATTR}')) : null;
    if (waiting(input)) { e.preventDefault(); keep(input); return; }
    var plain = e.target && e.target.closest ? e.target.closest('button[type="button"]') : null;
    if (plain && !window.${HYDRATED} && !reactStarted() && clicks.length < ${MAX_EARLY_CLICKS}) clicks.push(plain);
  }, true);
})();`

/** The lines kept on `input` before hydration, in order; from now on Enter there is the island's alone. */
export function takeEarlyLines(input: HTMLInputElement): string[] {
  input.setAttribute(EARLY_PROMPT_ATTR, 'live')
  const raw = input.getAttribute(LINES_ATTR)
  input.removeAttribute(LINES_ATTR)
  if (raw === null) return []
  try {
    const lines: unknown = JSON.parse(raw)
    return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : []
  } catch {
    return []
  }
}

/** Called once the page has hydrated (HydrationMark): every plain button tapped before now is clicked again, in order. */
export function replayEarlyClicks(): void {
  const w = window as unknown as Record<string, unknown>
  w[HYDRATED] = true
  const clicks = Array.isArray(w[EARLY_CLICKS]) ? (w[EARLY_CLICKS] as HTMLElement[]).splice(0) : []
  for (const button of clicks) if (button.isConnected) button.click()
}
