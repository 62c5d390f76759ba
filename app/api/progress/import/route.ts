// POST <exported record>: merge a signed record into the current learner's.
import { withApiContext } from '@/lib/api/context.server'
import { handleImport } from '@/lib/progress/api.server'

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleImport(request, ctx))
}
