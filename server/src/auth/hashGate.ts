import { AppError, ErrorCode } from '../common/errors'

/**
 * Bounds how many password hashes run at once. Each argon2 verification takes 64 MiB and a core for a
 * moment: an anonymous burst of logins must not take the server's memory and CPU from everyone else.
 * A few run, a few more wait their turn, and the rest are refused at once with a message saying to
 * retry, rather than queued behind the burst.
 */
export class HashGate {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly concurrency = 2, private readonly queue = 8) {}

  /** Runs `hash` when a slot is free; refuses with RATE_LIMITED when the queue is full too. */
  async run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue)
        throw new AppError(ErrorCode.RATE_LIMITED, '登录请求过多，请稍后再试 (too many sign-in requests at once: try again in a moment).', { retryAfterSeconds: 1 })
      await new Promise<void>(resolve => this.waiting.push(resolve))
    }
    else {
      this.running++
    }
    try {
      return await hash()
    }
    finally {
      // Hand the slot straight to the next in line (it keeps `running` as it is), or free it.
      const next = this.waiting.shift()
      if (next)
        next()
      else
        this.running--
    }
  }
}
