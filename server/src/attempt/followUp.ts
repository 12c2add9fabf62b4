import type { Database } from '../db/database'
import type { Outcome, Pending } from '../db/groupCommit'
import type { FollowUpRow, PendingAttempt } from './followUp.repository'
import { int, uncounted } from '../db/database'
import { GroupCommit, RETRY } from '../db/groupCommit'
import { logger } from '../logger'
import { afterWrongAnswer, cardId } from '../review/spacedRepetition'
import { listPendingFollowUps, readPendingFollowUps, writeFollowUps } from './followUp.repository'

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

/** The cards one submitted attempt leaves, as the write takes them. */
function planCards(attempt: PendingAttempt): FollowUpRow {
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
  const pending = new Map((await readPendingFollowUps(db, attemptIds)).map(a => [a.attemptId, a]))
  const people = new Set<string>()
  const planned = new Map<string, FollowUpRow>()
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
  const written = new Set(rows.length === 0 ? [] : await writeFollowUps(db, rows))
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
  const ids = await listPendingFollowUps(db, limit)
  queueFollowUp(db, ids)
  return ids.length
}

/** Resolves once every submission and its follow-up queued so far is written (tests, seeding, shutdown). */
export function followUpSettled(db: Database): Promise<void> {
  return followUpQueue(db).settled()
}
