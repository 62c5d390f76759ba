#!/usr/bin/env node
// Run a TypeScript CLI fast: bundle it once with esbuild into node_modules/.cache and reuse the bundle until one of
// its inputs changes. tsx compiles on every start (about a second here); authors call `grade-answer` many times in a
// row and it must answer within half a second, so the compile is paid once, not per call.
// usage: node scripts/run-ts.mjs path/to/cli.ts [args…]
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [entryArg, ...args] = process.argv.slice(2)
if (!entryArg) {
  process.stderr.write('usage: node scripts/run-ts.mjs path/to/cli.ts [args…]\n')
  process.exit(2)
}
const entry = path.resolve(root, entryArg)
const cacheDir = path.join(root, 'node_modules', '.cache', 'packet-path')
const outfile = path.join(cacheDir, `${path.relative(root, entry).replace(/[\\/]/g, '__')}.mjs`)
const inputsFile = `${outfile}.inputs.json`

function isFresh() {
  if (!existsSync(outfile) || !existsSync(inputsFile)) return false
  const built = statSync(outfile).mtimeMs
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  return inputs.every((p) => existsSync(p) && statSync(p).mtimeMs <= built)
}

async function bundle() {
  const { build } = await import('esbuild')
  mkdirSync(cacheDir, { recursive: true })
  // Several callers may bundle at once (parallel tests): write beside the target, then rename, so nobody imports
  // a half-written file.
  const tmp = `${outfile}.${process.pid}.tmp.mjs`
  const result = await build({
    entryPoints: [entry],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
    absWorkingDir: root,
  })
  const inputs = Object.keys(result.metafile.inputs).map((p) => path.resolve(root, p))
  writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify(inputs))
  renameSync(tmp, outfile)
  renameSync(`${inputsFile}.${process.pid}`, inputsFile)
}

if (!isFresh()) await bundle()
process.argv = [process.argv[0], outfile, ...args]
await import(pathToFileURL(outfile).href)
