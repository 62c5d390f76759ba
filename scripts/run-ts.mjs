#!/usr/bin/env node
// Run a TypeScript CLI fast: bundle it once with esbuild into node_modules/.cache and reuse the bundle until one of
// its inputs changes. tsx compiles on every start (about a second here); authors call `grade-answer` many times in a
// row and it must answer within half a second, so the compile is paid once, not per call.
// usage: node scripts/run-ts.mjs path/to/cli.ts [args…]
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { freshBundle } from './ts-bundle.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [entryArg, ...args] = process.argv.slice(2)
if (!entryArg) {
  process.stderr.write('usage: node scripts/run-ts.mjs path/to/cli.ts [args…]\n')
  process.exit(2)
}
const entry = path.resolve(root, entryArg)
const outfile = path.join(root, 'node_modules', '.cache', 'packet-path', `${path.relative(root, entry).replace(/[\\/]/g, '__')}.mjs`)

await freshBundle(entry, outfile)
process.argv = [process.argv[0], outfile, ...args]
await import(pathToFileURL(outfile).href)
