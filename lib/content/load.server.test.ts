import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LessonContentError } from './lessons'

// 'server-only' throws outside React's server build; the loader is plain Node code under test.
vi.mock('server-only', () => ({}))
const { loadLessons } = await import('./load.server')

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function lessonDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'packet-path-lessons-'))
  dirs.push(dir)
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(dir, name), text)))
  return dir
}

function lesson(id: string, position: number, body = 'Some text.', extra = ''): string {
  return `---
id: ${id}
title: Lesson ${id}
sidebar_position: ${position}
summary: About ${id}.
objectives:
  - Do ${id}
minutes: 5
${extra}---

${body}
`
}

async function loadError(dir: string): Promise<LessonContentError> {
  const error = await loadLessons(dir).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(LessonContentError)
  return error as LessonContentError
}

describe('loadLessons', () => {
  it('compiles lessons and sorts them by sidebar_position', async () => {
    const dir = await lessonDir({
      'zeta.mdx': lesson('zeta', 1),
      'alpha.mdx': lesson('alpha', 30),
      'mid.mdx': lesson('mid', 7, '```bash\ndocker network ls\n```'),
    })
    const lessons = await loadLessons(dir)
    expect(lessons.map((l) => [l.id, l.sidebar_position])).toEqual([
      ['zeta', 1],
      ['mid', 7],
      ['alpha', 30],
    ])
    // Highlighted at build time: shiki's colours are in the compiled code, for both themes.
    expect(lessons[1]?.code).toContain('--shiki-dark')
  })

  it('names the file and the zod path of a bad front matter field', async () => {
    const bad = lesson('broken', 2).replace('minutes: 5', 'minutes: soon').replace('  - Do broken', '  - 42')
    const dir = await lessonDir({ 'ok.mdx': lesson('ok', 1), 'broken.mdx': bad })
    const error = await loadError(dir)
    const file = path.relative(process.cwd(), path.join(dir, 'broken.mdx'))
    expect(error.message).toContain(`${file}: front matter field "minutes": minutes is required and must be a number`)
    expect(error.message).toContain(`${file}: front matter field "objectives[0]":`)
    expect(error.errors.every((e) => e.file === file)).toBe(true)
  })

  it('names the file and line of MDX that does not compile', async () => {
    const dir = await lessonDir({ 'bad-jsx.mdx': lesson('bad-jsx', 1, 'Intro\n\n<Callout>\n  never closed\n') })
    const error = await loadError(dir)
    const file = path.relative(process.cwd(), path.join(dir, 'bad-jsx.mdx'))
    expect(error.errors).toEqual([
      { file, line: 13, message: expect.stringContaining('Expected a closing tag for `<Callout>`') },
    ])
    expect(error.message).toContain(`${file}:13: MDX does not compile`)
  })

  it('reports invalid YAML front matter with the file name', async () => {
    const dir = await lessonDir({ 'yaml.mdx': '---\nid: [unclosed\n---\n\nText\n' })
    const error = await loadError(dir)
    expect(error.errors[0]?.file).toMatch(/yaml\.mdx$/)
    expect(error.errors[0]?.message).toMatch(/YAML|front matter/)
  })

  it('fails on an unclosed fence even though MDX itself would accept it', async () => {
    const dir = await lessonDir({ 'fence.mdx': lesson('fence', 1, 'Text\n\n```bash\ndocker ps\n') })
    const error = await loadError(dir)
    expect(error.errors).toEqual([expect.objectContaining({ line: 13, message: 'code fence ``` is never closed' })])
  })

  it('rejects a lesson whose id differs from its file name', async () => {
    const dir = await lessonDir({ 'one.mdx': lesson('two', 1) })
    const error = await loadError(dir)
    expect(error.errors[0]).toMatchObject({ field: 'id', message: expect.stringContaining('rename the file to two.mdx') })
  })

  it('says which folder it could not read', async () => {
    await expect(loadLessons('/nonexistent/packet-path')).rejects.toThrow('Cannot read the lessons folder /nonexistent/packet-path')
  })
})

describe('the first lesson', () => {
  it('loads, and shows the four review questions, five drivers and both diagrams', async () => {
    const lessons = await loadLessons(path.join(process.cwd(), 'content', 'lessons'))
    const intro = lessons.find((l) => l.id === 'container-networking-intro')
    expect(intro?.title).toBe('Introduction to Container Networking')
    const code = intro?.code ?? ''
    for (const id of ['review-q1', 'review-q2', 'review-q3', 'review-q4']) expect(code).toContain(`"${id}"`)
    for (const driver of ['bridge', 'host', 'none', 'macvlan', 'overlay']) expect(code).toContain(`children:"${driver}"`)
    expect(code).toContain('/diagrams/traditional-host-path.svg')
    expect(code).toContain('/diagrams/container-packet-path.svg')
    // The free-text grader's feedback links to these sections (content/review/rubrics/*.json).
    for (const anchor of ['packet-path', 'drivers', 'overlay', 'virtual-vs-real-nics']) expect(code).toContain(`id:"${anchor}"`)
    // Markdown headings get ids from their text.
    expect(code).toContain('id:"coming-up"')
    // Compiling the whole course (every lesson, with syntax highlighting) takes seconds on a busy 2-core machine.
  }, 60_000)
})
