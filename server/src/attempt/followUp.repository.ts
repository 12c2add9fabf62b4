import type { Database } from '../db/database'
import type { StoredCard } from '../review/spacedRepetition'
import { int } from '../db/database'
import { storedCardProjection } from '../review/review.repository'

/** The follow-up's reads and writes (followUp.ts schedules the cards in between). */

/** What the follow-up needs of a submitted attempt `t` by person `p`: its wrong items with the person's cards. */
const PENDING_READ = `
UNWIND $batch.attemptIds AS attemptId
MATCH (p:Person)-[:MADE]->(t:Attempt:PendingFollowUp {id: attemptId})
RETURN t.id AS attemptId, p.id AS personId, t.submittedAt AS submittedAt,
  COLLECT {
    MATCH (t)-[i:ITEM]->(q:Question) WHERE NOT coalesce([(t)-[an:ANSWERED]->(q) | an.correct][0], false)
    RETURN {questionId: q.id,
      card: [(p)-[r:REVIEWS]->(q) | ${storedCardProjection('r')}][0]
    } AS item ORDER BY i.order
  } AS wrong`

export interface PendingAttempt {
  attemptId: string
  personId: string
  submittedAt: string
  wrong: { questionId: string, card: StoredCard | null }[]
}

/**
 * Writes the planned cards and the audit entry. Each row locks its person, checks the cards are as read
 * and the attempt is still pending, then writes; rows that pass are returned. The audit entry says who
 * submitted (null: the server's timer) and when the server received it, as the submission recorded.
 */
const FOLLOW_UP_WRITE = `
UNWIND $batch.rows AS row
MATCH (p:Person {id: row.personId})-[:MADE]->(t:Attempt {id: row.attemptId})
SET p._lock = true REMOVE p._lock
WITH p, t, row
WHERE t:PendingFollowUp
  AND all(c IN row.cards WHERE coalesce([(p)-[r:REVIEWS]->(:Question {id: c.questionId}) | r.reps][0], -1) = coalesce(c.previousReps, -1))
REMOVE t:PendingFollowUp
WITH p, t, row
CALL (p, row) {
  UNWIND row.cards AS c
  MATCH (q:Question {id: c.questionId})
  MERGE (p)-[r:REVIEWS]->(q)
    ON CREATE SET r.id = c.id, r.createdAt = datetime()
  SET r.due = datetime(c.due), r.stability = c.stability, r.difficulty = c.difficulty, r.elapsedDays = c.elapsedDays,
      r.scheduledDays = c.scheduledDays, r.learningSteps = c.learningSteps, r.reps = c.reps, r.lapses = c.lapses,
      r.state = c.state, r.lastReview = CASE WHEN c.lastReview IS NULL THEN null ELSE datetime(c.lastReview) END,
      r.lastWrongAt = datetime(row.submittedAt)
}
CREATE (:AuditEvent {id: randomUUID(), at: coalesce(t.receivedAt, t.submittedAt), actorId: t.submittedBy,
  actorUsername: COLLECT { MATCH (u:User {id: t.submittedBy}) RETURN u.username }[0],
  operation: CASE WHEN t.autoSubmitted THEN 'submitAttempt:timer' ELSE 'submitAttempt' END, targetIds: [t.id]})
RETURN t.id AS attemptId`

/** The write of one attempt's follow-up. */
export interface FollowUpRow {
  attemptId: string
  personId: string
  submittedAt: string
  /** The cards as stored (integers as neo4j Integers), with `id`, `questionId` and the `previousReps` the write checks. */
  cards: ({ id: string, questionId: string } & Record<string, unknown>)[]
}

/** The submitted attempts among `attemptIds` still waiting for their follow-up, with their wrong items and the person's cards. */
export function readPendingFollowUps(db: Database, attemptIds: readonly string[]): Promise<PendingAttempt[]> {
  return db.read<PendingAttempt>(PENDING_READ, { batch: { attemptIds } })
}

/** Writes the rows (sorted by person); returns the ids of the attempts written. */
export async function writeFollowUps(db: Database, rows: readonly FollowUpRow[]): Promise<string[]> {
  return (await db.write<{ attemptId: string }>(FOLLOW_UP_WRITE, { batch: { rows } })).map(w => w.attemptId)
}

/** Attempts still labelled PendingFollowUp (after a restart, or a failed write). */
export async function listPendingFollowUps(db: Database, limit: number): Promise<string[]> {
  const rows = await db.read<{ id: string }>('MATCH (t:Attempt:PendingFollowUp) RETURN t.id AS id LIMIT $limit', { limit: int(limit) })
  return rows.map(r => r.id)
}
