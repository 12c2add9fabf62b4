import type { Database } from '../db/database'
import { logger } from '../logger'

/**
 * "The text of these laws changed": published by the law import after it commits, so that other
 * features react without the law library knowing them (the quiz flags questions whose articles
 * changed). Subscribers are wired where the program starts: `app.ts` for the server, the
 * `laws:import` CLI for itself.
 */
export interface LawsChanged {
  /** The database the import wrote to (a test process may run several). */
  db: Database
  lawIds: string[]
}

/** A subscriber; it runs after the import has committed. */
export type LawsChangedListener = (event: LawsChanged) => Promise<void>

const listeners = new Set<LawsChangedListener>()

/**
 * Subscribes `listener` to every import of a changed law text. Subscribing the same function again
 * is a no-op, so a process that starts several servers flags questions once. Returns the unsubscribe.
 */
export function onLawsChanged(listener: LawsChangedListener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/**
 * Tells every subscriber that the laws' texts changed. The import is already committed, so a
 * failing subscriber is logged and does not undo or fail it.
 */
export async function publishLawsChanged(event: LawsChanged): Promise<void> {
  if (event.lawIds.length === 0)
    return
  for (const listener of listeners) {
    try {
      await listener(event)
    }
    catch (error) {
      logger.error({ err: error, lawIds: event.lawIds }, 'a subscriber to law changes failed')
    }
  }
}
