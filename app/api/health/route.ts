// GET: is this instance fit to serve (database reachable, migrations current)? 200 or 503; for load balancers.
import { healthResponse } from '@/lib/api/health.server'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  return healthResponse()
}
