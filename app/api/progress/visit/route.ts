// POST { lessonId }: count a visit to a lesson.
import { withApiContext } from '@/lib/api/context.server'
import { handleLessonVisit } from '@/lib/progress/api.server'

export async function POST(request: Request): Promise<Response> {
  return withApiContext((ctx) => handleLessonVisit(request, ctx))
}
