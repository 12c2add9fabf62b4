import type { Client } from 'graphql-ws'
import { createClient } from 'graphql-ws'
import WebSocket from 'ws'

/** The room's fields the tests read. */
export const LIVE_FIELDS = `id state questionIndex questionCount joinCode joinedCount answeredCount closesAt role myAnswer myCorrect myCorrectCount
  question { index id type stem options }
  result { answer explanation correctCount answeredCount distribution { option count } articles { id text textSource } }
  summary { index correctCount correctShare }`

/** One message of a subscription: its data or its errors. */
export interface LiveMessage {
  data?: { liveRunUpdated: any } | null
  errors?: { message: string, extensions?: { code?: string } }[]
}

/**
 * A phone's (or the presenter's) subscription to a room over graphql-ws, as a browser makes it: with a
 * bearer token in connectionParams, or a cookie (and Origin) on the upgrade request.
 */
export class LiveSubscriber {
  readonly messages: LiveMessage[] = []
  readonly raw: string[] = []
  private waiters: { test: (m: LiveMessage) => boolean, resolve: (m: LiveMessage) => void, reject: (e: Error) => void, timer: NodeJS.Timeout }[] = []
  private readonly client: Client
  private dispose: (() => void) | null = null
  completed = false

  constructor(url: string, runId: string, auth: { token?: string, cookie?: string, origin?: string } = {}) {
    const raw = this.raw
    class Socket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        const headers: Record<string, string> = {}
        if (auth.cookie)
          headers.cookie = auth.cookie
        if (auth.origin)
          headers.origin = auth.origin
        super(address, protocols, { headers })
        this.on('message', data => raw.push(String(data)))
      }
    }
    this.client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: Socket,
      connectionParams: auth.token ? { authorization: `Bearer ${auth.token}` } : {},
      retryAttempts: 0,
      lazy: false,
    })
    this.dispose = this.client.subscribe<{ liveRunUpdated: any }>(
      { query: `subscription($runId: ID!) { liveRunUpdated(runId: $runId) { ${LIVE_FIELDS} } }`, variables: { runId } },
      {
        next: value => this.push(value as LiveMessage),
        error: (error) => {
          const errors = Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }]
          this.push({ errors })
        },
        complete: () => {
          this.completed = true
        },
      },
    )
  }

  private push(message: LiveMessage): void {
    this.messages.push(message)
    for (const waiter of [...this.waiters]) {
      if (waiter.test(message)) {
        clearTimeout(waiter.timer)
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        waiter.resolve(message)
      }
    }
  }

  /** The first message (already received, or to come) that passes `test`. */
  until(test: (room: any, message: LiveMessage) => boolean, timeoutMs = 15_000): Promise<LiveMessage> {
    const check = (m: LiveMessage) => test(m.data?.liveRunUpdated ?? null, m)
    const found = this.messages.find(check)
    if (found)
      return Promise.resolve(found)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching live message in ${timeoutMs} ms; last: ${JSON.stringify(this.messages.at(-1))}`)), timeoutMs)
      this.waiters.push({ test: check, resolve, reject, timer })
    })
  }

  /** The next room whose state and question index are these. */
  room(state: string, questionIndex?: number): Promise<any> {
    return this.until(room => room?.state === state && (questionIndex === undefined || room.questionIndex === questionIndex)).then(m => m.data!.liveRunUpdated)
  }

  /** The first error message. */
  error(): Promise<LiveMessage['errors']> {
    return this.until((_room, m) => !!m.errors).then(m => m.errors)
  }

  async close(): Promise<void> {
    this.dispose?.()
    this.dispose = null
    await this.client.dispose()
  }
}
