// POST: the reference solution, after a checked setup of the learner's own; recorded, so a later pass is capped.
import { withApiContext } from '@/lib/api/context.server'
import { handleReference } from '@/lib/challenges/api.server'

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  return withApiContext((ctx) => handleReference(request, ctx, id))
}
