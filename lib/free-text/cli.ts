// npm run --silent grade-answer -- review-q1 < answer.txt
// Reads one answer on stdin and prints one JSON object { score, verdict, feedback }. Exit 0 on a grade, 2 on a
// bad question id or missing argument (message on stderr). The only file here that touches process and stdin.
import { gradeAnswer, parseQuestionId } from './rubrics'
import { REVIEW_QUESTION_IDS } from './rubric-schema'

const USAGE = `usage: npm run --silent grade-answer -- <${REVIEW_QUESTION_IDS.join('|')}> < answer.txt`

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return ''
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  if (args.length !== 1) {
    process.stderr.write(`grade-answer: expected exactly one question id, got ${args.length}\n${USAGE}\n`)
    return 2
  }
  const id = parseQuestionId(args[0])
  if (!id.ok) {
    process.stderr.write(`grade-answer: ${id.error.message}\n${USAGE}\n`)
    return 2
  }
  const grade = gradeAnswer(id.value, await readStdin())
  process.stdout.write(`${JSON.stringify(grade)}\n`)
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`grade-answer: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
