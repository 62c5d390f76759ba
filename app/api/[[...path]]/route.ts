// Under `next dev` (and a bare `next start`) every /api request comes here; the production server (scripts/serve.mjs)
// answers /api itself with the same dispatcher and never enters this route. The routes are in lib/api/routes.server.ts.
import { dispatchApi } from '@/lib/api/routes.server'

export const dynamic = 'force-dynamic'

export const GET = dispatchApi
export const POST = dispatchApi
export const PUT = dispatchApi
export const PATCH = dispatchApi
export const DELETE = dispatchApi
