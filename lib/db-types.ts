// Row types of the progress database. Kept free of any driver type so the same
// interfaces serve SQLite today and PostgreSQL later (issue 5). Times are ISO-8601
// strings and booleans are 0/1 integers: both dialects store and compare them the same way.
import type { Generated } from 'kysely'

export interface LearnerTable {
  id: string
  progress_code: string
  created_at: string
}

export interface LessonProgressTable {
  learner_id: string
  lesson_id: string
  visits: number
  first_visited_at: string
  last_visited_at: string
  completed_at: string | null
}

export interface AttemptTable {
  id: string
  learner_id: string
  kind: 'challenge' | 'quiz'
  item_id: string
  lesson_id: string
  /** JSON text: the commands or answers the learner sent. */
  submission: string
  /** 0..1, as computed by the server's grader; never taken from the client. */
  score: number
  passed: number
  /** JSON text: the grader's feedback. */
  feedback: string
  created_at: string
  /** How many attempts this row stands for: 1, or more for a summary of older ones (attempt-bounds.server.ts). */
  attempt_count: Generated<number>
}

/** One allowed try against the rate limiter (api-rate-limit.ts); refused tries are not stored. */
export interface RateLimitHitTable {
  /** What the try counts against, e.g. `ip:203.0.113.9`, `learner:<id>`, `admin-ip:<address>`. */
  key: string
  /** Epoch milliseconds (not ISO text like the other times: the limiter does arithmetic on it). */
  at: number
}

export interface MigrationRow {
  name: string
  timestamp: string
}

export interface Database {
  learner: LearnerTable
  lesson_progress: LessonProgressTable
  attempt: AttemptTable
  rate_limit_hit: RateLimitHitTable
}

export type { Generated }
