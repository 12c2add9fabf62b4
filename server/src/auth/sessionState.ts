/**
 * Whether a signed session token still stands: the database keeps, per user, a session version (raised
 * by every change that must end sessions: password, roles, disabling), the disabled flag and the ids of
 * sessions signed out before their expiry. A token carries the version it was issued under and its own
 * id; it stands while both still match.
 *
 * Reading that on every request would add a round trip to each, so each instance keeps the state per
 * user for a few seconds. A change made on this instance is seen on the next request (the writer drops
 * or replaces the entry); a change made on another instance, through the database, within `ttlMs`.
 * Misses of one moment (the first request of many users after a restart) are read in one query.
 */

/** What the database says about one user's sessions. */
export interface SessionState {
  version: number
  disabled: boolean
  /** Ids of sessions signed out before their expiry. */
  revoked: ReadonlySet<string>
}

/** Reads the states of the given users (unknown users are left out). */
export type SessionStateLoader = (userIds: string[]) => Promise<Map<string, SessionState>>

/** How long a cached state is trusted: the most another instance's change can lag. */
export const SESSION_STATE_TTL_MS = 5_000

/** Most users whose state is cached; the oldest go first beyond it. */
const MAX_ENTRIES = 50_000

export class SessionRegistry {
  private readonly entries = new Map<string, { state: SessionState | null, readAt: number }>()
  private batch: { ids: Set<string>, done: Promise<Map<string, SessionState>> } | null = null
  /** Raised by every change: a read that began before one may be stale, and is not cached. */
  private changes = 0

  constructor(
    private readonly load: SessionStateLoader,
    private readonly ttlMs = SESSION_STATE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when a token of `userId` issued under `version` with id `sessionId` still stands. */
  async stands(userId: string, version: number, sessionId: string): Promise<boolean> {
    const state = await this.state(userId)
    return state !== null && !state.disabled && state.version === version && !state.revoked.has(sessionId)
  }

  /** The user's state, cached for `ttlMs`; null for an unknown user. */
  async state(userId: string): Promise<SessionState | null> {
    const entry = this.entries.get(userId)
    const now = this.now()
    if (entry && now - entry.readAt < this.ttlMs)
      return entry.state
    const changes = this.changes
    const states = await this.read(userId)
    const state = states.get(userId) ?? null
    if (changes === this.changes)
      this.store(userId, state, now)
    return state
  }

  /** Records a state just read or written (at login, after a change), so the next request need not read it. */
  remember(userId: string, state: SessionState | null): void {
    this.changes++
    this.store(userId, state, this.now())
  }

  /** Drops the cached state after a change, so the next request reads the database. */
  forget(userId: string): void {
    this.changes++
    this.entries.delete(userId)
  }

  private store(userId: string, state: SessionState | null, readAt: number): void {
    this.entries.delete(userId)
    if (this.entries.size >= MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(userId, { state, readAt })
  }

  /** Joins the read of this moment, or starts one: all misses until the next turn of the event loop share a query. */
  private read(userId: string): Promise<Map<string, SessionState>> {
    if (!this.batch) {
      const ids = new Set<string>()
      const done = new Promise<void>(resolve => setImmediate(resolve)).then(() => {
        this.batch = null
        return this.load([...ids])
      })
      this.batch = { ids, done }
    }
    this.batch.ids.add(userId)
    return this.batch.done
  }
}
