// POST { answers }: grade one quiz attempt on the server, store it in the learner's record, answer with the
// verdicts and explanations. Everything happens in lib/quiz/api.server.ts; this file passes the real context in.
import { apiContext } from '@/lib/api-context.server'
import { handleQuizAttempt } from '@/lib/quiz/api.server'
import { gradeDeps } from '@/lib/quiz/engines.server'

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  return handleQuizAttempt(request, await apiContext(), id, { deps: gradeDeps })
}
