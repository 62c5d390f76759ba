// The gradable course as the server sees it: the lessons the site serves (lib/content.server.ts)
// joined with the weights in content/grading.json. Validated once per process; a bad
// grading.json stops the server with the zod path of the bad field.
import 'server-only'
import gradingJson from '@/content/grading.json'
import { getLessons } from './content.server'
import { GradingConfigSchema, toCatalog, type Catalog, type GradingConfig } from './progress-grading'

export function parseGradingConfig(raw: unknown, source = 'content/grading.json'): GradingConfig {
  const parsed = GradingConfigSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new Error(`${source} is invalid: ${issues}`)
  }
  return parsed.data
}

let catalog: Promise<Catalog> | undefined

export function getCatalog(): Promise<Catalog> {
  if (!catalog || process.env.NODE_ENV === 'development') {
    const config = parseGradingConfig(gradingJson)
    catalog = getLessons().then((lessons) => toCatalog(lessons, config))
    catalog.catch(() => {
      catalog = undefined
    })
  }
  return catalog
}
