import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import { createHash } from 'node:crypto'
import { saveAnswers, submitAttempt } from '../attempt/attempt.repository'
import { NO_DETAIL } from '../attempt/attemptView.repository'
import { AppError, ErrorCode } from '../common/errors'
import { logger } from '../logger'
import { ensureLiveAttempts, markRecorded, readAnswers, readRun } from './live.repository'
import { countedAnswers } from './liveRules'

/**
 * The record of a live run (学习记录): once it ends, each participant's counted answers become an
 * ordinary attempt of the session's quiz, through the product's own writers — saved (and scored as any
 * saved answer is), then submitted (once: the submissionId is the run's and the person's), after which
 * the submission's follow-up writes the review cards as for any attempt. Joining already checked the
 * person in, so the run counts as attendance. Safe to run again (a crash half-way, two instances): an
 * attempt already submitted is left as it is.
 */

/** The submissionId of a participant's live attempt: fixed per run and person, within the 64 characters allowed. */
function submissionIdOf(runId: string, personId: string): string {
  return `live-${createHash('sha256').update(`${runId}\n${personId}`).digest('hex').slice(0, 48)}`
}

/** Records the ended run's attempts; returns how many were submitted by this call. */
export async function recordLiveRun(db: Database, runId: string, now: Date): Promise<number> {
  const run = await readRun(db, runId)
  if (!run || run.state !== 'ENDED')
    return 0
  const participants = await ensureLiveAttempts(db, runId, now)
  const answers = await readAnswers(db, runId)
  const counted = run.items.map(item => item.closedAt === null ? new Map() : countedAnswers(answers, item.index, item.closedAt))
  let submitted = 0
  for (const participant of participants) {
    if (participant.status !== 'IN_PROGRESS')
      continue
    // The participant's own account writes their attempt, as if they had answered it on the attempt page.
    const user: SessionUser = { id: participant.userId, username: participant.username, personId: participant.personId, roles: [], organizationIds: [] }
    const given = run.items.flatMap((item, k) => {
      const answer = counted[k]!.get(participant.personId)
      return answer ? [{ questionId: item.id, given: answer.given }] : []
    })
    try {
      if (given.length > 0)
        await saveAnswers(db, user, participant.attemptId, given, now)
      await submitAttempt(db, user, participant.attemptId, submissionIdOf(runId, participant.personId), now, NO_DETAIL)
      submitted++
    }
    catch (error) {
      // Another instance submitted it meanwhile: nothing to do.
      if (error instanceof AppError && error.extensions.code === ErrorCode.CONFLICT)
        continue
      throw error
    }
  }
  await markRecorded(db, runId, now)
  logger.info({ runId, participants: participants.length, submitted }, 'live quiz recorded as attempts')
  return submitted
}
