// POST { lessonId }: mark a lesson complete (idempotent).
import { withApiContext } from '@/lib/api/context.server'
import { handleLessonComplete } from '@/lib/progress/api.server'

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleLessonComplete(request, ctx))
}
