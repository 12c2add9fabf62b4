/**
 * Slows and then refuses repeated failed logins per account and per address. In-process: with several
 * instances each keeps its own count (the bound per instance still holds; see README "Scaling out").
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number, last: number }>()

  constructor(
    private readonly slowAfter = 5,
    private readonly lockAfter = 10,
    private readonly lockMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the caller must still wait before trying `key` again (0 when allowed). */
  waitFor(key: string): number {
    const entry = this.failures.get(key)
    if (!entry)
      return 0
    const since = this.now() - entry.last
    if (since > this.lockMs) {
      this.failures.delete(key)
      return 0
    }
    if (entry.count >= this.lockAfter)
      return this.lockMs - since
    if (entry.count >= this.slowAfter)
      return Math.max(0, 2 ** (entry.count - this.slowAfter) * 2000 - since)
    return 0
  }

  fail(key: string): void {
    const entry = this.failures.get(key)
    this.failures.set(key, { count: (entry?.count ?? 0) + 1, last: this.now() })
    if (this.failures.size > 100_000)
      this.failures.delete(this.failures.keys().next().value as string)
  }

  succeed(key: string): void {
    this.failures.delete(key)
  }
}
