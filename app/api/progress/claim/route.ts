// POST { code }: continue on this device as the learner who owns the progress code (rate-limited).
import { withApiContext } from '@/lib/api/context.server'
import { handleClaim } from '@/lib/progress/api.server'

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleClaim(request, ctx))
}
