import { EventEmitter } from 'node:events'
import { Redis } from 'ioredis'
import { logger } from '../logger'

/**
 * The live quiz's pub/sub (现场答题的消息通道): an event published for a run reaches every listener of that
 * run on every server instance. In-process by default; with REDIS_URL, through Redis pub/sub, one Redis
 * channel per run that this instance has listeners for (subscribed on the first, dropped after the last),
 * fanned out to local listeners here — so a Redis message is parsed once per instance, not per phone.
 */
export interface LiveBus {
  /** Sends `event` to every listener of the run, on every instance (this one included). */
  publish: (runId: string, event: unknown) => Promise<void>
  /**
   * Calls `listener` with each event of the run until `stop` is called; `ready` settles once events
   * published from now on are sure to arrive (Redis has confirmed the channel's subscription).
   */
  listen: (runId: string, listener: (event: unknown) => void) => { ready: Promise<void>, stop: () => void }
  /** Stops listening and disconnects. */
  close: () => Promise<void>
}

/** Listeners per run, in this process. */
class LocalFanOut {
  readonly emitter = new EventEmitter()
  constructor() {
    // One listener per subscribed phone of a room: hundreds are expected.
    this.emitter.setMaxListeners(0)
  }

  add(runId: string, listener: (event: unknown) => void): { first: boolean, remove: () => boolean } {
    this.emitter.on(runId, listener)
    return {
      first: this.emitter.listenerCount(runId) === 1,
      remove: () => {
        this.emitter.off(runId, listener)
        return this.emitter.listenerCount(runId) === 0
      },
    }
  }

  emit(runId: string, event: unknown): void {
    for (const listener of this.emitter.listeners(runId)) {
      try {
        (listener as (event: unknown) => void)(event)
      }
      catch (error) {
        logger.error({ err: error, runId }, 'a live quiz listener failed')
      }
    }
  }
}

/** The in-process bus: one server instance. */
export function localBus(): LiveBus {
  const fanOut = new LocalFanOut()
  return {
    publish: async (runId, event) => fanOut.emit(runId, event),
    listen: (runId, listener) => {
      const { remove } = fanOut.add(runId, listener)
      return { ready: Promise.resolve(), stop: () => void remove() }
    },
    close: async () => {
      fanOut.emitter.removeAllListeners()
    },
  }
}

const CHANNEL_PREFIX = 'xuefa:live:'

/**
 * The Redis bus: several server instances. Two connections (a subscribed Redis connection can do
 * nothing else). Events are JSON.
 */
export async function redisBus(url: string): Promise<LiveBus> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true }
  const publisher = new Redis(url, options)
  const subscriber = new Redis(url, options)
  for (const client of [publisher, subscriber])
    client.on('error', error => logger.warn({ err: error }, 'Redis connection error (live quiz)'))
  try {
    await Promise.all([publisher.connect(), subscriber.connect()])
  }
  catch (error) {
    publisher.disconnect()
    subscriber.disconnect()
    throw new Error(`无法连接 Redis (cannot reach REDIS_URL): ${(error as Error).message}. Check that Redis runs and REDIS_URL points at it.`)
  }
  const fanOut = new LocalFanOut()
  // The pending or confirmed subscription of each channel this instance listens to.
  const subscribed = new Map<string, Promise<void>>()
  subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(CHANNEL_PREFIX))
      return
    let event: unknown
    try {
      event = JSON.parse(message)
    }
    catch (error) {
      logger.warn({ err: error, channel }, 'unreadable live quiz message from Redis')
      return
    }
    fanOut.emit(channel.slice(CHANNEL_PREFIX.length), event)
  })
  return {
    publish: async (runId, event) => {
      await publisher.publish(CHANNEL_PREFIX + runId, JSON.stringify(event))
    },
    listen: (runId, listener) => {
      const { first, remove } = fanOut.add(runId, listener)
      if (first || !subscribed.has(runId)) {
        subscribed.set(runId, subscriber.subscribe(CHANNEL_PREFIX + runId).then(() => {}, (error: unknown) => {
          logger.error({ err: error, runId }, 'could not subscribe to a live quiz channel')
          subscribed.delete(runId)
        }))
      }
      return {
        ready: subscribed.get(runId)!,
        stop: () => {
          if (remove()) {
            subscribed.delete(runId)
            subscriber.unsubscribe(CHANNEL_PREFIX + runId).catch(() => {})
          }
        },
      }
    },
    close: async () => {
      fanOut.emitter.removeAllListeners()
      await Promise.allSettled([publisher.quit(), subscriber.quit()])
    },
  }
}

/** The bus of this configuration: Redis when REDIS_URL is set, else in-process. */
export function createLiveBus(redisUrl: string | undefined): Promise<LiveBus> {
  return redisUrl ? redisBus(redisUrl) : Promise.resolve(localBus())
}
