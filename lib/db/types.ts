// Row types of the progress database. Kept free of any driver type so the same
// interfaces serve SQLite today and PostgreSQL later (issue 5). Times are ISO-8601
// strings and booleans are 0/1 integers: both dialects store and compare them the same way.
import type { Generated } from 'kysely'

export interface LearnerTable {
  id: string
  progress_code: string
  created_at: string
  /** Set by the learner on /progress; never required. */
  display_name: string | null
  student_id: string | null
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
  /** How many attempts this row stands for: 1, or more for a summary of older ones (progress/attempt-bounds.server.ts). */
  attempt_count: Generated<number>
  /** The grader's score before hint costs, the reference cap and quiz penalties; NULL on rows from before migration 003. */
  raw_score: number | null
  /** Hint rungs (nudge/concept) the server had shown this learner for the item before this attempt. */
  hints_used: number | null
  /** 1 when the reference solution (or the command hint) had been shown before this attempt. */
  reference_seen: number | null
  /** A hash of the item's graded content (checks, keys) when this attempt was graded. */
  content_version: string | null
  /** The simulator version that graded it (simulator/version.ts). */
  sim_version: string | null
  /** When the attempt came in through a record import; NULL when graded here. */
  imported_at: string | null
}

/** A hint rung or reference solution shown to a learner, recorded when the server sends it. */
export interface ChallengeHelpTable {
  learner_id: string
  item_id: string
  help: 'hint' | 'reference'
  rung: number
  level: 'nudge' | 'concept' | 'command' | 'reference'
  created_at: string
}

export interface CourseClassTable {
  id: string
  name: string
  join_code: string
  created_at: string
}

export interface ClassMemberTable {
  class_id: string
  learner_id: string
  joined_at: string
}

/** One allowed try against the rate limiter (api/rate-limit.server.ts); refused tries are not stored. */
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
  challenge_help: ChallengeHelpTable
  course_class: CourseClassTable
  class_member: ClassMemberTable
}

export type { Generated }
