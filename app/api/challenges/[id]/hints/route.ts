// GET: the hint rungs this learner has been shown; POST: reveal and record the next one. lib/challenges/api.server.ts.
import { withApiContext } from '@/lib/api/context.server'
import { handleNextHint, handleShownHints } from '@/lib/challenges/api.server'

type Params = { params: Promise<{ id: string }> }

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params
  return withApiContext((ctx) => handleShownHints(request, ctx, id))
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params
  return withApiContext((ctx) => handleNextHint(request, ctx, id))
}
