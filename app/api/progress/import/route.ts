// POST <exported record>: merge a signed record into the current learner's.
import { apiContext } from '@/lib/api-context.server'
import { handleImport } from '@/lib/api-progress.server'

export async function POST(request: Request): Promise<Response> {
  return handleImport(request, await apiContext())
}
