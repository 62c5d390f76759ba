// POST { token }: sign the instructor in with a cookie. DELETE: sign out.
import { withApiContext } from '@/lib/api/context.server'
import { handleAdminLogin, handleAdminLogout } from '@/lib/instructor/api.server'

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleAdminLogin(request, ctx))
}

export function DELETE(request: Request): Response {
  return handleAdminLogout(request)
}
