// One TypeScript entry bundled with esbuild into one ESM file for plain Node, rebuilt only when one of its inputs
// changed since (the inputs are listed beside the bundle). npm packages stay external and load from node_modules.
// Used by scripts/run-ts.mjs (the CLIs) and scripts/serve.mjs (the JSON API, issue 13).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Whether `outfile` was bundled from this checkout's current sources. The inputs are absolute paths, so a bundle
 * copied with node_modules from another checkout (a second worktree made with `cp -al node_modules`) names that
 * checkout's files: it is not fresh here, or this checkout would run the other one's code.
 */
export function isFresh(outfile, checkout = root) {
  const inputsFile = `${outfile}.inputs.json`
  if (!existsSync(outfile) || !existsSync(inputsFile)) return false
  const built = statSync(outfile).mtimeMs
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  return inputs.every((p) => p.startsWith(checkout + path.sep) && existsSync(p) && statSync(p).mtimeMs <= built)
}

// `server-only` throws outside React's server build; under plain Node the bundle is server code by definition.
const serverOnlyIsEmpty = {
  name: 'server-only-is-empty',
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }))
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }))
  },
}

/** Bundles `entry` (a path from the project root) into `outfile` unless that is fresh; returns `outfile`. */
export async function freshBundle(entry, outfile) {
  if (isFresh(outfile)) return outfile
  const { build } = await import('esbuild')
  mkdirSync(path.dirname(outfile), { recursive: true })
  // Several processes may bundle at once (parallel tests, server workers): write beside the target, then rename,
  // so nobody imports a half-written file.
  const tmp = `${outfile}.${process.pid}.tmp.mjs`
  const result = await build({
    entryPoints: [path.resolve(root, entry)],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [serverOnlyIsEmpty],
    metafile: true,
    logLevel: 'error',
    absWorkingDir: root,
  })
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.startsWith('empty:'))
    .map((p) => path.resolve(root, p))
  const inputsFile = `${outfile}.inputs.json`
  writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify(inputs))
  renameSync(tmp, outfile)
  renameSync(`${inputsFile}.${process.pid}`, inputsFile)
  return outfile
}
