// Grades every labelled calibration sample (content/review/calibration) and reports, per question and set, agreement,
// false accepts and false rejects. Definitions (each a count of samples, and a share of the samples with that label):
// - agreement: the grade's verdict equals the label;
// - false accept: labelled incorrect, graded correct (the mistake that misleads a learner most);
// - partial accepted: labelled partial, graded correct (reported next to the false accepts, and ratcheted);
// - false reject: labelled correct, graded incorrect.
//
// The sets, by author:
// - review-qN.json / review-qN.holdout.json: written with the rubrics by the rubric author. The tuning set must agree
//   at least 90% and have no false accept; the holdout set's false accepts are a ratchet
//   (KNOWN_HOLDOUT_INCORRECT_AS_CORRECT).
// - review-qN.sa-tuning.json / review-qN.sa-holdout.json (a second author) and review-qN.sa2-tuning.json /
//   review-qN.sa2-holdout.json (a third), written by authors who never saw the rubrics, in four styles (prose,
//   notes: arrows/lists/tables, plain: everyday words and analogies, misspelled). The sa-holdout and sa2-holdout
//   halves were held out and measured (session 19) and have since been read and tuned on: every set above is now
//   tuning material, and its figures, per question and per style, are ratchets (KNOWN_SA). The tuning halves must
//   also meet the false-accept and false-reject targets per question and style.
// - review-qN.sa3-holdout.json: a fourth author's set, measured once when it was added and recorded in KNOWN_SA; it
//   is tuning material since (session 20), read and tuned on like the sets above, with a second labeller's
//   blind labels (review-qN.sa3-holdout.labels2.json) whose agreement with the first labels is printed.
// - review-qN.sa4-holdout.json: a fifth author's set (with a second labeller's review-qN.sa4-holdout.labels2.json),
//   written while the grader was tuned on everything above and measured once when it was added (session 20); it is
//   in the repository since, so the next honest measurement needs a set by yet another author, kept out of the
//   tuners' worktrees until it is measured. The targets (issue 15) apply to it: agreement >= 92%, false accepts <= 2% of the incorrect
//   ones, false rejects <= 5% of the correct ones, overall and on its note-form and plain-language answers alone.
// - review-qN.sa5-holdout.json: a sixth author's set (with a second labeller's review-qN.sa5-holdout.labels2.json),
//   measured once when it was added (session 21: 161/192 = 83.9 %, false accepts 0/56, false rejects 3/88; notes
//   57/64, plain 33/40; the figures per question and style are the first sa5 rows of KNOWN_SA), tuning material since.
// - review-qN.sa6-holdout.json: a seventh author's set (with a second labeller's review-qN.sa6-holdout.labels2.json;
//   the labellers agree on 187/192), measured once when it was added (session 21: on main at 46942dd, before anyone
//   tuned on it, 165/192 = 85.9 %, false accepts 0/56, false rejects 2/88; notes 56/64, plain 33/40; the figures per
//   question and style are the first sa6 rows of KNOWN_SA), tuning material since.
// - review-qN.sa7-holdout.json: an eighth author's set (with a second labeller's review-qN.sa7-holdout.labels2.json;
//   the labellers agree on 190/192), measured once when it was added (session 21: on main at 13a5b0c, after a tuning
//   round on sa6 that did not change it, 148/192 = 77.1 %, false accepts 0/56, false rejects 5/88; notes 50/64, plain
//   29/40; the figures per question and style are the first sa7 rows of KNOWN_SA), tuning material since.
// - review-qN.sa8-holdout.json: a ninth author's set (with a second labeller's review-qN.sa8-holdout.labels2.json;
//   the labellers agree on 185/192), measured once when it was added (session 21: on main at 0632bec, before anyone
//   tuned on it, 159/192 = 82.8 %, false accepts 1/56, false rejects 2/88; notes 53/64, plain 35/41; a tuning round
//   on sa7 gave 158 on it, mended in f1aa300; the figures per question and style are the first sa8 rows of KNOWN_SA).
// - review-qN.sa9-holdout.json: a tenth author's set (with a second labeller's review-qN.sa9-holdout.labels2.json;
//   the labellers agree on 190/192), measured once when it was added (session 21: on main at e1ef9e8, before anyone
//   tuned on it, 164/192 = 85.4 %, false accepts 0/56, false rejects 2/88; notes 54/64, plain 32/40; a round tuned on
//   sa7 and sa8 left it unchanged; the figures per question and style are the first sa9 rows of KNOWN_SA).
// - review-qN.sa10-holdout.json … review-qN.sa15-holdout.json: the eleventh to sixteenth authors' sets (each with a
//   second labeller's labels2 file; the labellers agree on 188, 192, 192, 188, 191 and 192 of 192), measured once
//   each with the reviewed answers in place before the set was added (session 22; sa10 and sa11 on the grader of
//   ea755c5 without any of the four, sa12 and sa13 with sa10 and sa11 in, sa14 and sa15 with sa10-sa13 in):
//   agreement 172, 170, 168, 172, 184, 167 of 192 (the rubric alone 159, 145, 156, 158, 170, 150), false accepts
//   1, 1, 0, 2, 0, 1 of 56, false rejects 3, 5, 4, 0, 1, 1 of 88. Their rubric-alone figures are KNOWN_SA rows, and
//   every set's figure with the reviewed answers (its own author left out) a KNOWN_REVIEWED row.
// - review-qN.sa16-holdout.json, review-qN.sa17-holdout.json: the seventeenth and eighteenth authors' sets (the
//   labellers agree on 190 and 192 of 192), measured once on cc7c9ab (sa10-sa15 in the reviewed answers) and once more
//   after a rubric round tuned on sa10-sa15 that never saw them (merged next, session 22): sa16 172 then 173 of 192,
//   sa17 177 and 177 (the rubric alone 157 then 158, and 156), false accepts 0 and 1 of 56, false rejects 3 then 2,
//   and 2 of 88.
// - review-qN.sa18-holdout.json, review-qN.sa19-holdout.json: the nineteenth and twentieth authors' sets (the
//   labellers agree on 190 and 192 of 192), measured once on 16b07d4 (sa10-sa17 in the reviewed answers) before they
//   were added: 170 and 176 of 192 (the rubric alone 148 and 154), false accepts 0 and 1 of 56, false rejects 2 and 2
//   of 88.
// - review-qN.sa20-holdout.json, review-qN.sa21-holdout.json: the twenty-first and twenty-second authors' sets (the
//   labellers agree on 191 and 190 of 192), measured once on b7c5ee3 (sa10-sa19 in the reviewed answers) and once more
//   after a q3 rubric round that never saw them (merged next, session 22): sa20 172 and 172 of 192, sa21 171 and 171
//   (the rubric alone 160 then 161, and 154), false accepts 0 and 2 of 56, false rejects 5 and 4 of 88.
// - review-qN.sa22-holdout.json … review-qN.sa25-holdout.json: the twenty-third to twenty-sixth authors' sets (the
//   labellers agree on 192, 189, 192 and 192 of 192), written and labelled while the grader was changed so that the
//   reviewed answers also settle an answer the rubric found nothing in (session 23, a1d5272; the change was chosen on
//   sa3-sa21 and frozen first), then measured once on it with sa10-sa21 in the reviewed answers: 182, 174, 182 and 171
//   of 192, 709/768 = 92.3 % (the grader before the change, c1cfad4: 178, 171, 177, 166; the rubric alone 150, 157,
//   165, 146), false accepts 0, 1, 1, 0 of 56, false rejects 0, 2, 1, 3 of 88; notes 237/256, plain 149/160.
// - review-qN.sa26-holdout.json … review-qN.sa29-holdout.json: the twenty-seventh to thirtieth authors' sets (the
//   labellers agree on 190, 191, 191 and 191 of 192), written and labelled after the grader was tuned on sa3-sa25
//   (full marks withheld when no close reviewed answer was marked correct, session 23), measured once on 5afd26b (sa3-
//   sa25 in the reviewed answers) and once more after a q3 engine round that never saw them (31a7631): 182, 180, 177
//   and 174 of 192 both times, 713/768 = 92.8 % (the rubric alone 148, 159 then 160, 164, 146), false accepts 0, 1,
//   2, 1 of 56, false rejects 1, 5 then 4, 1, 3 of 88; notes 241/256, plain 143/160.
// A ratchet fails when a figure gets worse and also when it gets better, so that the number is tightened; never
// loosen one, fix the rubric or the engine with answers of your own.
//
// CALIBRATION_SETS=tuning grades the tuning sets only (review-qN.json, sa-tuning, sa2-tuning) and skips the held-out
// sets with their ratchets (holdout, sa-holdout, sa2-holdout, sa3-holdout, sa4-holdout, sa5-holdout, sa6-holdout,
// sa7-holdout … sa29-holdout, and the grader with the reviewed answers), so that whoever tunes the rubrics need not see the fresh held-out figure:
//   CALIBRATION_SETS=tuning npx vitest run lib/free-text
// Unset (or "all"), every set runs.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { gradeAnswer, gradeByRubric } from './rubrics'
import { authorOf, loadReviewedSet, STYLES } from './reviewed-answers'
import { REVIEW_QUESTION_IDS, type ReviewQuestionId } from './rubric-schema'

const SETS_SWITCH = process.env.CALIBRATION_SETS ?? 'all'
if (SETS_SWITCH !== 'all' && SETS_SWITCH !== 'tuning') {
  throw new Error(`CALIBRATION_SETS must be "tuning" or "all" (or unset), got ${JSON.stringify(SETS_SWITCH)}`)
}
const TUNING_ONLY = SETS_SWITCH === 'tuning'

const KNOWN_HOLDOUT_INCORRECT_AS_CORRECT: Readonly<Record<string, number>> = {
  'review-q1': 0,
  'review-q2': 0,
  'review-q3': 0,
  'review-q4': 1,
}

/** agree/n, false accepts, partial accepted, false rejects; key: "question set[ style]" */
type Figures = Readonly<{ agree: number; n: number; fa: number; pa: number; fr: number }>
const KNOWN_SA: Readonly<Record<string, Figures>> = {
  'review-q1 sa-tuning': {agree: 33, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-tuning notes': {agree: 12, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-tuning plain': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-tuning prose': {agree: 12, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-tuning misspelled': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-tuning': {agree: 24, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-tuning prose': {agree: 11, n: 11, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-tuning plain': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-tuning misspelled': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-tuning notes': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-holdout': {agree: 32, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-holdout prose': {agree: 16, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-holdout plain': {agree: 6, n: 7, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-holdout misspelled': {agree: 6, n: 6, fa: 0, pa: 0, fr: 0},
  'review-q1 sa-holdout notes': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-holdout': {agree: 22, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-holdout notes': {agree: 7, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-holdout prose': {agree: 11, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-holdout misspelled': {agree: 4, n: 4, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-holdout plain': {agree: 4, n: 4, fa: 0, pa: 0, fr: 0},
  'review-q1 sa3-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa3-holdout plain': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa3-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa3-holdout prose': {agree: 21, n: 23, fa: 0, pa: 0, fr: 0},
  'review-q1 sa3-holdout misspelled': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q1 sa4-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa4-holdout plain': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa4-holdout notes': {agree: 12, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q1 sa4-holdout misspelled': {agree: 6, n: 8, fa: 0, pa: 1, fr: 0},
  'review-q1 sa4-holdout prose': {agree: 17, n: 19, fa: 0, pa: 0, fr: 0},
  'review-q1 sa5-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa5-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa5-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa5-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa5-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 1},
  'review-q1 sa6-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa6-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa6-holdout prose': {agree: 19, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q1 sa6-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa6-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa7-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa7-holdout prose': {agree: 20, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q1 sa7-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa7-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa7-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa8-holdout': {agree: 41, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q1 sa8-holdout prose': {agree: 18, n: 22, fa: 0, pa: 2, fr: 0},
  'review-q1 sa8-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa8-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 2, fr: 0},
  'review-q1 sa8-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa9-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa9-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa9-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa9-holdout prose': {agree: 21, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q1 sa9-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-tuning': {agree: 33, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-tuning prose': {agree: 14, n: 14, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-tuning misspelled': {agree: 6, n: 6, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-tuning notes': {agree: 11, n: 11, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-tuning plain': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-tuning': {agree: 24, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-tuning notes': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-tuning plain': {agree: 4, n: 4, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-tuning prose': {agree: 12, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-tuning misspelled': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-holdout': {agree: 31, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-holdout prose': {agree: 13, n: 14, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-holdout plain': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-holdout notes': {agree: 10, n: 11, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-holdout misspelled': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-holdout': {agree: 21, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-holdout prose': {agree: 9, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-holdout notes': {agree: 7, n: 7, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-holdout plain': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-holdout misspelled': {agree: 4, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q2 sa3-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa3-holdout prose': {agree: 20, n: 21, fa: 0, pa: 0, fr: 0},
  'review-q2 sa3-holdout misspelled': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q2 sa3-holdout notes': {agree: 16, n: 17, fa: 0, pa: 0, fr: 0},
  'review-q2 sa3-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa4-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa4-holdout notes': {agree: 16, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa4-holdout prose': {agree: 16, n: 17, fa: 0, pa: 0, fr: 0},
  'review-q2 sa4-holdout plain': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa4-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa5-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa5-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa5-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa5-holdout notes': {agree: 15, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q2 sa5-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q2 sa6-holdout': {agree: 41, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa6-holdout prose': {agree: 18, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q2 sa6-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa6-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa6-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa7-holdout': {agree: 44, n: 48, fa: 0, pa: 3, fr: 0},
  'review-q2 sa7-holdout prose': {agree: 19, n: 22, fa: 0, pa: 2, fr: 0},
  'review-q2 sa7-holdout notes': {agree: 15, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q2 sa7-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa7-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa8-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa8-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa8-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa8-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa8-holdout notes': {agree: 14, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q2 sa9-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 2},
  'review-q2 sa9-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q2 sa9-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa9-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa9-holdout notes': {agree: 13, n: 16, fa: 0, pa: 1, fr: 1},
  'review-q3 sa-tuning': {agree: 32, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-tuning prose': {agree: 15, n: 15, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-tuning plain': {agree: 7, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-tuning notes': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-tuning misspelled': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-tuning': {agree: 24, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-tuning notes': {agree: 7, n: 7, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-tuning prose': {agree: 12, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-tuning plain': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-tuning misspelled': {agree: 4, n: 4, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-holdout': {agree: 32, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-holdout prose': {agree: 12, n: 13, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-holdout notes': {agree: 12, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-holdout plain': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-holdout misspelled': {agree: 6, n: 6, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-holdout': {agree: 24, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-holdout prose': {agree: 12, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-holdout misspelled': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-holdout notes': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-holdout plain': {agree: 4, n: 4, fa: 0, pa: 0, fr: 0},
  'review-q3 sa3-holdout': {agree: 40, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa3-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa3-holdout misspelled': {agree: 7, n: 8, fa: 0, pa: 1, fr: 0},
  'review-q3 sa3-holdout plain': {agree: 7, n: 10, fa: 0, pa: 1, fr: 0},
  'review-q3 sa3-holdout notes': {agree: 14, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa4-holdout': {agree: 39, n: 48, fa: 0, pa: 4, fr: 0},
  'review-q3 sa4-holdout prose': {agree: 17, n: 18, fa: 0, pa: 1, fr: 0},
  'review-q3 sa4-holdout notes': {agree: 12, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa4-holdout misspelled': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa4-holdout plain': {agree: 5, n: 9, fa: 0, pa: 2, fr: 0},
  'review-q3 sa5-holdout': {agree: 42, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa5-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa5-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa5-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa5-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa6-holdout': {agree: 45, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa6-holdout notes': {agree: 14, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa6-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa6-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa6-holdout prose': {agree: 21, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q3 sa7-holdout': {agree: 40, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa7-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa7-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa7-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa7-holdout notes': {agree: 12, n: 16, fa: 0, pa: 2, fr: 0},
  'review-q3 sa8-holdout': {agree: 42, n: 48, fa: 1, pa: 3, fr: 1},
  'review-q3 sa8-holdout prose': {agree: 19, n: 22, fa: 0, pa: 2, fr: 1},
  'review-q3 sa8-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 2, fr: 0},
  'review-q3 sa8-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa8-holdout notes': {agree: 14, n: 16, fa: 1, pa: 1, fr: 0},
  'review-q3 sa9-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa9-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa9-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa9-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa9-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-tuning': {agree: 33, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-tuning plain': {agree: 6, n: 6, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-tuning prose': {agree: 14, n: 14, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-tuning notes': {agree: 13, n: 13, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-tuning misspelled': {agree: 6, n: 6, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-tuning': {agree: 24, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-tuning notes': {agree: 8, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-tuning plain': {agree: 5, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-tuning prose': {agree: 11, n: 11, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-tuning misspelled': {agree: 4, n: 4, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-holdout': {agree: 29, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-holdout misspelled': {agree: 4, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-holdout notes': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa-holdout prose': {agree: 12, n: 14, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-holdout': {agree: 22, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-holdout prose': {agree: 11, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-holdout notes': {agree: 7, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-holdout plain': {agree: 4, n: 4, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-holdout misspelled': {agree: 4, n: 5, fa: 0, pa: 0, fr: 0},
  'review-q4 sa3-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa3-holdout prose': {agree: 19, n: 21, fa: 0, pa: 0, fr: 0},
  'review-q4 sa3-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa3-holdout misspelled': {agree: 7, n: 8, fa: 0, pa: 0, fr: 0},
  'review-q4 sa3-holdout plain': {agree: 9, n: 11, fa: 0, pa: 0, fr: 0},
  'review-q4 sa4-holdout': {agree: 36, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa4-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa4-holdout prose': {agree: 13, n: 18, fa: 0, pa: 0, fr: 0},
  'review-q4 sa4-holdout plain': {agree: 6, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa4-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa5-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa5-holdout prose': {agree: 17, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa5-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa5-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa5-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa6-holdout': {agree: 43, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q4 sa6-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa6-holdout prose': {agree: 19, n: 22, fa: 0, pa: 2, fr: 0},
  'review-q4 sa6-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa6-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa7-holdout': {agree: 42, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q4 sa7-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa7-holdout notes': {agree: 14, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q4 sa7-holdout prose': {agree: 20, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q4 sa7-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q4 sa8-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa8-holdout prose': {agree: 19, n: 21, fa: 0, pa: 1, fr: 0},
  'review-q4 sa8-holdout plain': {agree: 10, n: 11, fa: 0, pa: 0, fr: 0},
  'review-q4 sa8-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa8-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa9-holdout': {agree: 40, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa9-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa9-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa9-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa9-holdout notes': {agree: 12, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q1 sa10-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa10-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa10-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa10-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa10-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa11-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa11-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa11-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa11-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa11-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa10-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa10-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa10-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa10-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa10-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa11-holdout': {agree: 38, n: 48, fa: 0, pa: 3, fr: 2},
  'review-q2 sa11-holdout notes': {agree: 13, n: 16, fa: 0, pa: 1, fr: 1},
  'review-q2 sa11-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa11-holdout prose': {agree: 16, n: 22, fa: 0, pa: 2, fr: 1},
  'review-q2 sa11-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa10-holdout': {agree: 41, n: 48, fa: 1, pa: 2, fr: 0},
  'review-q3 sa10-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa10-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa10-holdout misspelled': {agree: 6, n: 9, fa: 1, pa: 0, fr: 0},
  'review-q3 sa10-holdout prose': {agree: 18, n: 22, fa: 1, pa: 2, fr: 0},
  'review-q3 sa11-holdout': {agree: 33, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q3 sa11-holdout prose': {agree: 16, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa11-holdout notes': {agree: 10, n: 16, fa: 0, pa: 0, fr: 1},
  'review-q3 sa11-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa11-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa10-holdout': {agree: 36, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa10-holdout prose': {agree: 17, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa10-holdout notes': {agree: 9, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa10-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa10-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa11-holdout': {agree: 39, n: 48, fa: 1, pa: 0, fr: 0},
  'review-q4 sa11-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa11-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa11-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa11-holdout prose': {agree: 20, n: 22, fa: 1, pa: 0, fr: 0},
  'review-q1 sa12-holdout': {agree: 40, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa12-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa12-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa12-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 1},
  'review-q1 sa12-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa13-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa13-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa13-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa13-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa13-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa12-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q2 sa12-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa12-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q2 sa12-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa12-holdout notes': {agree: 13, n: 16, fa: 0, pa: 1, fr: 1},
  'review-q2 sa13-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa13-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa13-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa13-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa13-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa12-holdout': {agree: 40, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa12-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa12-holdout notes': {agree: 14, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa12-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q3 sa12-holdout plain': {agree: 7, n: 10, fa: 0, pa: 1, fr: 0},
  'review-q3 sa13-holdout': {agree: 35, n: 48, fa: 1, pa: 2, fr: 0},
  'review-q3 sa13-holdout notes': {agree: 12, n: 16, fa: 1, pa: 1, fr: 0},
  'review-q3 sa13-holdout prose': {agree: 17, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q3 sa13-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa13-holdout plain': {agree: 6, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa12-holdout': {agree: 40, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa12-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa12-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa12-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa12-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa13-holdout': {agree: 38, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa13-holdout prose': {agree: 22, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa13-holdout plain': {agree: 5, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa13-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa13-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa14-holdout': {agree: 44, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa14-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa14-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa14-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa14-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa15-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa15-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa15-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa15-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa15-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa14-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa14-holdout notes': {agree: 16, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa14-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa14-holdout prose': {agree: 21, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q2 sa14-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa15-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 sa15-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa15-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa15-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 1},
  'review-q2 sa15-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa14-holdout': {agree: 41, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa14-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa14-holdout notes': {agree: 15, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa14-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q3 sa14-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa15-holdout': {agree: 38, n: 48, fa: 0, pa: 3, fr: 0},
  'review-q3 sa15-holdout prose': {agree: 19, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q3 sa15-holdout plain': {agree: 6, n: 10, fa: 0, pa: 1, fr: 0},
  'review-q3 sa15-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q3 sa15-holdout notes': {agree: 13, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q4 sa14-holdout': {agree: 42, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa14-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa14-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa14-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa14-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa15-holdout': {agree: 35, n: 48, fa: 1, pa: 1, fr: 0},
  'review-q4 sa15-holdout prose': {agree: 17, n: 22, fa: 1, pa: 1, fr: 0},
  'review-q4 sa15-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa15-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa15-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa16-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa16-holdout prose': {agree: 21, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q1 sa16-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa16-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa16-holdout plain': {agree: 6, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa17-holdout': {agree: 36, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa17-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa17-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa17-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 1},
  'review-q1 sa17-holdout plain': {agree: 6, n: 10, fa: 0, pa: 0, fr: 1},
  'review-q2 sa16-holdout': {agree: 43, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa16-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa16-holdout prose': {agree: 20, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q2 sa16-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa16-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa17-holdout': {agree: 42, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 sa17-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa17-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 1},
  'review-q2 sa17-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa17-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa16-holdout': {agree: 35, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa16-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa16-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa16-holdout plain': {agree: 7, n: 10, fa: 0, pa: 1, fr: 0},
  'review-q3 sa16-holdout prose': {agree: 16, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa17-holdout': {agree: 39, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa17-holdout plain': {agree: 7, n: 10, fa: 0, pa: 1, fr: 0},
  'review-q3 sa17-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa17-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa17-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa16-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa16-holdout prose': {agree: 17, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa16-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa16-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa16-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa17-holdout': {agree: 41, n: 48, fa: 1, pa: 0, fr: 0},
  'review-q4 sa17-holdout notes': {agree: 13, n: 16, fa: 1, pa: 0, fr: 0},
  'review-q4 sa17-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa17-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa17-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa18-holdout': {agree: 42, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa18-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa18-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa18-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa18-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa19-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa19-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa19-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa19-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa19-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa18-holdout': {agree: 35, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa18-holdout prose': {agree: 16, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q2 sa18-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa18-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q2 sa18-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa19-holdout': {agree: 40, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q2 sa19-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa19-holdout notes': {agree: 13, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q2 sa19-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa19-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q3 sa18-holdout': {agree: 37, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa18-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa18-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa18-holdout plain': {agree: 7, n: 10, fa: 0, pa: 1, fr: 0},
  'review-q3 sa18-holdout notes': {agree: 11, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa19-holdout': {agree: 37, n: 48, fa: 1, pa: 2, fr: 0},
  'review-q3 sa19-holdout prose': {agree: 19, n: 22, fa: 1, pa: 0, fr: 0},
  'review-q3 sa19-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa19-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa19-holdout notes': {agree: 11, n: 16, fa: 0, pa: 2, fr: 0},
  'review-q4 sa18-holdout': {agree: 36, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa18-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa18-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q4 sa18-holdout notes': {agree: 10, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q4 sa18-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa19-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q4 sa19-holdout prose': {agree: 17, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q4 sa19-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa19-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa19-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa20-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa20-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q1 sa20-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa20-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa20-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa21-holdout': {agree: 39, n: 48, fa: 1, pa: 0, fr: 0},
  'review-q1 sa21-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa21-holdout prose': {agree: 17, n: 22, fa: 1, pa: 0, fr: 0},
  'review-q1 sa21-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa21-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa20-holdout': {agree: 40, n: 48, fa: 0, pa: 0, fr: 2},
  'review-q2 sa20-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q2 sa20-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 1},
  'review-q2 sa20-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa20-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa21-holdout': {agree: 38, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 sa21-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa21-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q2 sa21-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa21-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa20-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa20-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa20-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa20-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa20-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa21-holdout': {agree: 37, n: 48, fa: 0, pa: 1, fr: 2},
  'review-q3 sa21-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 2},
  'review-q3 sa21-holdout prose': {agree: 17, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q3 sa21-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa21-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa20-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa20-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa20-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa20-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa20-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa21-holdout': {agree: 42, n: 48, fa: 1, pa: 0, fr: 0},
  'review-q4 sa21-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa21-holdout notes': {agree: 13, n: 16, fa: 1, pa: 0, fr: 0},
  'review-q4 sa21-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa21-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa22-holdout': {agree: 37, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa22-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa22-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa22-holdout notes': {agree: 10, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa22-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa23-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa23-holdout prose': {agree: 22, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa23-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa23-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa23-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa24-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa24-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa24-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa24-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa24-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa25-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa25-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa25-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa25-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa25-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa22-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa22-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa22-holdout notes': {agree: 14, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q2 sa22-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa22-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa23-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 2},
  'review-q2 sa23-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa23-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 2},
  'review-q2 sa23-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa23-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa24-holdout': {agree: 43, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa24-holdout notes': {agree: 16, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa24-holdout prose': {agree: 19, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q2 sa24-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa24-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa25-holdout': {agree: 37, n: 48, fa: 0, pa: 1, fr: 2},
  'review-q2 sa25-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa25-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa25-holdout prose': {agree: 16, n: 22, fa: 0, pa: 1, fr: 2},
  'review-q2 sa25-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa22-holdout': {agree: 34, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa22-holdout prose': {agree: 17, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q3 sa22-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa22-holdout plain': {agree: 6, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa22-holdout notes': {agree: 11, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa23-holdout': {agree: 30, n: 48, fa: 1, pa: 3, fr: 0},
  'review-q3 sa23-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa23-holdout prose': {agree: 13, n: 22, fa: 0, pa: 1, fr: 0},
  'review-q3 sa23-holdout notes': {agree: 8, n: 16, fa: 1, pa: 2, fr: 0},
  'review-q3 sa23-holdout misspelled': {agree: 4, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q3 sa24-holdout': {agree: 38, n: 48, fa: 1, pa: 0, fr: 0},
  'review-q3 sa24-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa24-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa24-holdout prose': {agree: 20, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa24-holdout plain': {agree: 7, n: 10, fa: 1, pa: 0, fr: 0},
  'review-q3 sa25-holdout': {agree: 35, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa25-holdout notes': {agree: 9, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa25-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa25-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa25-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa22-holdout': {agree: 37, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa22-holdout prose': {agree: 16, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa22-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa22-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa22-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa23-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa23-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa23-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa23-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa23-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa24-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q4 sa24-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa24-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 1},
  'review-q4 sa24-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa24-holdout prose': {agree: 22, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa25-holdout': {agree: 34, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa25-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa25-holdout prose': {agree: 16, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa25-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa25-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa26-holdout': {agree: 36, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa26-holdout plain': {agree: 5, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa26-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q1 sa26-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa26-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa27-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa27-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa27-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa27-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa27-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa28-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa28-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q1 sa28-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q1 sa28-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa28-holdout notes': {agree: 15, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa29-holdout': {agree: 38, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa29-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q1 sa29-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q1 sa29-holdout notes': {agree: 11, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q1 sa29-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa26-holdout': {agree: 40, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa26-holdout prose': {agree: 17, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa26-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa26-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa26-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa27-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 3},
  'review-q2 sa27-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 1},
  'review-q2 sa27-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 1},
  'review-q2 sa27-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q2 sa27-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 1},
  'review-q2 sa28-holdout': {agree: 41, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa28-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q2 sa28-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q2 sa28-holdout notes': {agree: 13, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q2 sa28-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q2 sa29-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 sa29-holdout prose': {agree: 19, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q2 sa29-holdout notes': {agree: 14, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q2 sa29-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 1},
  'review-q2 sa29-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa26-holdout': {agree: 36, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa26-holdout notes': {agree: 13, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa26-holdout prose': {agree: 15, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa26-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa26-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa27-holdout': {agree: 39, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q3 sa27-holdout prose': {agree: 21, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q3 sa27-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q3 sa27-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa27-holdout notes': {agree: 10, n: 16, fa: 0, pa: 1, fr: 1},
  'review-q3 sa28-holdout': {agree: 38, n: 48, fa: 1, pa: 3, fr: 0},
  'review-q3 sa28-holdout plain': {agree: 10, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q3 sa28-holdout prose': {agree: 17, n: 22, fa: 1, pa: 2, fr: 0},
  'review-q3 sa28-holdout notes': {agree: 11, n: 16, fa: 0, pa: 1, fr: 0},
  'review-q3 sa28-holdout misspelled': {agree: 6, n: 9, fa: 0, pa: 1, fr: 0},
  'review-q3 sa29-holdout': {agree: 31, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q3 sa29-holdout prose': {agree: 14, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q3 sa29-holdout misspelled': {agree: 8, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q3 sa29-holdout notes': {agree: 10, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q3 sa29-holdout plain': {agree: 7, n: 10, fa: 0, pa: 1, fr: 0},
  'review-q4 sa26-holdout': {agree: 36, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa26-holdout plain': {agree: 8, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa26-holdout notes': {agree: 10, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa26-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa26-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa27-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa27-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 0},
  'review-q4 sa27-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa27-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa27-holdout misspelled': {agree: 9, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa28-holdout': {agree: 39, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q4 sa28-holdout notes': {agree: 12, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa28-holdout prose': {agree: 18, n: 22, fa: 0, pa: 0, fr: 1},
  'review-q4 sa28-holdout plain': {agree: 9, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa28-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
  'review-q4 sa29-holdout': {agree: 36, n: 48, fa: 1, pa: 0, fr: 0},
  'review-q4 sa29-holdout prose': {agree: 16, n: 22, fa: 1, pa: 0, fr: 0},
  'review-q4 sa29-holdout plain': {agree: 7, n: 10, fa: 0, pa: 0, fr: 0},
  'review-q4 sa29-holdout notes': {agree: 13, n: 16, fa: 0, pa: 0, fr: 0},
  'review-q4 sa29-holdout misspelled': {agree: 7, n: 9, fa: 0, pa: 0, fr: 0},
}

const TARGET = { agreement: 0.92, falseAccepts: 0.02, falseRejects: 0.05 }

// The fourth to the thirtieth author wrote one set each (review-qN.saK-holdout.json, with a second labeller's blind
// review-qN.saK-holdout.labels2.json), measured once when it was added and tuning material since.
const LATER_AUTHORS = [
  ['sa3-holdout', 'fourth'],
  ['sa4-holdout', 'fifth'],
  ['sa5-holdout', 'sixth'],
  ['sa6-holdout', 'seventh'],
  ['sa7-holdout', 'eighth'],
  ['sa8-holdout', 'ninth'],
  ['sa9-holdout', 'tenth'],
  ['sa10-holdout', 'eleventh'],
  ['sa11-holdout', 'twelfth'],
  ['sa12-holdout', 'thirteenth'],
  ['sa13-holdout', 'fourteenth'],
  ['sa14-holdout', 'fifteenth'],
  ['sa15-holdout', 'sixteenth'],
  ['sa16-holdout', 'seventeenth'],
  ['sa17-holdout', 'eighteenth'],
  ['sa18-holdout', 'nineteenth'],
  ['sa19-holdout', 'twentieth'],
  ['sa20-holdout', 'twenty-first'],
  ['sa21-holdout', 'twenty-second'],
  ['sa22-holdout', 'twenty-third'],
  ['sa23-holdout', 'twenty-fourth'],
  ['sa24-holdout', 'twenty-fifth'],
  ['sa25-holdout', 'twenty-sixth'],
  ['sa26-holdout', 'twenty-seventh'],
  ['sa27-holdout', 'twenty-eighth'],
  ['sa28-holdout', 'twenty-ninth'],
  ['sa29-holdout', 'thirtieth'],
] as const
type LaterSet = (typeof LATER_AUTHORS)[number][0]
const LATER_SETS: readonly LaterSet[] = LATER_AUTHORS.map(([set]) => set)

const SET_NAMES = ['tuning', 'holdout', 'sa-tuning', 'sa-holdout', 'sa2-tuning', 'sa2-holdout', ...LATER_SETS] as const
type SetName = (typeof SET_NAMES)[number]
/** review-qN.json for the rubric author's tuning set, review-qN.<set>.json for every other. */
const fileName = (question: string, set: SetName) => (set === 'tuning' ? `${question}.json` : `${question}.${set}.json`)
const fileUrl = (question: ReviewQuestionId, set: SetName) =>
  new URL(`../../content/review/calibration/${fileName(question, set)}`, import.meta.url)
/** The third to seventh authors' sets are optional: graded when their file exists. */
const hasSet = (question: ReviewQuestionId, set: SetName) => existsSync(fileURLToPath(fileUrl(question, set)))

type Counts = {
  n: number
  agree: number
  labelledIncorrect: number
  labelledPartial: number
  labelledCorrect: number
  falseAccepts: string[]
  partialAccepted: string[]
  falseRejects: string[]
  /** the other disagreements, counted only: correct→partial, partial→incorrect, incorrect→partial */
  cp: number
  pi: number
  ip: number
}
type Row = Counts & { question: ReviewQuestionId | 'all'; set: SetName; style: (typeof STYLES)[number] | 'all' }

/** One set's samples, read and checked by the same loader the grader uses (file, field and question named on error). */
function loadSet(question: ReviewQuestionId, set: SetName) {
  return loadReviewedSet(fileURLToPath(new URL('../../content/review/calibration/', import.meta.url)), fileName(question, set)).samples
}

const empty = (): Counts => ({
  n: 0, agree: 0, labelledIncorrect: 0, labelledPartial: 0, labelledCorrect: 0, falseAccepts: [], partialAccepted: [], falseRejects: [], cp: 0, pi: 0, ip: 0,
})

/**
 * One row for the whole set and one per style that occurs in it. `rubric`: the rubric's verdict alone (the KNOWN_SA
 * ratchets); `reviewed`: the grader as learners meet it, the rubric with the reviewed answers' vote, this set's author
 * left out of the reviewed answers (KNOWN_REVIEWED).
 */
function grade(question: ReviewQuestionId, set: SetName, grader: 'rubric' | 'reviewed' = 'rubric'): Row[] {
  const rows = new Map<Row['style'], Row>([['all', { question, set, style: 'all', ...empty() }]])
  for (const sample of loadSet(question, set)) {
    const { verdict } =
      grader === 'rubric'
        ? gradeByRubric(question, sample.answer)
        : gradeAnswer(question, sample.answer, authorOf(fileName(question, set)))
    for (const style of ['all', ...(sample.styles ?? [])] as const) {
      const row = rows.get(style) ?? { question, set, style, ...empty() }
      rows.set(style, row)
      row.n += 1
      if (verdict === sample.label) row.agree += 1
      if (sample.label === 'incorrect') row.labelledIncorrect += 1
      if (sample.label === 'partial') row.labelledPartial += 1
      if (sample.label === 'correct') row.labelledCorrect += 1
      if (sample.label === 'incorrect' && verdict === 'correct') row.falseAccepts.push(sample.id)
      if (sample.label === 'partial' && verdict === 'correct') row.partialAccepted.push(sample.id)
      if (sample.label === 'correct' && verdict === 'incorrect') row.falseRejects.push(sample.id)
      if (sample.label === 'correct' && verdict === 'partial') row.cp += 1
      if (sample.label === 'partial' && verdict === 'incorrect') row.pi += 1
      if (sample.label === 'incorrect' && verdict === 'partial') row.ip += 1
    }
  }
  return [...rows.values()]
}

const reported: Row[] = []
const share = (k: number, of: number) => (of === 0 ? '   -  ' : `${((100 * k) / of).toFixed(1)}%`.padStart(6))
const figures = (r: Counts): Figures => ({
  agree: r.agree, n: r.n, fa: r.falseAccepts.length, pa: r.partialAccepted.length, fr: r.falseRejects.length,
})
const keyOf = (r: Pick<Row, 'question' | 'set' | 'style'>) => `${r.question} ${r.set}${r.style === 'all' ? '' : ` ${r.style}`}`

function sum(rows: readonly Row[], question: Row['question'], set: SetName, style: Row['style']): Row {
  const total: Row = { question, set, style, ...empty() }
  for (const r of rows) {
    total.n += r.n
    total.agree += r.agree
    total.labelledIncorrect += r.labelledIncorrect
    total.labelledPartial += r.labelledPartial
    total.labelledCorrect += r.labelledCorrect
    total.falseAccepts.push(...r.falseAccepts)
    total.partialAccepted.push(...r.partialAccepted)
    total.falseRejects.push(...r.falseRejects)
    total.cp += r.cp
    total.pi += r.pi
    total.ip += r.ip
  }
  return total
}

function line(r: Row): string {
  return [
    keyOf(r).padEnd(33),
    `${String(r.agree).padStart(3)}/${String(r.n).padEnd(3)}`,
    share(r.agree, r.n),
    `  FA ${r.falseAccepts.length}/${r.labelledIncorrect}`.padEnd(11),
    share(r.falseAccepts.length, r.labelledIncorrect),
    `  P→C ${r.partialAccepted.length}/${r.labelledPartial}`.padEnd(11),
    `  FR ${r.falseRejects.length}/${r.labelledCorrect}`.padEnd(10),
    share(r.falseRejects.length, r.labelledCorrect),
    `  C→P ${r.cp} P→I ${r.pi} I→P ${r.ip}`,
  ].join(' ')
}

afterAll(() => {
  const lines = reported.map(line)
  for (const set of SET_NAMES) {
    for (const style of ['all', ...STYLES] as const) {
      const of = reported.filter((r) => r.set === set && r.style === style)
      if (of.length > 0) lines.push(line(sum(of, 'all', set, style)))
    }
  }
  console.log(
    '\nfree-text grader calibration: agreement, false accepts (incorrect→correct, share of the incorrect), partial→correct,' +
      ' false rejects (correct→incorrect, share of the correct), and the other disagreements (correct→partial,' +
      ' partial→incorrect, incorrect→partial)\n' +
      `${lines.join('\n')}\n`,
  )
  // Fresh figures for KNOWN_SA, to paste when a ratchet is tightened.
  const fresh = reported
    .filter((r) => r.set !== 'tuning' && r.set !== 'holdout')
    .map((r) => `  '${keyOf(r)}': ${JSON.stringify(figures(r)).replace(/"/g, '').replace(/([:,])/g, '$1 ')},`)
  console.log(`KNOWN_SA now:\n${fresh.join('\n')}\n`)
})

/** Holds a row's figures to the table's (KNOWN_SA for the rubric alone, KNOWN_REVIEWED for the whole grader). */
function expectRatchet(row: Row, table: 'KNOWN_SA' | 'KNOWN_REVIEWED' = 'KNOWN_SA') {
  const key = keyOf(row)
  const known = (table === 'KNOWN_SA' ? KNOWN_SA : KNOWN_REVIEWED)[key]
  const now = figures(row)
  expect(known, `${key}: no ratchet recorded; add ${JSON.stringify(now)} to ${table}`).toBeDefined()
  if (known === undefined) return
  expect(now.n, `${key}: sample count changed`).toBe(known.n)
  expect(now.agree, `${key}: agreement fell`).toBeGreaterThanOrEqual(known.agree)
  expect(now.fa, `${key}: more false accepts (incorrect graded correct)`).toBeLessThanOrEqual(known.fa)
  expect(now.pa, `${key}: more partial answers graded correct`).toBeLessThanOrEqual(known.pa)
  expect(now.fr, `${key}: more false rejects (correct graded incorrect)`).toBeLessThanOrEqual(known.fr)
  expect(now, `${key} improved: tighten ${table} to the new figures`).toEqual(known)
}

// How many answers per question a set must hold: the second author wrote 66 (33 per half), the third 48 (24 per
// half); a later author's set is only checked for being a real set.
type RatchetedSet = 'sa-holdout' | 'sa2-holdout' | LaterSet
const MIN_HALF: Record<'sa-tuning' | 'sa2-tuning' | 'sa-holdout' | 'sa2-holdout', number> = {
  'sa-tuning': 30,
  'sa2-tuning': 20,
  'sa-holdout': 30,
  'sa2-holdout': 20,
}
const MIN_LATER_SET = 10
const minHalf = (set: keyof typeof MIN_HALF | LaterSet) => (set in MIN_HALF ? MIN_HALF[set as keyof typeof MIN_HALF] : MIN_LATER_SET)

/** A second or third author's tuning half: false-accept and false-reject targets per style, agreement a ratchet. */
function checkTuningHalf(question: ReviewQuestionId, set: 'sa-tuning' | 'sa2-tuning') {
  const rows = grade(question, set)
  reported.push(...rows)
  const all = rows.find((r) => r.style === 'all') as Row
  expect(all.n).toBeGreaterThanOrEqual(minHalf(set))
  for (const row of rows) {
    expect(row.falseAccepts.length, `${keyOf(row)} false accepts ${row.falseAccepts.join(', ')}`).toBeLessThanOrEqual(
      Math.floor(TARGET.falseAccepts * row.labelledIncorrect),
    )
    expect(row.falseRejects.length, `${keyOf(row)} false rejects ${row.falseRejects.join(', ')}`).toBeLessThanOrEqual(
      Math.floor(TARGET.falseRejects * row.labelledCorrect),
    )
  }
  rows.forEach((row) => expectRatchet(row))
}

/** A held-out set (all of them tuning material now): every figure, per style too, is a ratchet. */
function checkRatchetedSet(question: ReviewQuestionId, set: RatchetedSet) {
  const rows = grade(question, set)
  reported.push(...rows)
  expect((rows.find((r) => r.style === 'all') as Row).n).toBeGreaterThanOrEqual(minHalf(set))
  rows.forEach((row) => expectRatchet(row))
}

describe.each(REVIEW_QUESTION_IDS)('%s calibration', (question) => {
  it('agrees with at least 90% of the tuning labels and never grades an incorrect sample correct', () => {
    const [row] = grade(question, 'tuning') as [Row]
    reported.push(row)
    expect(row.n).toBeGreaterThanOrEqual(25)
    expect(row.falseAccepts).toEqual([])
    expect(row.agree / row.n).toBeGreaterThanOrEqual(0.9)
  })

  it.skipIf(TUNING_ONLY)('grades no more holdout samples labelled incorrect as correct than the known count (agreement is reported)', () => {
    const [row] = grade(question, 'holdout') as [Row]
    reported.push(row)
    expect(row.n).toBeGreaterThan(0)
    const known = KNOWN_HOLDOUT_INCORRECT_AS_CORRECT[question] ?? 0
    expect(row.falseAccepts.length, `${question} holdout: incorrect graded correct`).toBeLessThanOrEqual(known)
    expect(row.falseAccepts.length, `${question} holdout improved: lower KNOWN_HOLDOUT_INCORRECT_AS_CORRECT`).toBe(known)
  })

  it("meets the false-accept and false-reject targets on the second author's tuning half (agreement is a ratchet)", () => {
    checkTuningHalf(question, 'sa-tuning')
  })

  it.skipIf(!hasSet(question, 'sa2-tuning'))(
    "meets the false-accept and false-reject targets on the third author's tuning half (agreement is a ratchet)",
    () => {
      checkTuningHalf(question, 'sa2-tuning')
    },
  )

  it.skipIf(TUNING_ONLY)("holds the second author's held-out figures, overall and per style, at least where they are (ratchet)", () => {
    checkRatchetedSet(question, 'sa-holdout')
  })

  it.skipIf(TUNING_ONLY || !hasSet(question, 'sa2-holdout'))(
    "holds the third author's held-out figures, overall and per style, at least where they are (ratchet)",
    () => {
      checkRatchetedSet(question, 'sa2-holdout')
    },
  )

  for (const [set, author] of LATER_AUTHORS) {
    it.skipIf(TUNING_ONLY || !hasSet(question, set))(
      `holds the ${author} author's figures (measured once, tuning material since), overall and per style (ratchet)`,
      () => {
        checkRatchetedSet(question, set)
      },
    )
  }

})

// The grader as learners meet it: the rubric, with the reviewed answers settling what it leaves undecided
// (neighbours.ts, grade.ts). Each set is graded with its own author's answers left out of the reviewed ones, so a figure says
// how the grader does on an author it has not read. Every set's figure per question is a ratchet (KNOWN_REVIEWED); the
// rubric author's tuning set keeps the rubric's bar (at least 90%, no false accept). sa10-sa15 were measured this way
// before they were added (figures at the top of this file); since, each is graded with the later ones in the
// reviewed answers, so its row here differs from its first measurement.
const reviewedRows: Row[] = []

describe.skipIf(TUNING_ONLY).each(REVIEW_QUESTION_IDS)('%s with the reviewed answers (author left out)', (question) => {
  it('agrees with at least 90% of the rubric author\'s tuning labels and grades no incorrect one correct', () => {
    const row = grade(question, 'tuning', 'reviewed').find((r) => r.style === 'all') as Row
    expect(row.falseAccepts).toEqual([])
    expect(row.agree / row.n).toBeGreaterThanOrEqual(0.9)
  })
  for (const set of SET_NAMES) {
    it.skipIf(!hasSet(question, set))(`holds its figures on the ${set} set (ratchet)`, () => {
      const rows = grade(question, set, 'reviewed')
      reviewedRows.push(...rows)
      expectRatchet(rows.find((r) => r.style === 'all') as Row, 'KNOWN_REVIEWED')
    })
  }
})

afterAll(() => {
  if (reviewedRows.length === 0) return
  const lines = reviewedRows.filter((r) => r.style === 'all').map(line)
  for (const style of ['all', ...STYLES] as const) {
    const later = reviewedRows.filter((r) => r.style === style && LATER_SETS.includes(r.set as LaterSet))
    if (later.length > 0) lines.push(line(sum(later, 'all', 'sa3-holdout', style)).replace('all sa3-holdout', 'all later sets'))
  }
  console.log(`\nthe grader with the reviewed answers, each set's author left out:\n${lines.join('\n')}\n`)
  const fresh = reviewedRows
    .filter((r) => r.style === 'all')
    .map((r) => `  '${keyOf(r)}': ${JSON.stringify(figures(r)).replace(/"/g, '').replace(/([:,])/g, '$1 ')},`)
  console.log(`KNOWN_REVIEWED now:\n${fresh.join('\n')}\n`)
})

const KNOWN_REVIEWED: Readonly<Record<string, Figures>> = {
  'review-q1 tuning': {agree: 29, n: 32, fa: 0, pa: 2, fr: 0},
  'review-q1 holdout': {agree: 11, n: 12, fa: 0, pa: 1, fr: 0},
  'review-q1 sa-tuning': {agree: 30, n: 33, fa: 0, pa: 1, fr: 0},
  'review-q1 sa-holdout': {agree: 32, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-tuning': {agree: 24, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q1 sa2-holdout': {agree: 23, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q1 sa3-holdout': {agree: 47, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa4-holdout': {agree: 44, n: 48, fa: 0, pa: 3, fr: 0},
  'review-q1 sa5-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa6-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa7-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa8-holdout': {agree: 44, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q1 sa9-holdout': {agree: 47, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa10-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa11-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa12-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa13-holdout': {agree: 44, n: 48, fa: 1, pa: 1, fr: 0},
  'review-q1 sa14-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa15-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa16-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa17-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa18-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa19-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa20-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q1 sa21-holdout': {agree: 44, n: 48, fa: 1, pa: 2, fr: 0},
  'review-q1 sa22-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa23-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q1 sa24-holdout': {agree: 47, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q1 sa25-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa26-holdout': {agree: 43, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q1 sa27-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa28-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q1 sa29-holdout': {agree: 44, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 tuning': {agree: 29, n: 32, fa: 0, pa: 3, fr: 0},
  'review-q2 holdout': {agree: 12, n: 12, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-tuning': {agree: 32, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q2 sa-holdout': {agree: 29, n: 33, fa: 0, pa: 1, fr: 0},
  'review-q2 sa2-tuning': {agree: 22, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q2 sa2-holdout': {agree: 21, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q2 sa3-holdout': {agree: 44, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa4-holdout': {agree: 47, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa5-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa6-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa7-holdout': {agree: 43, n: 48, fa: 0, pa: 3, fr: 0},
  'review-q2 sa8-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa9-holdout': {agree: 42, n: 48, fa: 0, pa: 0, fr: 2},
  'review-q2 sa10-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa11-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 sa12-holdout': {agree: 47, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa13-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa14-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa15-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 sa16-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa17-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa18-holdout': {agree: 45, n: 48, fa: 1, pa: 1, fr: 0},
  'review-q2 sa19-holdout': {agree: 43, n: 48, fa: 0, pa: 2, fr: 1},
  'review-q2 sa20-holdout': {agree: 43, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q2 sa21-holdout': {agree: 43, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q2 sa22-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa23-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 2},
  'review-q2 sa24-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa25-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 2},
  'review-q2 sa26-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q2 sa27-holdout': {agree: 43, n: 48, fa: 1, pa: 1, fr: 3},
  'review-q2 sa28-holdout': {agree: 44, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q2 sa29-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q3 tuning': {agree: 29, n: 32, fa: 0, pa: 2, fr: 0},
  'review-q3 holdout': {agree: 10, n: 12, fa: 0, pa: 1, fr: 0},
  'review-q3 sa-tuning': {agree: 32, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q3 sa-holdout': {agree: 31, n: 33, fa: 0, pa: 1, fr: 0},
  'review-q3 sa2-tuning': {agree: 23, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q3 sa2-holdout': {agree: 24, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q3 sa3-holdout': {agree: 45, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa4-holdout': {agree: 43, n: 48, fa: 0, pa: 4, fr: 0},
  'review-q3 sa5-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa6-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa7-holdout': {agree: 41, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa8-holdout': {agree: 44, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa9-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa10-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa11-holdout': {agree: 41, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q3 sa12-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa13-holdout': {agree: 44, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa14-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa15-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa16-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa17-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa18-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa19-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa20-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q3 sa21-holdout': {agree: 43, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q3 sa22-holdout': {agree: 43, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa23-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa24-holdout': {agree: 43, n: 48, fa: 1, pa: 1, fr: 0},
  'review-q3 sa25-holdout': {agree: 43, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q3 sa26-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q3 sa27-holdout': {agree: 44, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q3 sa28-holdout': {agree: 42, n: 48, fa: 1, pa: 4, fr: 0},
  'review-q3 sa29-holdout': {agree: 42, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q4 tuning': {agree: 32, n: 32, fa: 0, pa: 0, fr: 0},
  'review-q4 holdout': {agree: 10, n: 12, fa: 0, pa: 1, fr: 0},
  'review-q4 sa-tuning': {agree: 32, n: 33, fa: 0, pa: 1, fr: 0},
  'review-q4 sa-holdout': {agree: 27, n: 33, fa: 0, pa: 0, fr: 0},
  'review-q4 sa2-tuning': {agree: 21, n: 24, fa: 0, pa: 1, fr: 0},
  'review-q4 sa2-holdout': {agree: 21, n: 24, fa: 0, pa: 0, fr: 0},
  'review-q4 sa3-holdout': {agree: 45, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa4-holdout': {agree: 43, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa5-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa6-holdout': {agree: 45, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa7-holdout': {agree: 43, n: 48, fa: 0, pa: 2, fr: 0},
  'review-q4 sa8-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa9-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa10-holdout': {agree: 45, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa11-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa12-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa13-holdout': {agree: 45, n: 48, fa: 1, pa: 0, fr: 0},
  'review-q4 sa14-holdout': {agree: 48, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa15-holdout': {agree: 43, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa16-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa17-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa18-holdout': {agree: 45, n: 48, fa: 0, pa: 1, fr: 0},
  'review-q4 sa19-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 1},
  'review-q4 sa20-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa21-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa22-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa23-holdout': {agree: 47, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa24-holdout': {agree: 46, n: 48, fa: 0, pa: 1, fr: 1},
  'review-q4 sa25-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa26-holdout': {agree: 46, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa27-holdout': {agree: 45, n: 48, fa: 0, pa: 0, fr: 0},
  'review-q4 sa28-holdout': {agree: 43, n: 48, fa: 1, pa: 0, fr: 1},
  'review-q4 sa29-holdout': {agree: 45, n: 48, fa: 0, pa: 1, fr: 0},
}

// A second labeller labelled the sa3 answers blind (review-qN.sa3-holdout.labels2.json, never seeing the first labels,
// the rubrics or the grader): how often two careful instructors agree bounds what the grader can be asked to match.
// Printed with the grader's agreement on the answers both labellers agree on. The sa4 set with its own
// review-qN.sa4-holdout.labels2.json, the sa5 set with review-qN.sa5-holdout.labels2.json,
// the sa6 to sa9 sets with their review-qN.saN-holdout.labels2.json, are reported the same way.
const SecondLabelsSchema = z.strictObject({
  question: z.enum(REVIEW_QUESTION_IDS),
  labels: z.record(z.string(), z.strictObject({ label: z.enum(['correct', 'partial', 'incorrect']), why: z.string() })),
})
const secondLabelsUrl = (question: ReviewQuestionId, set: LaterSet) =>
  new URL(`../../content/review/calibration/${question}.${set}.labels2.json`, import.meta.url)

describe.each(LATER_SETS)('a second labeller on the %s set', (set) => {
  for (const question of REVIEW_QUESTION_IDS) {
    it.skipIf(TUNING_ONLY || !hasSet(question, set) || !existsSync(fileURLToPath(secondLabelsUrl(question, set))))(
      `${question}: labels every answer of the set; the labellers' and the grader's agreement are reported`,
      () => {
        const parsed = SecondLabelsSchema.safeParse(JSON.parse(readFileSync(fileURLToPath(secondLabelsUrl(question, set)), 'utf8')))
        if (!parsed.success) throw new Error(`${question}.${set}.labels2.json: ${z.prettifyError(parsed.error)}`)
        expect(parsed.data.question).toBe(question)
        const samples = loadSet(question, set)
        expect(Object.keys(parsed.data.labels).sort()).toEqual(samples.map((s) => s.id).sort())
        const agreed = samples.filter((s) => parsed.data.labels[s.id]?.label === s.label)
        const graded = agreed.filter((s) => gradeByRubric(question, s.answer).verdict === s.label).length
        const withReviewed = agreed.filter((s) => gradeAnswer(question, s.answer, authorOf(fileName(question, set))).verdict === s.label).length
        console.log(`${question} ${set}: the two labellers agree on ${agreed.length}/${samples.length}; the rubric agrees with them on ${graded}/${agreed.length} of those, the grader with the reviewed answers (this author left out) on ${withReviewed}/${agreed.length}`)
      },
    )
  }
})
