import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import gradingJson from '@/content/grading.json'
import { GradingConfigSchema, computeProgress, toCatalog } from './grading'
import { TEST_GRADING, TEST_LESSONS, testCatalog } from './test-helpers'

// The helpers module also opens temp databases (server-only code); these tests use only its data.
vi.mock('server-only', () => ({}))

describe('grading maths', () => {
  it('scores nothing done as 0 and not complete', () => {
    const { course, lessons } = computeProgress(testCatalog(), [], [])
    expect(course).toEqual({ grade: 0, percentComplete: 0, requiredDone: 0, requiredTotal: 3, completed: false })
    expect(lessons.map((l) => l.status)).toEqual(['not-started', 'not-started'])
  })

  it('weights completion and items inside a lesson, then lessons in the course', () => {
    // bridge: completion 1 (done) + challenge 2×0.5 + quiz 1×1 → (1+1+1)/4 = 0.75; intro visited only → 0.
    // course: (1·0 + 3·0.75) / 4 = 0.5625
    const { lessons, course } = computeProgress(
      testCatalog(),
      [
        { lesson_id: 'intro', visits: 2, completed_at: null },
        { lesson_id: 'bridge', visits: 1, completed_at: '2026-01-01T00:00:00.000Z' },
      ],
      [
        { kind: 'challenge', item_id: 'publish-port', best: 0.5, attempts: 4 },
        { kind: 'quiz', item_id: 'bridge-quiz', best: 1, attempts: 1 },
      ],
    )
    expect(lessons.map((l) => [l.status, l.score])).toEqual([
      ['visited', 0],
      ['completed', 0.75],
    ])
    expect(course.grade).toBeCloseTo(0.5625)
    // Required: intro completion (no), bridge completion (yes), challenge ≥ 1 (no); the quiz is optional.
    expect(course).toMatchObject({ requiredDone: 1, requiredTotal: 3, percentComplete: 33, completed: false })
  })

  it('completes the course when every required item is done, whatever the optional ones', () => {
    const { course } = computeProgress(
      testCatalog(),
      [
        { lesson_id: 'intro', visits: 1, completed_at: '2026-01-01T00:00:00.000Z' },
        { lesson_id: 'bridge', visits: 1, completed_at: '2026-01-01T00:00:00.000Z' },
      ],
      [{ kind: 'challenge', item_id: 'publish-port', best: 1, attempts: 1 }],
    )
    expect(course).toMatchObject({ completed: true, percentComplete: 100 })
    expect(course.grade).toBeCloseTo((1 * 1 + 3 * (3 / 4)) / 4)
  })

  it('gives lessons missing from grading.json the default weight and a required completion', () => {
    const catalog = toCatalog([...TEST_LESSONS, { id: 'extra', title: 'Extra', sidebar_position: 0 }], TEST_GRADING)
    expect(catalog.lessons[0]).toEqual({ id: 'extra', title: 'Extra', weight: 1, completionWeight: 1, completionRequired: true, items: [] })
  })

  it('titles each item from the titles it is given, and by its id when it has none', () => {
    const { lessons } = computeProgress(testCatalog(), [], [])
    expect(lessons[1]?.items.map((i) => [i.id, i.title])).toEqual([
      ['publish-port', 'Publish the web port'],
      ['bridge-quiz', 'Bridge basics'],
    ])
    const untitled = toCatalog(TEST_LESSONS, TEST_GRADING)
    expect(untitled.lessons[1]?.items.map((i) => i.title)).toEqual(['publish-port', 'bridge-quiz'])
  })

  it.each([
    [{ attemptPolicy: 'latest', defaultLessonWeight: 1, lessons: {} }, 'attemptPolicy'],
    [{ attemptPolicy: 'best', defaultLessonWeight: -1, lessons: {} }, 'defaultLessonWeight'],
    [{ attemptPolicy: 'best', defaultLessonWeight: 1, lessons: { 'Bad Id': {} } }, 'lessons.Bad Id'],
    [{ attemptPolicy: 'best', defaultLessonWeight: 1, lessons: { a: { items: [{ kind: 'quiz', id: 'q', weight: 0 }] } } }, 'lessons.a.items.0.weight'],
    [{ attemptPolicy: 'best', defaultLessonWeight: 1, lessons: { a: { wieght: 2 } } }, 'lessons.a'],
    [
      {
        attemptPolicy: 'best',
        defaultLessonWeight: 1,
        lessons: { a: { items: [{ kind: 'quiz', id: 'q', weight: 1 }] }, b: { items: [{ kind: 'quiz', id: 'q', weight: 1 }] } },
      },
      'lessons.b.items.0.id',
    ],
  ])('rejects bad grading config #%# at its path', (config, where) => {
    const parsed = GradingConfigSchema.safeParse(config)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(where)
  })

  it('content/grading.json is valid and grades only lessons that exist in content/lessons', () => {
    const config = GradingConfigSchema.parse(gradingJson)
    const dir = path.resolve('content/lessons')
    const ids = readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => /^id:\s*["']?([a-z0-9-]+)/m.exec(readFileSync(path.join(dir, f), 'utf8'))?.[1])
    for (const lessonId of Object.keys(config.lessons)) expect(ids).toContain(lessonId)
  })

  // /progress links each item to /lessons/<grading lesson>#<kind>-<id>, the heading the embed renders.
  it('content/grading.json grades each challenge and quiz in the lesson that embeds it', () => {
    const config = GradingConfigSchema.parse(gradingJson)
    const dir = path.resolve('content/lessons')
    const sources = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => readFileSync(path.join(dir, f), 'utf8'))
        .map((text) => [/^id:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1], text]),
    )
    const misplaced = Object.entries(config.lessons).flatMap(([lessonId, lesson]) =>
      lesson.items
        .filter((item) => !sources.get(lessonId)?.includes(`<${item.kind === 'challenge' ? 'Challenge' : 'Quiz'} id="${item.id}"`))
        .map((item) => `${item.kind} ${item.id} is not embedded in ${lessonId}`),
    )
    expect(misplaced).toEqual([])
  })

  it('content/grading.json grades only quizzes that exist in content/quizzes', () => {
    const config = GradingConfigSchema.parse(gradingJson)
    const quizzes = readdirSync(path.resolve('content/quizzes')).filter((f) => f.endsWith('.json'))
    const graded = Object.values(config.lessons).flatMap((l) => l.items.filter((i) => i.kind === 'quiz').map((i) => `${i.id}.json`))
    for (const file of graded) expect(quizzes).toContain(file)
  })
})
