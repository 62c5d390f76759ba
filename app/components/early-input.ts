/**
 * Lines entered at a server-rendered prompt before its island has hydrated. A prerendered page's scripts are
 * requested after its first paint (scripts/defer-scripts.mjs), and on a phone they take a while to arrive; until then
 * React's Enter handler is not attached, and a line entered then did nothing (a learner who then typed the next line
 * over it lost it). EARLY_INPUT_SCRIPT runs inline in <head> on every page, before any other script: while a prompt
 * is marked `data-early-prompt="waiting"`, Enter in it (or a click on a button naming it in `data-early-run`) keeps the
 * line on the input itself and clears it, as the live prompt does. The island takes the lines when it hydrates
 * (takeEarlyLines), which also stops the keeping, and runs them in order with its own.
 */
export const EARLY_PROMPT_ATTR = 'data-early-prompt'
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
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('[${EARLY_RUN_ATTR}]') : null;
    var input = button ? document.getElementById(button.getAttribute('${EARLY_RUN_ATTR}')) : null;
    if (waiting(input)) { e.preventDefault(); keep(input); }
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
