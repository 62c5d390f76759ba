// POST { displayName, studentId }: the name the instructor sees in the gradebook (optional; empty clears it).
import { withApiContext } from '@/lib/api/context.server'
import { handleProfile } from '@/lib/progress/api.server'

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleProfile(request, ctx))
}
