/**
 * Group commit: writes that arrive while one batch is with the database wait and then go together, in
 * the next batch (one read and one write for the lot instead of a transaction each). A lone write goes
 * at once (no timer, no added latency); under a burst the batches grow by themselves, so the database
 * sees a few large transactions instead of hundreds of small ones that queue on the connection pool.
 *
 * The handler settles every entry of its batch: a value, an error, or `RETRY` — put back at the front of
 * the queue for the next batch (an optimistic check lost a race, or the entry must not share a batch
 * with another one). When the handler throws an error that some entry may have caused (`isolate`), each
 * entry is run again alone, so one bad entry cannot fail the others; any other error (the database is
 * unreachable) fails the whole batch at once rather than once per entry.
 */

/** Outcome the handler gives an entry it could not finish in this batch. */
export const RETRY = Symbol('retry')

/** What the handler returns per entry, in the order of the batch. */
export type Outcome<Out> = { value: Out } | { error: unknown } | typeof RETRY

interface Entry<In, Out> {
  input: In
  /** Batches this entry has been in (the handler sees it, to give up optimism after a few). */
  rounds: number
  resolve: (value: Out) => void
  reject: (error: unknown) => void
}

/** An entry as the handler sees it. */
export interface Pending<In> {
  readonly input: In
  readonly rounds: number
}

export class GroupCommit<In, Out> {
  private queue: Entry<In, Out>[] = []
  /** Batches being written. */
  private inFlight = 0
  /** A batch is about to start (on the next turn of the event loop). */
  private starting = false
  /** The queue this one lets go first (yieldTo). */
  private before: GroupCommit<any, any> | null = null
  /** Called whenever this queue becomes idle: queues that yield to it. */
  private idleHooks: (() => void)[] = []
  /** Waiting for this queue to become idle (settled). */
  private waiters: (() => void)[] = []

  /**
   * @param handle runs one batch; must give one outcome per entry, in order.
   * @param options how batches are made.
   * @param options.maxBatch largest batch (a bigger queue is split over several; 250).
   * @param options.concurrency batches in flight at once (1): more only when concurrent batches cannot
   *   deadlock each other (their rows lock disjoint things, or in one global order).
   * @param options.isolate whether an error of the whole batch may come from one entry (default: yes).
   */
  constructor(
    private readonly handle: (batch: readonly Pending<In>[]) => Promise<Outcome<Out>[]>,
    private readonly options: { maxBatch?: number, concurrency?: number, isolate?: (error: unknown) => boolean } = {},
  ) {}

  /** Queues one write; settles when its batch has committed (or failed). */
  add(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, rounds: 0, resolve, reject })
      this.kick()
    })
  }

  /** Entries waiting or in the batch being written. */
  get size(): number {
    return this.queue.length
  }

  /** Nothing waiting and no batch being written. */
  get idle(): boolean {
    return this.inFlight === 0 && !this.starting && this.queue.length === 0
  }

  /**
   * Lets `other` go first: this queue starts a batch only while `other` is idle. For follow-up writes
   * nobody waits for, kept off the path of the requests someone is waiting for.
   */
  yieldTo(other: GroupCommit<any, any>): void {
    this.before = other
    other.idleHooks.push(() => this.kick())
  }

  /** Resolves once this queue, and the one it yields to, are idle (for tests and shutdown). */
  async settled(): Promise<void> {
    while (!this.idle || (this.before && !this.before.idle)) {
      const busy = this.before && !this.before.idle ? this.before : this
      await new Promise<void>(resolve => busy.waiters.push(resolve))
    }
  }

  private kick(): void {
    if (this.starting)
      return
    if (this.queue.length === 0) {
      if (this.inFlight === 0) {
        const waiters = this.waiters
        this.waiters = []
        waiters.forEach(resolve => resolve())
        this.idleHooks.forEach(hook => hook())
      }
      return
    }
    if (this.inFlight >= (this.options.concurrency ?? 1))
      return
    if (this.before && !this.before.idle)
      return // the other queue kicks this one when it is idle
    this.starting = true
    // Start on the next turn of the event loop, so the requests that arrived together go together.
    setImmediate(() => {
      this.starting = false
      const batch = this.queue.splice(0, this.options.maxBatch ?? 250)
      this.inFlight++
      void this.run(batch).finally(() => {
        this.inFlight--
        this.kick()
      })
      this.kick()
    })
  }

  private async run(batch: Entry<In, Out>[]): Promise<void> {
    for (const entry of batch)
      entry.rounds++
    let outcomes: Outcome<Out>[]
    try {
      outcomes = await this.handle(batch)
      if (outcomes.length !== batch.length)
        throw new Error(`group commit: ${outcomes.length} outcomes for ${batch.length} entries`)
    }
    catch (error) {
      if (batch.length === 1 || !(this.options.isolate?.(error) ?? true)) {
        for (const entry of batch)
          entry.reject(error)
        return
      }
      // Find the entry that failed: each alone.
      for (const entry of batch) {
        entry.rounds--
        await this.run([entry])
      }
      return
    }
    const retry: Entry<In, Out>[] = []
    outcomes.forEach((outcome, k) => {
      const entry = batch[k]!
      if (outcome === RETRY)
        retry.push(entry)
      else if ('error' in outcome)
        entry.reject(outcome.error)
      else
        entry.resolve(outcome.value)
    })
    this.queue.unshift(...retry)
  }
}
