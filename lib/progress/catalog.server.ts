// The gradable course as the server sees it: the lessons the site serves (lib/content/load.server.ts)
// joined with the weights in content/grading.json and the titles of the graded challenges and
// quizzes (their content files). Validated once per process; a bad grading.json, or one that
// grades a challenge or quiz with no file, stops the server with a message naming it.
import 'server-only'
import gradingJson from '@/content/grading.json'
import { loadChallenge } from '../challenges/load.server'
import { getLessons } from '../content/load.server'
import { challengeVersion, quizVersion } from '../content/version.server'
import { GradingConfigSchema, itemKey, toCatalog, type Catalog, type GradedItem, type GradingConfig, type ItemInfo, type ItemTitles } from './grading'
import { loadQuiz } from '../quiz/load.server'

export function parseGradingConfig(raw: unknown, source = 'content/grading.json'): GradingConfig {
  const parsed = GradingConfigSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new Error(`${source} is invalid: ${issues}`)
  }
  return parsed.data
}

type Loaded = { title: string; counts?: 'best' | 'last'; contentVersion?: string }
type TitleLoaders = { challenge: (id: string) => Loaded | null; quiz: (id: string) => Loaded | null }

const CONTENT_LOADERS: TitleLoaders = {
  challenge: (id) => {
    const c = loadChallenge(id)
    return c && { title: c.title, contentVersion: challengeVersion(c) }
  },
  quiz: (id) => {
    const q = loadQuiz(id)
    return q && { title: q.title, counts: q.attempts.counts, contentVersion: quizVersion(q) }
  },
}
const FOLDER = { challenge: 'content/challenges', quiz: 'content/quizzes' } as const

/**
 * The title of each graded item (and which attempt counts, and its content version), read from its content file;
 * a missing file throws, naming the item and the file.
 */
export function loadItemTitles(items: readonly GradedItem[], loaders: TitleLoaders = CONTENT_LOADERS, source = 'content/grading.json'): ItemTitles {
  const titles = new Map<string, ItemInfo>()
  for (const item of items) {
    const content = loaders[item.kind](item.id)
    if (!content) throw new Error(`${source} grades ${item.kind} "${item.id}", but there is no ${FOLDER[item.kind]}/${item.id}.json`)
    titles.set(itemKey(item.kind, item.id), content)
  }
  return titles
}

let catalog: Promise<Catalog> | undefined

export function getCatalog(): Promise<Catalog> {
  if (!catalog || process.env.NODE_ENV === 'development') {
    const config = parseGradingConfig(gradingJson)
    catalog = getLessons().then((lessons) => {
      // Only the lessons this site serves are graded (toCatalog), so only their items need a title.
      const served = new Set(lessons.map((l) => l.id))
      const items = Object.entries(config.lessons).flatMap(([id, lesson]) => (served.has(id) ? lesson.items : []))
      return toCatalog(lessons, config, loadItemTitles(items))
    })
    catalog.catch(() => {
      catalog = undefined
    })
  }
  return catalog
}
