// Who earned it (issue 12): a learner's display name and student id, and the classes an instructor opens with a
// join code. Names are optional and never needed for learning; they only label the learner's row in the gradebook
// and its CSV. A class is a list of learners: the gradebook can be read for one class.
import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/connection.server'
import { fail, ok, type Result } from '../api/errors'
import { formatProgressCode, generateJoinCode } from '../api/identity.server'
import type { ClassSummary, Profile, ProfileBody } from '../schemas'

const orNull = (text: string) => (text === '' ? null : text)

export async function setProfile(db: Db, learnerId: string, body: ProfileBody): Promise<Profile> {
  const profile: Profile = { displayName: orNull(body.displayName), studentId: orNull(body.studentId) }
  await db.updateTable('learner').set({ display_name: profile.displayName, student_id: profile.studentId }).where('id', '=', learnerId).execute()
  return profile
}

export async function createClass(db: Db, name: string, now = new Date()): Promise<ClassSummary> {
  // 40-bit codes rarely collide; the unique index catches the rare one and a new code is drawn.
  for (let tries = 0; ; tries++) {
    const row = { id: randomUUID(), name, join_code: generateJoinCode(), created_at: now.toISOString() }
    const res = await db
      .insertInto('course_class')
      .values(row)
      .onConflict((oc) => oc.column('join_code').doNothing())
      .executeTakeFirst()
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) return { id: row.id, name, joinCode: formatProgressCode(row.join_code), createdAt: row.created_at, members: 0 }
    if (tries >= 5) throw new Error('could not draw an unused class join code in 6 tries')
  }
}

export async function listClasses(db: Db): Promise<ClassSummary[]> {
  const rows = await db
    .selectFrom('course_class')
    .leftJoin('class_member', 'class_member.class_id', 'course_class.id')
    .select((eb) => ['course_class.id', 'course_class.name', 'course_class.join_code', 'course_class.created_at', eb.fn.count<number>('class_member.learner_id').as('members')])
    .groupBy(['course_class.id', 'course_class.name', 'course_class.join_code', 'course_class.created_at'])
    .orderBy('course_class.created_at')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, joinCode: formatProgressCode(r.join_code), createdAt: r.created_at, members: Number(r.members) }))
}

export async function findClass(db: Db, classId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('course_class').select(['id', 'name']).where('id', '=', classId).executeTakeFirst()
}

/** Joins the class with this (normalised) code; joining twice is a no-op. */
export async function joinClass(db: Db, learnerId: string, normalizedCode: string, now = new Date()): Promise<Result<{ id: string; name: string }>> {
  const found = await db.selectFrom('course_class').select(['id', 'name']).where('join_code', '=', normalizedCode).executeTakeFirst()
  if (!found) return fail({ code: 'unknown-class', message: 'No class has that code. Check the code or link your instructor gave you.' })
  await db
    .insertInto('class_member')
    .values({ class_id: found.id, learner_id: learnerId, joined_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['class_id', 'learner_id']).doNothing())
    .execute()
  return ok(found)
}
