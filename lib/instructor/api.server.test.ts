import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const api = await import('./api.server')
const progressApi = await import('../progress/api.server')
const { formatGradebookCsv } = await import('./gradebook.server')
const { recordChallengeAttempt } = await import('../progress/store.server')
const { ApiErrorSchema, GradebookSchema } = await import('../schemas')
const { openTempDb, testContext, apiRequest, cookieFrom } = await import('../progress/test-helpers')
const { PEER_HEADER } = await import('../api/client-address')

let t: Awaited<ReturnType<typeof openTempDb>>
beforeEach(async () => {
  t = await openTempDb()
})
afterEach(async () => {
  await t.close()
})

const TOKEN = 'instructor-token-123'

async function seed(ctx: ReturnType<typeof testContext>) {
  const res = await progressApi.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'bridge' } }), ctx)
  const cookie = cookieFrom(res) ?? ''
  const id = cookie.split('.')[1] ?? ''
  await recordChallengeAttempt(t.db, ctx.catalog, id, 'publish-port', ['x'], () => ({ score: 0.5, passed: false, feedback: null }))
  await progressApi.handleGetProgress(apiRequest('/api/progress'), ctx)
  return id
}

describe('instructor gradebook', () => {
  it('is off (404 with a sentence) when ADMIN_TOKEN is not set, even with a token', async () => {
    const ctx = testContext(t.db)
    const res = await api.handleGradebook(apiRequest('/api/instructor/gradebook', { headers: { authorization: `Bearer ${TOKEN}` } }), ctx)
    expect(res.status).toBe(404)
    expect(ApiErrorSchema.parse(await res.json()).error.message).toMatch(/switched off.*ADMIN_TOKEN/)
  })

  it.each([
    ['no token', {}],
    ['a wrong bearer token', { authorization: 'Bearer nope' }],
    ['a forged cookie', { cookie: 'pp_admin=abc' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const res = await api.handleGradebook(apiRequest('/api/instructor/gradebook', { headers }), ctx)
    expect(res.status).toBe(403)
    expect(ApiErrorSchema.parse(await res.json()).error.message).toMatch(/needs the instructor token/)
  })

  it('lists active learners with per-item scores and grade for the bearer token', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const id = await seed(ctx)
    const res = await api.handleGradebook(apiRequest('/api/instructor/gradebook', { headers: { authorization: `Bearer ${TOKEN}` } }), ctx)
    expect(res.status).toBe(200)
    const book = GradebookSchema.parse(await res.json())
    expect(book.lessonIds).toEqual(['intro', 'bridge'])
    expect(book.itemIds).toEqual(['challenge:publish-port', 'quiz:bridge-quiz'])
    expect(book.lessonTitles).toEqual({ intro: 'Intro', bridge: 'The default bridge' })
    expect(book.itemTitles).toEqual({ 'challenge:publish-port': 'Publish the web port', 'quiz:bridge-quiz': 'Bridge basics' })
    // The learner who only read their progress has no activity and no row.
    expect(book.rows).toHaveLength(1)
    // bridge: (1 completion + 2×0.5 + 1×0) / 4 = 0.5; course: (1·0 + 3·0.5) / 4 = 0.375
    expect(book.rows[0]).toMatchObject({
      learnerId: id,
      lessons: { intro: 0, bridge: 0.5 },
      items: { 'challenge:publish-port': 0.5, 'quiz:bridge-quiz': null },
      grade: 0.375,
      completed: false,
    })
  })

  it('exports CSV with one row per learner', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const id = await seed(ctx)
    const res = await api.handleGradebook(apiRequest('/api/instructor/gradebook?format=csv', { headers: { authorization: `Bearer ${TOKEN}` } }), ctx)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const lines = (await res.text()).trimEnd().split('\r\n')
    // Headings give the title a person reads, then the stable key a script can match.
    expect(lines[0]).toBe(
      'learner_id,display_name,student_id,classes,created_at,Intro (lesson:intro),The default bridge (lesson:bridge),' +
        'Publish the web port (challenge:publish-port),Bridge basics (quiz:bridge-quiz),course_grade,completed,notes',
    )
    expect(lines[1]).toMatch(new RegExp(`^${id},,,,[^,]+,0,50,50,,37.5,false,$`))
  })

  it('quotes CSV cells and defuses formulas', () => {
    const csv = formatGradebookCsv({
      lessonIds: [],
      itemIds: ['quiz:q', 'quiz:untitled'],
      lessonTitles: {},
      itemTitles: { 'quiz:q': '=SUM(1), "quoted"' },
      rows: [
        {
          learnerId: '=HYPERLINK("x")',
          displayName: '@cmd',
          studentId: '+1',
          classes: [],
          createdAt: 'a,b',
          lessons: {},
          items: {},
          notes: {},
          grade: 1,
          completed: true,
        },
      ],
    })
    const [header, row] = csv.split('\r\n')
    expect(header).toBe(`learner_id,display_name,student_id,classes,created_at,"'=SUM(1), ""quoted"" (quiz:q)",quiz:untitled,course_grade,completed,notes`)
    expect(row).toBe(`"'=HYPERLINK(""x"")",'@cmd,'+1,,"a,b",,,100,true,`)
  })

  it('signs in with the token via a cookie that works for the gradebook', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const wrong = await api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token: 'guess' } }), ctx)
    expect(wrong.status).toBe(403)
    const res = await api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token: TOKEN } }), ctx)
    expect(res.status).toBe(200)
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^pp_admin=[\w-]+; Path=\/; HttpOnly; SameSite=Lax/)
    expect(setCookie).not.toContain(TOKEN)
    const book = await api.handleGradebook(apiRequest('/api/instructor/gradebook', { cookie: cookieFrom(res) }), ctx)
    expect(book.status).toBe(200)
  })

  it('accepts the token with spaces or a newline around it, as pasted', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const res = await api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token: `  ${TOKEN}\n` } }), ctx)
    expect(res.status).toBe(200)
    const inner = await api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token: `${TOKEN.slice(0, 3)} ${TOKEN.slice(3)}` } }), ctx)
    expect(inner.status).toBe(403)
  })

  it('rate-limits sign-in attempts', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const attempt = () => api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token: 'guess' }, headers: { [PEER_HEADER]: '198.51.100.7' } }), ctx)
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(403)
    const limited = await attempt()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
  })

  it('rate-limits bearer-token guesses on the gradebook too, sharing the sign-in budget', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const from = { [PEER_HEADER]: '198.51.100.8' }
    const guess = (token: string) => api.handleGradebook(apiRequest('/api/instructor/gradebook', { headers: { ...from, authorization: `Bearer ${token}` } }), ctx)
    for (let i = 0; i < 4; i++) expect((await guess(`nope${i}`)).status).toBe(403)
    expect((await api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token: 'guess' }, headers: from }), ctx)).status).toBe(403)
    // Over the budget even the right token is refused, so a guesser learns nothing from the answer.
    expect((await guess(TOKEN)).status).toBe(429)
  })

  it('never spends the limit on the valid token, while a wrong one still does', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const bearer = (token: string) => api.handleGradebook(apiRequest('/api/instructor/gradebook', { headers: { authorization: `Bearer ${token}` } }), ctx)
    const signIn = (token: string) => api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token } }), ctx)
    // Twice the budget of right-token requests, both ways, in one window: none is refused.
    for (let i = 0; i < 10; i++) expect((await bearer(TOKEN)).status).toBe(200)
    for (let i = 0; i < 10; i++) expect((await signIn(TOKEN)).status).toBe(200)
    // The budget is still whole: five wrong tokens are answered 403, the sixth try is refused.
    for (let i = 0; i < 3; i++) expect((await bearer(`nope${i}`)).status).toBe(403)
    for (let i = 0; i < 2; i++) expect((await signIn(`nope${i}`)).status).toBe(403)
    expect((await bearer('nope-again')).status).toBe(429)
    expect((await signIn(TOKEN)).status).toBe(429)
    // Once the window has passed, the right token works again.
    ctx.clock.now += 60_000
    expect((await bearer(TOKEN)).status).toBe(200)
  })
})

describe('who earned it: names, classes and help marks', () => {
  // The signed-in cookie, as the /instructor page uses: bearer tokens count against the sign-in rate limit.
  let admin: { cookie: string } = { cookie: '' }
  beforeEach(async () => {
    const res = await api.handleAdminLogin(apiRequest('/api/instructor/login', { body: { token: TOKEN } }), testContext(t.db, { adminToken: TOKEN }))
    admin = { cookie: cookieFrom(res) ?? '' }
  })

  async function learnerWithName(ctx: ReturnType<typeof testContext>, displayName: string, studentId: string) {
    // A read stores no learner; the profile write is this visitor's first write and sets the cookie.
    const res = await progressApi.handleProfile(apiRequest('/api/progress/profile', { body: { displayName, studentId } }), ctx)
    expect(await res.json()).toEqual({ displayName, studentId: studentId || null })
    const cookie = cookieFrom(res)
    expect(cookie).toBeTruthy()
    return cookie ?? ''
  }

  it('an instructor opens a class; learners who join by its code appear by name in that class\'s gradebook and CSV', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const created = await api.handleClasses(apiRequest('/api/instructor/classes', { body: { name: 'Networking 101 (spring)' }, headers: admin }), ctx)
    expect(created.status).toBe(201)
    const course = (await created.json()) as { id: string; joinCode: string }
    expect(course.joinCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const other = (await (await api.handleClasses(apiRequest('/api/instructor/classes', { body: { name: 'Other' }, headers: admin }), ctx)).json()) as { joinCode: string }

    const ada = await learnerWithName(ctx, 'Ada Lovelace', 's-1815')
    const alan = await learnerWithName(ctx, 'Alan Turing', '')
    const outsider = await learnerWithName(ctx, 'Grace Hopper', 'g-1906')
    // The code as a learner may type it: lower case, without the dash.
    for (const cookie of [ada, alan]) {
      const joined = await progressApi.handleJoinClass(apiRequest('/api/progress/join', { body: { code: course.joinCode.toLowerCase().replace('-', '') }, cookie }), ctx)
      expect(await joined.json()).toEqual({ id: course.id, name: 'Networking 101 (spring)' })
    }
    await progressApi.handleJoinClass(apiRequest('/api/progress/join', { body: { code: other.joinCode }, cookie: outsider }), ctx)

    const listed = (await (await api.handleClasses(apiRequest('/api/instructor/classes', { headers: admin }), ctx)).json()) as { classes: { name: string; members: number }[] }
    expect(listed.classes.map((c) => [c.name, c.members])).toEqual([['Networking 101 (spring)', 2], ['Other', 1]])

    const book = GradebookSchema.parse(await (await api.handleGradebook(apiRequest(`/api/instructor/gradebook?class=${course.id}`, { headers: admin }), ctx)).json())
    // Members are listed before any attempt: a name and a class are enough.
    expect(book.rows.map((r) => [r.displayName, r.studentId, r.classes])).toEqual([
      ['Ada Lovelace', 's-1815', ['Networking 101 (spring)']],
      ['Alan Turing', null, ['Networking 101 (spring)']],
    ])
    const csv = await api.handleGradebook(apiRequest(`/api/instructor/gradebook?class=${course.id}&format=csv`, { headers: admin }), ctx)
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="packet-path-gradebook-networking-101-spring.csv"')
    const lines = (await csv.text()).trimEnd().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^[0-9a-f-]{36},Ada Lovelace,s-1815,Networking 101 \(spring\),/)
    expect(lines[2]).toMatch(/^[0-9a-f-]{36},Alan Turing,,Networking 101 \(spring\),/)

    // The name is changeable, and an empty one clears it.
    await progressApi.handleProfile(apiRequest('/api/progress/profile', { body: { displayName: 'A. Lovelace', studentId: '' }, cookie: ada }), ctx)
    const again = GradebookSchema.parse(await (await api.handleGradebook(apiRequest(`/api/instructor/gradebook?class=${course.id}`, { headers: admin }), ctx)).json())
    expect(again.rows[0]).toMatchObject({ displayName: 'A. Lovelace', studentId: null })

    const unknown = await api.handleGradebook(apiRequest('/api/instructor/gradebook?class=nope', { headers: admin }), ctx)
    expect(unknown.status).toBe(404)
  })

  it('classes need the instructor token, like the gradebook', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    expect((await api.handleClasses(apiRequest('/api/instructor/classes', { body: { name: 'x' } }), ctx)).status).toBe(403)
    expect((await api.handleClasses(apiRequest('/api/instructor/classes'), testContext(t.db))).status).toBe(404)
    const empty = await api.handleClasses(apiRequest('/api/instructor/classes', { body: { name: '  ' }, headers: admin }), ctx)
    expect(empty.status).toBe(400)
  })

  it.each([
    ['a wrong code', { code: 'ZZZZ-ZZZZ' }, 404, /No class has that code/],
    ['a malformed code', { code: 'abc' }, 400, /must be 8 letters and digits/],
  ])('joining with %s is refused with a sentence', async (_name, body, status, message) => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const res = await progressApi.handleJoinClass(apiRequest('/api/progress/join', { body }), ctx)
    expect(res.status).toBe(status)
    expect(ApiErrorSchema.parse(await res.json()).error.message).toMatch(message)
  })

  it.each([
    ['a newline in the name', { displayName: 'Ada\nLovelace', studentId: '' }, /displayName: must be one line/],
    ['a name over 80 characters', { displayName: 'a'.repeat(81), studentId: '' }, /displayName: must be at most 80/],
    ['a missing student id field', { displayName: 'Ada' }, /studentId/],
  ])('a profile with %s → 400 naming the field', async (_name, body, message) => {
    const ctx = testContext(t.db)
    const res = await progressApi.handleProfile(apiRequest('/api/progress/profile', { body }), ctx)
    expect(res.status).toBe(400)
    expect(ApiErrorSchema.parse(await res.json()).error.message).toMatch(message)
  })

  it('marks a score earned after the reference solution or hints, in the gradebook and the CSV', async () => {
    const ctx = testContext(t.db, { adminToken: TOKEN })
    const res = await progressApi.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'bridge' } }), ctx)
    const id = (cookieFrom(res) ?? '').split('.')[1] ?? ''
    await recordChallengeAttempt(t.db, ctx.catalog, id, 'publish-port', ['x'], () => ({
      score: 0.5,
      rawScore: 1,
      passed: true,
      help: { hintsUsed: 2, referenceSeen: true },
      feedback: null,
    }))
    const book = GradebookSchema.parse(await (await api.handleGradebook(apiRequest('/api/instructor/gradebook', { headers: admin }), ctx)).json())
    expect(book.rows[0]).toMatchObject({ items: { 'challenge:publish-port': 0.5 }, notes: { 'challenge:publish-port': { hints: 2, reference: true } } })
    const csv = await (await api.handleGradebook(apiRequest('/api/instructor/gradebook?format=csv', { headers: admin }), ctx)).text()
    expect(csv.split('\r\n')[1]).toMatch(/,50,,[\d.]+,false,challenge:publish-port: after the reference; 2 hints$/)
  })
})
