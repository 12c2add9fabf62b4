/**
 * Slows repeated failed logins without handing anyone a lockout weapon.
 *
 * An attempt is counted before its password is hashed, so a burst sent at once is counted attempt by
 * attempt, not after the slow hashes all finish. The counters are per account *and address* (one
 * guesser's failures slow that guesser, not the real user signing in from elsewhere) and per address (a
 * looser bound on spraying many accounts). Past a few free attempts each further one must wait twice as
 * long as the one before, up to a cap: a delay that ends, never a lock someone else can keep shut. A
 * successful login clears its account+address and its address counters.
 *
 * In-process: with several instances each keeps its own counts (the bound per instance still holds; see
 * README "Scaling out").
 */

/** One counter's settings. */
export interface ThrottleRule {
  /** Attempts allowed without delay. */
  free: number
  /** Delay before the first attempt past the free ones; doubled for each further one. */
  firstDelayMs: number
  /** Longest delay. */
  maxDelayMs: number
}

/** Per account+address: five free attempts, then 1 s, 2 s, 4 s … up to 15 minutes. */
export const ACCOUNT_RULE: ThrottleRule = { free: 5, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000 }

/** Per address: a whole office may share one, so thirty free attempts, then the same doubling. */
export const ADDRESS_RULE: ThrottleRule = { free: 30, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000 }

/** Counters not touched for this long are forgotten (the longest delay has long passed). */
const FORGET_AFTER_MS = 60 * 60_000

/** Most counters kept; the oldest go first beyond it, so a flood of addresses cannot exhaust memory. */
const MAX_COUNTERS = 100_000

/** Milliseconds to wait before the next attempt after `count` attempts under `rule`. */
export function delayAfter(count: number, rule: ThrottleRule): number {
  if (count < rule.free)
    return 0
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (count - rule.free))
}

export class LoginThrottle {
  private readonly counters = new Map<string, { count: number, last: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Counts a login attempt of `username` from `address`, or refuses it: the milliseconds still to wait
   * (the attempt is then not counted), else 0 (counted). Call before verifying the password.
   */
  attempt(username: string, address: string): number {
    const now = this.now()
    const keys = this.keys(username, address)
    let wait = 0
    for (const [key, rule] of keys) {
      const entry = this.counter(key, now)
      if (entry)
        wait = Math.max(wait, entry.last + delayAfter(entry.count, rule) - now)
    }
    if (wait > 0)
      return wait
    for (const [key] of keys) {
      const entry = this.counter(key, now)
      this.counters.delete(key)
      if (this.counters.size >= MAX_COUNTERS)
        this.counters.delete(this.counters.keys().next().value!)
      this.counters.set(key, { count: (entry?.count ?? 0) + 1, last: now })
    }
    return 0
  }

  /** A successful login: its account+address and address counters start again from nothing. */
  succeed(username: string, address: string): void {
    for (const [key] of this.keys(username, address))
      this.counters.delete(key)
  }

  private keys(username: string, address: string): [string, ThrottleRule][] {
    // Usernames longer than 64 characters exist nowhere (login does not look them up): cut, so a key stays small.
    return [[`u:${username.slice(0, 64).toLowerCase()}|${address}`, ACCOUNT_RULE], [`a:${address}`, ADDRESS_RULE]]
  }

  private counter(key: string, now: number): { count: number, last: number } | undefined {
    const entry = this.counters.get(key)
    if (entry && now - entry.last > FORGET_AFTER_MS) {
      this.counters.delete(key)
      return undefined
    }
    return entry
  }
}
