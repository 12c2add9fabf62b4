import type { Database } from '../db/database'
import { logger } from '../logger'
import { scoreUnscoredAnswers, submitExpiredAttempts } from './attempt.repository'
import { queuePendingFollowUps } from './followUp'

/** How often the server submits attempts whose time ran out. */
export const EXPIRY_SWEEP_MS = 30_000

/**
 * Starts the periodic sweep that submits expired attempts with their saved answers (so an attempt whose
 * tab was closed still ends on time) and queues the follow-up (audit entry, review cards) of submitted
 * attempts still waiting for it (after a restart, or a write that failed). It runs once at start, then
 * every `intervalMs`; one sweep at a time; the timer does not keep the process alive. Returns the
 * function that stops it.
 */
export function startExpirySweep(db: Database, intervalMs = EXPIRY_SWEEP_MS): () => void {
  let running = false
  const sweep = () => {
    if (running)
      return
    running = true
    submitExpiredAttempts(db, new Date())
      .then(async (ids) => {
        if (ids.length > 0)
          logger.info({ count: ids.length }, 'expired attempts submitted')
        const pending = await queuePendingFollowUps(db)
        if (pending > 0)
          logger.info({ count: pending }, 'follow-ups of submitted attempts queued')
      })
      .catch(error => logger.warn({ err: error }, 'expiry sweep failed; it runs again shortly'))
      .finally(() => {
        running = false
      })
  }
  // At start: answers saved by a version that did not score them on saving are scored first.
  const first = setImmediate(() => {
    scoreUnscoredAnswers(db, new Date())
      .then((count) => {
        if (count > 0)
          logger.info({ count }, 'saved answers of attempts in progress scored')
      })
      .catch(error => logger.warn({ err: error }, 'could not score saved answers; submitting those attempts may count them as unanswered'))
      .finally(sweep)
  })
  const timer = setInterval(sweep, intervalMs)
  timer.unref()
  return () => {
    clearImmediate(first)
    clearInterval(timer)
  }
}
