// `npm run --silent sim -- FILE.json`: one JSON document on stdout and exit 0 for a valid scenario (whatever the
// outcomes); exit 2 with a message naming the problem on stderr otherwise. The only simulator file touching fs/process.
import { readFileSync } from 'node:fs'
import { formatSimError, runScenario } from './index'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(2)
}

const file = process.argv.slice(2).find((a) => a !== '--')
if (file === undefined) fail('usage: npm run --silent sim -- FILE.json')
let text: string
try {
  text = readFileSync(file, 'utf8')
} catch (e) {
  fail(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
}
let json: unknown
try {
  json = JSON.parse(text)
} catch (e) {
  fail(`${file}: not valid JSON (${(e as Error).message})`)
}
const result = runScenario(json)
if (!result.ok) fail(`${file}: ${formatSimError(result.error)}`)
process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`)
