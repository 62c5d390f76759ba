// GET: every learner's scores (one class's with ?class=<id>) as JSON, or CSV with ?format=csv. Needs ADMIN_TOKEN.
import { withApiContext } from '@/lib/api/context.server'
import { handleGradebook } from '@/lib/instructor/api.server'

export async function GET(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleGradebook(request, ctx))
}
