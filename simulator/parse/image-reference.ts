// The image reference check the docker CLI makes before it asks the daemon for anything (distribution/reference
// ParseNormalizedNamed): lowercase path components joined by /, with ., _, __ or - inside; an optional registry
// host[:port]; then :tag and/or @digest. Official images are named library/NAME, which the uppercase error shows.
import { err, ok, type Result } from '../result'

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^\w[\w.-]{0,127}$/
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/
const HOST = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/

/** The reference as given, or the error text after "docker: " (without the final "."). */
export function parseImageReference(ref: string): Result<string> {
  const invalid = err('invalid-reference', 'invalid reference format')
  const at = ref.indexOf('@')
  const named = at < 0 ? ref : ref.slice(0, at)
  const slash = named.lastIndexOf('/')
  const colon = named.lastIndexOf(':')
  const name = colon > slash ? named.slice(0, colon) : named
  const tag = colon > slash ? named.slice(colon + 1) : null
  const parts = name.split('/')
  const first = parts[0] ?? ''
  // reference.splitDockerDomain: the first part is a registry when it has a "." or ":", is localhost, or has an
  // uppercase letter (so `MyOrg/app` names registry host MyOrg, which the daemon then fails to reach).
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first)
  const path = hasHost ? parts.slice(1) : parts
  const remote = hasHost || path.length > 1 ? path.join('/') : `library/${name}`
  if (remote.toLowerCase() !== remote) return err('invalid-reference', `invalid reference format: repository name (${remote}) must be lowercase`)
  if (hasHost && !HOST.test(first)) return invalid
  if (path.length === 0 || path.some((p) => !COMPONENT.test(p))) return invalid
  if (tag !== null && !TAG.test(tag)) return invalid
  if (at >= 0 && !DIGEST.test(ref.slice(at + 1))) return invalid
  return ok(ref)
}
