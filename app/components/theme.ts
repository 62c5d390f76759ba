/**
 * Dark mode: follows the system until the learner picks a theme, then remembers the choice in localStorage.
 * THEME_SCRIPT runs inline in <head> before the first paint, so a stored dark theme never flashes light.
 */
export const THEME_STORAGE_KEY = 'packet-path-theme'

export const THEME_SCRIPT = `(function () {
  var stored = null;
  try { stored = window.localStorage.getItem('${THEME_STORAGE_KEY}'); } catch (e) { /* storage blocked: follow the system */ }
  var dark = stored === 'dark' || (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
})();`
