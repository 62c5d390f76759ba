import { describe, expect, it } from 'vitest'
import { RateLimiter } from './api-rate-limit'

describe('RateLimiter', () => {
  it('allows `limit` hits per window, then says how long to wait', () => {
    const rl = new RateLimiter(5, 60_000)
    for (let i = 0; i < 5; i++) expect(rl.hit(['ip:1'], 1_000 + i)).toEqual({ allowed: true })
    expect(rl.hit(['ip:1'], 10_000)).toEqual({ allowed: false, retryAfterSeconds: 51 })
    expect(rl.hit(['ip:2'], 10_000)).toEqual({ allowed: true })
    expect(rl.hit(['ip:1'], 61_001)).toEqual({ allowed: true })
  })

  it('refuses when any of the keys is exhausted and does not count the refused try', () => {
    const rl = new RateLimiter(2, 1_000)
    rl.hit(['ip:1', 'learner:a'], 0)
    rl.hit(['ip:1', 'learner:a'], 1)
    expect(rl.hit(['ip:9', 'learner:a'], 2).allowed).toBe(false)
    expect(rl.hit(['ip:9'], 3)).toEqual({ allowed: true })
  })
})
