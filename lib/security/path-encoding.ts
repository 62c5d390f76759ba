// A URL path whose percent-encoding does not decode to UTF-8 (`/lessons/%FF`, `/api/challenges/%E0%A4%A/attempts`)
// names nothing on this site. Next 16 answers such a dynamic segment with a bare 500 (its param decoding throws), so
// proxy.ts refuses it first with a 400 that says why.

/** True when some segment of `pathname` has a `%` escape that is not valid UTF-8 once decoded. */
export function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}

/** What a refused path is told, as a page (text) or as the API's JSON error. */
export const MALFORMED_PATH_MESSAGE = 'The address has malformed percent-encoding (a "%" escape that is not UTF-8), so it names nothing on this site.'
