// POST { token }: sign the instructor in with a cookie. DELETE: sign out.
import { apiContext } from '@/lib/api-context.server'
import { handleAdminLogin, handleAdminLogout } from '@/lib/api-instructor.server'

export async function POST(request: Request): Promise<Response> {
  return handleAdminLogin(request, await apiContext())
}

export function DELETE(request: Request): Response {
  return handleAdminLogout(request)
}
