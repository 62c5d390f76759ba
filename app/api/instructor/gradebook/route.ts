// GET: every learner's scores (one class's with ?class=<id>) as JSON, or CSV with ?format=csv. Needs ADMIN_TOKEN.
import { apiContext } from '@/lib/api-context.server'
import { handleGradebook } from '@/lib/api-instructor.server'

export async function GET(request: Request): Promise<Response> {
  return handleGradebook(request, await apiContext())
}
