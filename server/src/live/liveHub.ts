import type { Database } from '../db/database'
import type { RunItem } from './live.repository'
import type { LiveRun } from './live.type'
import type { LiveBus } from './liveBus'
import type { CountsEvent, LiveEvent, LiveViewer, RoomEvent } from './livePresentation'
import { logger } from '../logger'
import { changePosition, listDueRuns, listUnrecordedRuns, readAnswers, readCounts, readLatestAnswer, readRun } from './live.repository'
import { LiveRunState } from './live.type'
import { buildRoomEvent, viewOf } from './livePresentation'
import { recordLiveRun } from './liveRecord'
import { closeDue, LIVE_LIMITS } from './liveRules'

/** How often each instance looks for open questions whose close is due (a crashed instance's timers). */
const SWEEP_MS = 2000
/** Count updates of one room go out at most this often from one instance (200 answers are not 200 events). */
const COUNTS_EVERY_MS = 250

/** A subscriber's events waiting to be sent, and how to wake and stop it. */
interface Inbox {
  queue: LiveEvent[]
  wake: (() => void) | null
  done: boolean
  stop: () => void
}

function finish(inbox: Inbox): void {
  if (inbox.done)
    return
  inbox.done = true
  inbox.stop()
  inbox.wake?.()
}

/**
 * The live quiz's moving parts in one server process: the clock, the pub/sub, the close timers and the
 * subscription streams. State changes are written to Neo4j first (live.repository.ts), then the room as
 * it now is goes out on the bus, so any instance can serve any participant and a rejoining phone reads
 * the room where it is.
 */
export class LiveHub {
  private readonly timers = new Map<string, { at: number, timer: NodeJS.Timeout }>()
  private readonly countsPending = new Set<string>()
  private sweeper: NodeJS.Timeout | null = null
  /** Records being written, per run (one at a time per run in this process). */
  private readonly recording = new Map<string, Promise<void>>()
  /** Each run's questions, which never change once drawn: an answer is checked without reading them again. */
  private readonly itemCache = new Map<string, Promise<RunItem[] | null>>()

  constructor(
    readonly db: Database,
    readonly bus: LiveBus,
    /** The server's clock; tests inject one. Every time decision of the live quiz reads it. */
    readonly now: () => Date = () => new Date(),
    private readonly options: { closeGraceMs: number, sweep: boolean } = { closeGraceMs: LIVE_LIMITS.closeGraceMs, sweep: true },
  ) {}

  /** Starts the periodic sweep of due closes. */
  start(): void {
    if (this.options.sweep && !this.sweeper) {
      this.sweeper = setInterval(() => void this.closeDueRuns().catch(error => logger.error({ err: error }, 'live quiz sweep failed')), SWEEP_MS)
      this.sweeper.unref()
    }
  }

  async stop(): Promise<void> {
    await this.recorded()
    if (this.sweeper)
      clearInterval(this.sweeper)
    this.sweeper = null
    for (const { timer } of this.timers.values())
      clearTimeout(timer)
    this.timers.clear()
    await this.bus.close()
  }

  /** The run's questions (with their keys; for checking answers on the server only), or null when there is no such run. */
  runItems(runId: string): Promise<RunItem[] | null> {
    let items = this.itemCache.get(runId)
    if (!items) {
      if (this.itemCache.size >= 1000)
        this.itemCache.delete(this.itemCache.keys().next().value!)
      items = readRun(this.db, runId).then(run => run?.items ?? null)
      this.itemCache.set(runId, items)
      items.then(found => found ?? this.itemCache.delete(runId), () => this.itemCache.delete(runId))
    }
    return items
  }

  /** The room as it is now (for a new subscriber, and to publish after a change); null when no such run. */
  async roomEvent(runId: string): Promise<RoomEvent | null> {
    const run = await readRun(this.db, runId)
    if (!run)
      return null
    const now = this.now().getTime()
    const counts = await readCounts(this.db, runId)
    const closedOrEnded = run.state !== 'LOBBY' && (run.state !== 'OPEN' || closeDue(run, now))
    const answers = closedOrEnded ? await readAnswers(this.db, runId, run.state === 'ENDED' ? null : run.questionIndex) : []
    return buildRoomEvent(run, answers, { joinedCount: counts?.joinedCount ?? 0, answeredCount: counts?.answeredCount ?? 0 }, now)
  }

  /** The room now and the viewer's latest answer to its question (what a phone shows after a reload). */
  async snapshot(runId: string, viewer: LiveViewer): Promise<{ event: RoomEvent, myAnswer: string[] | null } | null> {
    const event = await this.roomEvent(runId)
    if (!event)
      return null
    const myAnswer = viewer.personId && event.room.question ? await readLatestAnswer(this.db, runId, viewer.personId, event.room.questionIndex) : null
    return { event, myAnswer }
  }

  /** The room as one viewer sees it now. */
  async view(runId: string, viewer: LiveViewer): Promise<LiveRun | null> {
    const found = await this.snapshot(runId, viewer)
    return found && viewOf(found.event, viewer, this.now().getTime(), found.myAnswer)
  }

  /** Publishes the room after a change, and times its close when a question is open. */
  async publishRoom(runId: string): Promise<RoomEvent | null> {
    const event = await this.roomEvent(runId)
    if (!event)
      return null
    this.watchClose(event)
    await this.bus.publish(runId, event)
    return event
  }

  /** Someone joined or answered: the counts go out soon, once for all such changes meanwhile. */
  countsChanged(runId: string): void {
    if (this.countsPending.has(runId))
      return
    this.countsPending.add(runId)
    setTimeout(() => {
      this.countsPending.delete(runId)
      void readCounts(this.db, runId).then(async (counts) => {
        if (counts)
          await this.bus.publish(runId, { kind: 'counts', ...counts } satisfies CountsEvent)
      }).catch(error => logger.warn({ err: error, runId }, 'could not publish live quiz counts'))
    }, COUNTS_EVERY_MS).unref()
  }

  /** Sets (or moves, after an extension) this instance's timer for the open question's close. */
  private watchClose(event: RoomEvent): void {
    const { id, state, closesAt } = event.room
    const existing = this.timers.get(id)
    if (state !== LiveRunState.OPEN || !closesAt) {
      if (existing) {
        clearTimeout(existing.timer)
        this.timers.delete(id)
      }
      return
    }
    const at = Date.parse(closesAt)
    if (existing?.at === at)
      return
    if (existing)
      clearTimeout(existing.timer)
    const delay = Math.max(0, at - this.now().getTime()) + this.options.closeGraceMs
    const timer = setTimeout(() => {
      this.timers.delete(id)
      void this.closeIfDue(id).catch(error => logger.error({ err: error, runId: id }, 'could not close a live question'))
    }, delay)
    timer.unref()
    this.timers.set(id, { at, timer })
  }

  /**
   * Closes the run's open question if its stored closesAt has passed by the clock, and publishes the
   * result. Any instance may try: the write under the run's lock lets one win.
   */
  async closeIfDue(runId: string): Promise<boolean> {
    const now = this.now().getTime()
    const changed = await changePosition(this.db, null, runId, 'closeLiveQuestion', run => closeDue(run, now) ? { ...run, state: 'CLOSED' } : null)
    if (changed)
      await this.publishRoom(runId)
    return changed !== null
  }

  /**
   * Closes every open question whose close is due, and records ended runs not yet recorded (the sweep;
   * tests call it after moving the clock).
   */
  async closeDueRuns(): Promise<string[]> {
    const due = await listDueRuns(this.db, new Date(this.now().getTime() - this.options.closeGraceMs))
    const closed: string[] = []
    for (const runId of due) {
      if (await this.closeIfDue(runId))
        closed.push(runId)
    }
    for (const runId of await listUnrecordedRuns(this.db))
      this.record(runId)
    return closed
  }

  /**
   * Turns an ended run's answers into attempts (liveRecord.ts), off the host's request: the phones have
   * their summary at once, the records follow. Once per run at a time here; the sweep retries any left.
   */
  record(runId: string): Promise<void> {
    const running = this.recording.get(runId)
    if (running)
      return running
    const work = recordLiveRun(this.db, runId, this.now())
      .then(() => {}, error => logger.error({ err: error, runId }, 'could not record a live quiz as attempts'))
      .finally(() => this.recording.delete(runId))
    this.recording.set(runId, work)
    return work
  }

  /** Resolves once the records being written have been (shutdown, tests). */
  async recorded(): Promise<void> {
    await Promise.all(this.recording.values())
  }

  /**
   * A viewer's stream of the room: the room as it is now (so a reconnecting phone lands where the room
   * is), then every change. Listening starts before the room is read, so no change falls between.
   */
  stream(runId: string, viewer: LiveViewer): AsyncIterableIterator<LiveRun> {
    const inbox: Inbox = { queue: [], wake: null, done: false, stop: () => {} }
    const { ready, stop } = this.bus.listen(runId, (event) => {
      inbox.queue.push(event as LiveEvent)
      inbox.wake?.()
    })
    inbox.stop = stop
    const generator = this.views(runId, viewer, ready, inbox)
    return {
      next: () => generator.next(),
      return: async (value?: unknown) => {
        finish(inbox)
        return generator.return(value as never)
      },
      throw: (error?: unknown) => generator.throw(error),
      [Symbol.asyncIterator]() {
        return this
      },
    }
  }

  /** The views of one subscriber: the room now, then one per event, as `stream` describes. */
  private async* views(runId: string, viewer: LiveViewer, ready: Promise<void>, inbox: Inbox): AsyncGenerator<LiveRun> {
    try {
      await ready
      const first = await this.snapshot(runId, viewer)
      if (!first)
        return
      let { event: last, myAnswer } = first
      this.watchClose(last)
      yield viewOf(last, viewer, this.now().getTime(), myAnswer)
      while (!inbox.done) {
        const event = inbox.queue.shift()
        if (!event) {
          await new Promise<void>((resolve) => {
            inbox.wake = resolve
          })
          inbox.wake = null
          continue
        }
        if (event.kind === 'counts') {
          if (event.questionIndex !== last.room.questionIndex || last.room.result)
            continue
          last = { ...last, room: { ...last.room, joinedCount: event.joinedCount, answeredCount: event.answeredCount } }
        }
        else {
          if (event.room.questionIndex !== last.room.questionIndex)
            myAnswer = null
          last = event
          this.watchClose(event)
        }
        yield viewOf(last, viewer, this.now().getTime(), myAnswer)
      }
    }
    finally {
      finish(inbox)
    }
  }
}
