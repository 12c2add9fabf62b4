import type { Database } from '../db/database'
import type { Outcome, Pending } from '../db/groupCommit'
import type { StoredCard } from './spacedRepetition'
import { int, uncounted } from '../db/database'
import { GroupCommit, RETRY } from '../db/groupCommit'
import { logger } from '../logger'
import { afterWrongAnswer, cardId } from './spacedRepetition'

/**
 * What follows a submission (交卷之后): its audit entry, and the review cards of its wrong answers (错题
 *复习卡) — every question answered wrong or left unanswered creates the person's card for it, or lapses
 * the card they have (ts-fsrs, as if rated AGAIN at the submission time).
 *
 * The submission write labels the attempt `PendingFollowUp` in the same transaction that submits it;
 * this queue then reads the wrong items and the person's cards, schedules them in Node and writes them
 * with the audit entry, removing the label. So nothing is lost — after a crash the sweep finds the label
 * (`queuePendingFollowUps`) — and the work stays off the path of the submitters waiting for their score:
 * the queue starts a batch only while the submission queue is idle (GroupCommit.yieldTo), which for a
 * lone submission is a few milliseconds after it.
 *
 * The write locks the person and checks that none of their cards changed since the read (`reps`); a row
 * that fails (a review in between) is read again in the next batch. A batch holds one attempt per
 * person, so rows of one transaction never touch the same cards.
 */

/** What the follow-up needs of a submitted attempt `t` by person `p`: its wrong items with the person's cards. */
const PENDING_READ = `
UNWIND $batch.attemptIds AS attemptId
MATCH (p:Person)-[:MADE]->(t:Attempt:PendingFollowUp {id: attemptId})
RETURN t.id AS attemptId, p.id AS personId, t.submittedAt AS submittedAt,
  COLLECT {
    MATCH (t)-[i:ITEM]->(q:Question) WHERE NOT coalesce([(t)-[an:ANSWERED]->(q) | an.correct][0], false)
    RETURN {questionId: q.id,
      card: [(p)-[r:REVIEWS]->(q) | r {.due, .stability, .difficulty, .elapsedDays, .scheduledDays, .learningSteps, .reps, .lapses, .state, .lastReview}][0]
    } AS item ORDER BY i.order
  } AS wrong`

interface PendingAttempt {
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

/** The cards one submitted attempt leaves, as the write takes them. */
function planCards(attempt: PendingAttempt) {
  const at = new Date(attempt.submittedAt)
  return {
    attemptId: attempt.attemptId,
    personId: attempt.personId,
    submittedAt: attempt.submittedAt,
    cards: attempt.wrong.map(({ questionId, card: existing }) => {
      const card = afterWrongAnswer(existing, at)
      return {
        ...card,
        id: cardId(attempt.personId, questionId),
        questionId,
        previousReps: existing ? int(existing.reps) : null,
        learningSteps: int(card.learningSteps),
        reps: int(card.reps),
        lapses: int(card.lapses),
        scheduledDays: int(card.scheduledDays),
        elapsedDays: int(card.elapsedDays),
      }
    }),
  }
}

/** One batch: one read, scheduling, one write. */
async function followUpBatch(db: Database, batch: readonly Pending<string>[]): Promise<Outcome<void>[]> {
  const attemptIds = [...new Set(batch.map(b => b.input))]
  const pending = new Map((await db.read<PendingAttempt>(PENDING_READ, { batch: { attemptIds } })).map(a => [a.attemptId, a]))
  const people = new Set<string>()
  const planned = new Map<string, ReturnType<typeof planCards>>()
  const place = batch.map(({ input: attemptId }): 'planned' | 'done' | typeof RETRY => {
    const attempt = pending.get(attemptId)
    if (!attempt || planned.has(attemptId))
      return 'done' // already scheduled, or queued twice
    if (people.has(attempt.personId))
      return RETRY // one attempt per person per batch
    people.add(attempt.personId)
    planned.set(attemptId, planCards(attempt))
    return 'planned'
  })
  const rows = [...planned.values()].sort((a, b) => a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)
  const written = new Set(rows.length === 0 ? [] : (await db.write<{ attemptId: string }>(FOLLOW_UP_WRITE, { batch: { rows } })).map(w => w.attemptId))
  return batch.map(({ input: attemptId }, k) => {
    const at = place[k]!
    if (at === RETRY || (at === 'planned' && !written.has(attemptId)))
      return RETRY
    return { value: undefined }
  })
}

const queues = new WeakMap<Database, GroupCommit<string, void>>()

function followUpQueue(db: Database): GroupCommit<string, void> {
  let queue = queues.get(db)
  if (!queue) {
    // Follow-up work of whichever request's submission started it: not counted as that request's.
    queue = new GroupCommit<string, void>(batch => uncounted(() => followUpBatch(db, batch)))
    queues.set(db, queue)
  }
  return queue
}

/** Makes the database's follow-up queue wait for `submissions` to be idle before each batch. */
export function followUpAfter(db: Database, submissions: GroupCommit<any, any>): void {
  followUpQueue(db).yieldTo(submissions)
}

/**
 * Queues the follow-up of submitted attempts (labelled PendingFollowUp). Fire and forget: a failure
 * leaves the label, and the sweep tries again.
 */
export function queueFollowUp(db: Database, attemptIds: readonly string[]): void {
  const queue = followUpQueue(db)
  for (const id of attemptIds) {
    queue.add(id).catch((error: unknown) => {
      // The label stays; the sweep (queuePendingFollowUps) queues the attempt again.
      logger.warn({ err: error, attemptId: id }, 'follow-up of a submission not written yet; the sweep tries again')
    })
  }
}

/** Queues every attempt still labelled PendingFollowUp (after a restart, or a failed write); returns how many. */
export async function queuePendingFollowUps(db: Database, limit = 1000): Promise<number> {
  const rows = await db.read<{ id: string }>('MATCH (t:Attempt:PendingFollowUp) RETURN t.id AS id LIMIT $limit', { limit: int(limit) })
  queueFollowUp(db, rows.map(r => r.id))
  return rows.length
}

/** Resolves once every submission and its follow-up queued so far is written (tests, seeding, shutdown). */
export function followUpSettled(db: Database): Promise<void> {
  return followUpQueue(db).settled()
}
