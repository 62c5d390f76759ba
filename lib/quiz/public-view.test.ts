import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadAllQuizzes } from './load.server'
import { findKeyFields, toPublicQuiz, toWorldSummary } from './public-view'

const quizzes = loadAllQuizzes(path.join(process.cwd(), 'content', 'quizzes'))

describe('public view of every quiz', () => {
  it.each(quizzes.map((q) => [q.id, q] as const))('%s has no key fields', (_id, quiz) => {
    const view = toPublicQuiz(quiz)
    expect(findKeyFields(view)).toEqual([])
    // Field names are one leak; the key's text is another. No explanation or rubric id may appear anywhere.
    const json = JSON.stringify(view)
    for (const q of quiz.questions) {
      if (q.type === 'single' || q.type === 'multiple') {
        for (const o of q.options) expect(json).not.toContain(JSON.stringify(o.explanation).slice(1, -1))
      }
      if (q.type === 'predict') {
        expect(view.questions.find((p) => p.id === q.id)).toMatchObject({ answerers: q.answerers.map((a) => ({ id: a.id, label: a.label })) })
      }
    }
    expect(json).not.toMatch(/"correct"|"rubricId"|"explanation"/)
  })

  it('keeps what the learner needs to answer', () => {
    const intro = quizzes.find((q) => q.id === 'container-networking-intro')
    if (!intro) throw new Error('container-networking-intro quiz missing')
    const view = toPublicQuiz(intro)
    const single = view.questions[0]
    expect(single?.type === 'single' && single.options.map((o) => o.id)).toEqual(['kernel-nat-prerouting', 'daemon-copies', 'container-stack', 'input-chain'])
    const predict = view.questions.find((q) => q.type === 'predict')
    expect(predict).toMatchObject({ probe: { from: 'laptop', run: 'curl http://10.77.0.10:8081' }, outcomes: ['delivered', 'refused', 'timeout', 'unreachable', 'unresolved'] })
  })

  it('describes a predict world as a summary built on the server, not the raw scenario', () => {
    const intro = quizzes.find((q) => q.id === 'container-networking-intro')
    const predict = intro && toPublicQuiz(intro).questions.find((q) => q.type === 'predict')
    if (predict?.type !== 'predict') throw new Error('container-networking-intro has no predict question')
    expect(predict).not.toHaveProperty('scenario')
    expect(predict.world.lans).toEqual([{ name: 'office', subnet: '10.77.0.0/24' }])
    expect(predict.world.hosts).toContainEqual({ name: 'laptop', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.50' }] })
    expect(predict.world.steps[0]).toEqual({ on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' })
  })

  it('toWorldSummary keeps the described fields, defaults docker and nics, and leaves out what it cannot describe', () => {
    expect(
      toWorldSummary({
        lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }, { name: 42 }],
        hosts: [{ name: 'host1' }],
        steps: [{ on: 'host1', run: 'docker network create app' }],
      }),
    ).toEqual({
      lans: [{ name: 'office', subnet: '10.77.0.0/24' }],
      hosts: [{ name: 'host1', docker: false, nics: [] }],
      steps: [{ on: 'host1', run: 'docker network create app' }],
    })
  })

  it('findKeyFields finds keys at any depth', () => {
    expect(findKeyFields({ questions: [{ options: [{ id: 'a', correct: true }] }], rubricId: 'x' })).toEqual(['questions[0].options[0].correct', 'rubricId'])
  })
})
