// POST { code }: join an instructor's class with its code.
import { withApiContext } from '@/lib/api/context.server'
import { handleJoinClass } from '@/lib/progress/api.server'

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleJoinClass(request, ctx))
}
