// GET: the classes with their join codes; POST { name }: open a class. Needs ADMIN_TOKEN, like the gradebook.
import { withApiContext } from '@/lib/api/context.server'
import { handleClasses } from '@/lib/instructor/api.server'

export async function GET(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleClasses(request, ctx))
}

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleClasses(request, ctx))
}
