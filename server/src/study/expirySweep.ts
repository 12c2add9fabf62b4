import type { Database } from '../db/database'
import { logger } from '../logger'
import { submitExpiredAttempts } from './attempt.repository'

/** How often the server submits attempts whose time ran out. */
export const EXPIRY_SWEEP_MS = 30_000

/**
 * Starts the periodic sweep that submits expired attempts with their saved answers (so an attempt whose
 * tab was closed still ends on time). One sweep at a time; the timer does not keep the process alive.
 * Returns the function that stops it.
 */
export function startExpirySweep(db: Database, intervalMs = EXPIRY_SWEEP_MS): () => void {
  let running = false
  const timer = setInterval(() => {
    if (running)
      return
    running = true
    submitExpiredAttempts(db, new Date())
      .then((ids) => {
        if (ids.length > 0)
          logger.info({ count: ids.length }, 'expired attempts submitted')
      })
      .catch(error => logger.warn({ err: error }, 'expiry sweep failed; it runs again shortly'))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
