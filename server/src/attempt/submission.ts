import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Outcome, Pending } from '../db/groupCommit'
import type { AttemptView, ViewDetail } from './attemptView.repository'
import type { WriteRow, Written } from './submission.repository'
import { Neo4jError } from 'neo4j-driver'
import { conflict, notFound, notYours } from '../common/errors'
import { GroupCommit, RETRY } from '../db/groupCommit'
import { NO_DETAIL } from './attemptView.repository'
import { followUpAfter, queueFollowUp } from './followUp'
import { writeSubmissionLocked, writeSubmissions } from './submission.repository'

/**
 * Submission (交卷) through a group commit (db/groupCommit.ts): the submissions that arrive while a batch
 * is being written go together in the next, one transaction for the lot, two batches in flight, because in
 * an exam's last minute hundreds arrive at once. The write itself (submission.repository.ts) reads nothing
 * first — answers were scored as they were saved — and labels the attempt `PendingFollowUp`, so the audit
 * entry and review cards (followUp.ts) can follow off the submitters' path without being lost. A row locks
 * only its own attempt, in attempt-id order, so batches cannot deadlock.
 *
 * Writers that already hold the attempt's lock (saving an answer after the deadline, starting an attempt
 * when the previous one ran out) use `submitLocked`: the same write for one row.
 */

/** The union of what several requests ask for. */
function unionOf(details: Iterable<ViewDetail>): ViewDetail {
  const out = { ...NO_DETAIL }
  for (const d of details) {
    out.items ||= d.items
    out.person ||= d.person
  }
  return out
}

/** Whether the deadline (null: none) has passed at `now`. */
export function expired(deadline: string | null, now: Date): boolean {
  return deadline !== null && Date.parse(deadline) <= now.getTime()
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
  const written = await writeSubmissionLocked(tx, writeRow(attemptId, { actor: null, submissionId: null }, now), NO_DETAIL)
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

/** What a request gets from the row the write returned for its attempt (`first`: the request that was written). */
function outcomeOf(request: SubmitRequest, row: Written | undefined, first: boolean): Outcome<SubmitResult> {
  if (!row)
    return { error: notFound('答卷 (attempt)', request.attemptId) }
  if (request.user && row.ownerId !== request.user.personId)
    return { error: notYours('只能提交自己的答卷 (you can submit only your own attempts).') }
  if (request.submissionId && row.usedFor)
    return { error: conflict('submissionId 已用于另一份答卷 (this submissionId was used for another attempt): generate a new one for each answer sheet.', { field: 'submissionId' }) }
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
        ? { error: conflict('答卷提交冲突，请稍后重新提交 (the submission collided with another one): submit again.', { attemptId: request.attemptId }) }
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
  const written = new Map((await writeSubmissions(db, sorted, detail)).map(w => [w.attemptId, w]))
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
