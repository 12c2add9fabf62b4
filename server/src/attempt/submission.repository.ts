import type { Database, Tx } from '../db/database'
import type { AttemptView, ViewDetail } from './attemptView.repository'
import { attemptView } from './attemptView.repository'

/** The submission write (交卷): one statement for a batch of submissions (submission.ts batches them). */

/** One row of the submission write: who submits which attempt, when. */
export interface WriteRow {
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
export interface Written {
  attemptId: string
  ownerId: string | null
  before: string
  usedFor: string | null
  submitted: boolean
  view: AttemptView
}

/** Runs the submission write for `rows` (sorted by attempt id) in its own transaction. */
export function writeSubmissions(db: Database, rows: readonly WriteRow[], detail: ViewDetail): Promise<Written[]> {
  return db.write<Written>(submitWrite(detail), { batch: { rows } })
}

/** Runs the submission write for one row inside the caller's transaction (which holds the attempt's lock). */
export async function writeSubmissionLocked(tx: Tx, row: WriteRow, detail: ViewDetail): Promise<Written | undefined> {
  const [written] = await tx.run<Written>(submitWrite(detail), { batch: { rows: [row] } })
  return written
}
