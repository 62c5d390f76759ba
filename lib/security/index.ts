// Security headers for every response: the Content-Security-Policy (by hash for prerendered pages, by nonce for pages
// rendered on request), nosniff, Referrer-Policy and framing refused. proxy.ts applies them; this folder only builds
// them and knows nothing of requests. Server-side only (node:crypto, node:fs).
export { API_POLICY, SECURITY_HEADERS, setSecurityHeaders, inlineScripts, newNonce, pagePolicy, scriptHash, type ScriptSource } from './csp'
export { pageHashes, prerenderedFile, type PageHashes } from './static-page-hashes.server'
export { MALFORMED_PATH_MESSAGE, hasMalformedEncoding } from './path-encoding'
