// POST { answers }: grade one quiz attempt on the server, store it in the learner's record, answer with the
// verdicts and explanations. Everything happens in lib/quiz/api.server.ts; this file passes the real context in.
import { withApiContext } from '@/lib/api/context.server'
import { handleQuizAttempt } from '@/lib/quiz/api.server'
import { gradeDeps } from '@/lib/quiz/engines.server'

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  return withApiContext((ctx) => handleQuizAttempt(request, ctx, id, { deps: gradeDeps }))
}
