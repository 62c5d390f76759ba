// GET: the learner's signed record as a JSON download.
import { withApiContext } from '@/lib/api/context.server'
import { handleExport } from '@/lib/progress/api.server'

export async function GET(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleExport(request, ctx))
}
