import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Outcome, Pending } from '../db/groupCommit'
import type { AttemptRow, AttemptSummaryRow } from './presentation'
import { Neo4jError } from 'neo4j-driver'
import { PERSON_PROJECTION } from '../auth/user.repository'
import { AppError, ErrorCode, notFound } from '../common/errors'
import { isoText } from '../db/database'
import { GroupCommit, RETRY } from '../db/groupCommit'
import { followUpAfter, queueFollowUp } from './followUp'
import { ARTICLE_PROJECTION, ATTEMPT_SUMMARY, notYours, QUIZ_SUMMARY } from './study.repository'

/**
 * Submission (交卷): one write that marks the attempt submitted with the score of what was saved.
 *
 * Answers are scored as they are saved (saveAnswers puts each item's result on its ANSWERED relationship
 * and the attempt's running total in `t.pendingScore`; no reader shows either before submission), so
 * submitting reads nothing first: under the attempt's lock the write sets the status, the score, the
 * submissionId and who submitted, and labels the attempt `PendingFollowUp`. The audit entry and the
 * review cards of its wrong answers (FSRS, computed in Node) are written just after, off the submitters'
 * path (followUp.ts); the label keeps that work durable across a restart.
 *
 * Submissions go through a group commit (db/groupCommit.ts): all that arrive while a batch is being
 * written go together in the next, one transaction for the lot, two batches at a time (a row locks only
 * its own attempt, so batches cannot deadlock). A lone submission is one round trip.
 *
 * Writers that already hold the attempt's lock (saving an answer after the deadline, starting an attempt
 * when the previous one ran out) use `submitLocked`: the same write for one row.
 */

/** An attempt as the API presents it, before deciding what the viewer may see. */
export interface AttemptView {
  summary: AttemptSummaryRow
  ownerId: string | null
  ownerOrganizationIds: string[]
  person: AttemptRow['person']
  quiz: AttemptRow['quiz']
  items: AttemptRow['items']
}

/** Which costly parts of an attempt a request asks for (the rest is always there). */
export interface ViewDetail {
  /** The questions, answers and article texts. */
  items: boolean
  /** Whose attempt it is, with their organisation. */
  person: boolean
}

export const FULL_DETAIL: ViewDetail = { items: true, person: true }

/** The summary only (the score and the times), as the timer and a score-only response need. */
export const NO_DETAIL: ViewDetail = { items: false, person: false }

/**
 * Map projection of an attempt `t` of quiz `z` by person `p` (may be null): everything presentation
 * needs, answers included — without the parts `detail` leaves out (a submission whose response shows only
 * the score does not read every article text). The parts are left out of the query text, not skipped
 * with CASE: Neo4j evaluates a subquery inside CASE whatever the condition.
 */
export function attemptView(detail: ViewDetail): string {
  return `{
  summary: ${ATTEMPT_SUMMARY},
  ownerId: p.id,
  ownerOrganizationIds: [(p)-[:MEMBER_OF]->(o:Organization) | o.id],
  person: ${detail.person ? PERSON_PROJECTION : 'null'},
  quiz: ${QUIZ_SUMMARY},
  items: ${detail.items
    ? `COLLECT {
    MATCH (t)-[i:ITEM]->(q:Question)
    OPTIONAL MATCH (t)-[an:ANSWERED]->(q)
    RETURN {
      order: i.order, points: i.points, optionOrder: i.optionOrder,
      earned: CASE WHEN t.status <> 'IN_PROGRESS' THEN coalesce(an.earned, 0.0) END,
      correct: CASE WHEN t.status <> 'IN_PROGRESS' THEN coalesce(an.correct, false) END,
      questionId: q.id, type: q.type, stem: q.stem, options: coalesce(q.options, []), answer: coalesce(q.answer, []),
      explanation: coalesce(q.explanation, ''), given: an.given, savedAt: ${isoText('an.savedAt')},
      articles: COLLECT { MATCH (q)-[ts:TESTS]->(a:Article) RETURN ${ARTICLE_PROJECTION} AS article ORDER BY ts.order, a.lawId, a.ordinal }
    } AS item ORDER BY i.order
  }`
    : '[]'}
}`
}

/** The union of what several requests ask for. */
function unionOf(details: Iterable<ViewDetail>): ViewDetail {
  const out = { ...NO_DETAIL }
  for (const d of details) {
    out.items ||= d.items
    out.person ||= d.person
  }
  return out
}

export function expired(deadline: string | null, now: Date): boolean {
  return deadline !== null && Date.parse(deadline) <= now.getTime()
}

/** One row of the submission write: who submits which attempt, when. */
interface WriteRow {
  attemptId: string
  /** The person submitting (only the owner may), or null for the server's timer (only after the deadline). */
  personId: string | null
  submissionId: string | null
  now: string
  actorId: string | null
}

/**
 * The submission write. Per row: an attempt in progress is locked, then — when the request may submit it
 * (the owner, or the timer after the deadline) and the submissionId is not another attempt's — submitted:
 * at the deadline and flagged automatic when that has passed, with the score its answers earned as they
 * were saved. Who submitted and when the server received it stay on the attempt for the audit entry,
 * which the follow-up writes with the review cards (followUp.ts; the `PendingFollowUp` label keeps that
 * durable). Every row found is returned with what the caller needs to answer (the owner, the status
 * before, the attempt the submissionId belongs to) and the attempt as it now is. An attempt already
 * submitted is neither locked nor written (it never changes again), so retries of a submission only read.
 * Rows come sorted by attempt id, so two batches lock shared attempts in the same order.
 */
function submitWrite(detail: ViewDetail): string {
  return `
UNWIND $batch.rows AS row
MATCH (t:Attempt {id: row.attemptId})-[:OF]->(z:Quiz)
CALL (t) {
  WITH t WHERE t.status = 'IN_PROGRESS'
  SET t._lock = true REMOVE t._lock
}
OPTIONAL MATCH (p:Person)-[:MADE]->(t)
WITH t, z, p, row, t.status AS before, datetime(row.now) AS now,
  COLLECT { MATCH (other:Attempt {submissionId: row.submissionId}) WHERE other <> t RETURN other.id }[0] AS usedFor
WITH t, z, p, row, before, now, usedFor,
  coalesce(before = 'IN_PROGRESS' AND p IS NOT NULL AND usedFor IS NULL
    AND CASE WHEN row.personId IS NULL THEN t.deadline <= now ELSE p.id = row.personId END, false) AS submit
CALL (t, row, now, submit) {
  WITH t, row, now WHERE submit
  WITH t, row, now, t.deadline IS NOT NULL AND t.deadline <= now AS late
  SET t:PendingFollowUp, t.status = 'SUBMITTED', t.submittedAt = CASE WHEN late THEN t.deadline ELSE now END,
      t.score = coalesce(t.pendingScore, 0.0), t.autoSubmitted = late, t.submissionId = row.submissionId,
      t.submittedBy = row.actorId, t.receivedAt = now
  REMOVE t.pendingScore
}
RETURN t.id AS attemptId, p.id AS ownerId, before, usedFor, submit AS submitted, ${attemptView(detail)} AS view`
}

/** One row the submission write returns. */
interface Written {
  attemptId: string
  ownerId: string | null
  before: string
  usedFor: string | null
  submitted: boolean
  view: AttemptView
}

/** Who submits: a person (with the submissionId their client generated) or the server's timer. */
export interface SubmitBy {
  actor: SessionUser | null
  submissionId: string | null
}

function writeRow(attemptId: string, by: SubmitBy, now: Date): WriteRow {
  return {
    attemptId,
    personId: by.actor?.personId ?? null,
    submissionId: by.submissionId,
    now: now.toISOString(),
    actorId: by.actor?.id ?? null,
  }
}

/**
 * Submits an attempt in progress by the timer inside the caller's transaction, which holds the attempt's
 * lock. True when it was submitted (queue its review cards once the transaction has committed).
 */
export async function submitLocked(tx: Tx, attemptId: string, now: Date): Promise<boolean> {
  const [written] = await tx.run<Written>(submitWrite(NO_DETAIL), { batch: { rows: [writeRow(attemptId, { actor: null, submissionId: null }, now)] } })
  return written?.submitted ?? false
}

/** One submission waiting for its batch. */
export interface SubmitRequest {
  attemptId: string
  /** The person submitting (only the attempt's owner may), or null for the server's timer. */
  user: SessionUser | null
  /** The client's id of the answer sheet; null for the timer. */
  submissionId: string | null
  /** When the request arrived: the submission time (or the deadline, when that came first). */
  now: Date
  /** What of the attempt the response shows. */
  detail: ViewDetail
}

/** What a submission request gives back: whether this request submitted the attempt, and the attempt. */
export interface SubmitResult {
  submitted: boolean
  /** The attempt after the request (null for a timer request that found nothing to do). */
  view: AttemptView | null
}

/** After this many batches the request fails with an error to retry (it can only wait so often). */
const MAX_ROUNDS = 8

const CONFLICT = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, details)

/** What a request gets from the row the write returned for its attempt (`first`: the request that was written). */
function outcomeOf(request: SubmitRequest, row: Written | undefined, first: boolean): Outcome<SubmitResult> {
  if (!row)
    return { error: notFound('答卷 (attempt)', request.attemptId) }
  if (request.user && row.ownerId !== request.user.personId)
    return { error: notYours('只能提交自己的答卷 (you can submit only your own attempts).') }
  if (request.submissionId && row.usedFor)
    return { error: CONFLICT('submissionId 已用于另一份答卷 (this submissionId was used for another attempt): generate a new one for each answer sheet.', { field: 'submissionId' }) }
  if (row.submitted)
    return { value: { submitted: first, view: row.view } }
  if (row.before === 'IN_PROGRESS')
    return { value: { submitted: false, view: null } } // the timer, before the deadline
  return { value: { submitted: false, view: row.view } }
}

/** One batch of the group commit: one write. */
async function submitBatch(db: Database, batch: readonly Pending<SubmitRequest>[]): Promise<Outcome<SubmitResult>[]> {
  // One row per attempt (the first request for it; the others share its answer), and one attempt per
  // submissionId: a second attempt under the same id waits for the next batch, which then refuses it.
  const rows = new Map<string, WriteRow>()
  const claimed = new Map<string, string>()
  const place = batch.map(({ input: request, rounds }): 'first' | 'same' | typeof RETRY | Outcome<SubmitResult> => {
    if (rows.has(request.attemptId))
      return 'same'
    const sid = request.submissionId
    if (sid && claimed.has(sid)) {
      return rounds > MAX_ROUNDS
        ? { error: CONFLICT('答卷提交冲突，请稍后重新提交 (the submission collided with another one): submit again.', { attemptId: request.attemptId }) }
        : RETRY
    }
    if (sid)
      claimed.set(sid, request.attemptId)
    rows.set(request.attemptId, writeRow(request.attemptId, { actor: request.user, submissionId: sid }, request.now))
    return 'first'
  })
  // What any request of the batch asks for is read for all (the others' responses do not show it).
  const detail = unionOf(batch.map(b => b.input.detail))
  const sorted = [...rows.values()].sort((a, b) => a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0)
  const written = new Map((await db.write<Written>(submitWrite(detail), { batch: { rows: sorted } })).map(w => [w.attemptId, w]))
  const submitted = [...written.values()].filter(w => w.submitted).map(w => w.attemptId)
  if (submitted.length > 0)
    queueFollowUp(db, submitted)
  return batch.map(({ input: request }, k) => {
    const at = place[k]!
    if (at === 'first' || at === 'same')
      return outcomeOf(request, written.get(request.attemptId), at === 'first')
    return at
  })
}

const queues = new WeakMap<Database, GroupCommit<SubmitRequest, SubmitResult>>()

/** The database's submission queue (one per Database, so per process). */
export function submissionQueue(db: Database): GroupCommit<SubmitRequest, SubmitResult> {
  let queue = queues.get(db)
  if (!queue) {
    queue = new GroupCommit<SubmitRequest, SubmitResult>(batch => submitBatch(db, batch), {
      // While one batch is with the database the next one fills; two in flight keep both busy.
      concurrency: 2,
      // A statement error may come from one row; an unreachable database (the driver has already
      // retried) fails every row alike, so it is not retried once per submission.
      isolate: error => error instanceof Neo4jError && /^Neo\.(?:ClientError|DatabaseError)\.Statement\./.test(error.code),
    })
    queues.set(db, queue)
    followUpAfter(db, queue)
  }
  return queue
}

/** Submits through the database's group commit. */
export function submitQueued(db: Database, request: SubmitRequest): Promise<SubmitResult> {
  return submissionQueue(db).add(request)
}
