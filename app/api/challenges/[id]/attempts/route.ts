// POST { commands: [{ on, run }] }: replay and grade one challenge attempt on the server, store it in the
// learner's record, answer with every check's verdict and explanation. The work is in lib/challenges/api.server.ts.
import { withApiContext } from '@/lib/api/context.server'
import { handleChallengeAttempt } from '@/lib/challenges/api.server'

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  return withApiContext((ctx) => handleChallengeAttempt(request, ctx, id))
}
