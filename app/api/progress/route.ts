// GET: the current learner's progress (creating the learner and cookie on a first visit).
import { withApiContext } from '@/lib/api/context.server'
import { handleGetProgress } from '@/lib/progress/api.server'

export async function GET(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleGetProgress(request, ctx))
}
