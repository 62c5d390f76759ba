// A sliding-window limiter for progress-code claims: at most `limit` tries per key per window.
// In memory, per process, so per worker: `npm start` runs WEB_CONCURRENCY workers (default min(2, cores))
// sharing one port, and a guesser whose connections land on every worker gets `limit` tries per worker
// (N × limit per window), which the 60-bit code keeps harmless (2^60 codes); a shared store would belong in the DB.
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export class RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a try for every key; refused if any key is over its limit. */
  hit(keys: readonly string[], now: number): RateDecision {
    let waitMs = 0
    for (const key of keys) {
      const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs)
      this.hits.set(key, recent)
      const oldest = recent[0]
      if (recent.length >= this.limit && oldest !== undefined) waitMs = Math.max(waitMs, oldest + this.windowMs - now)
    }
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
    for (const key of keys) this.hits.get(key)?.push(now)
    if (this.hits.size > 10_000) this.prune(now)
    return { allowed: true }
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key)
  }
}
