import type { ChildProcess } from 'node:child_process'
import type { TestServer } from '../helpers'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createConnection } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../server/src/db/embedded'
import { login, startTestServer } from '../helpers'
import { LiveSubscriber } from './liveClient'
import { live, loginAll, makeLiveSession } from './liveFixtures'

// Two server instances on one real Redis (Debian's redis-server, started here on a free port with no
// persistence) and the shared test database: the host on one, half the phones on the other. The clock is
// the test's, shared by both instances.
let redis: ChildProcess
let a: TestServer
let b: TestServer
let nowMs = Date.now()
const subscribers: LiveSubscriber[] = []

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open)
      return
    if (Date.now() > until)
      throw new Error(`redis-server did not listen on ${port}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

beforeAll(async () => {
  const port = await freePort()
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  await waitForPort(port)
  const clock = { now: () => nowMs }
  a = await startTestServer({ REDIS_URL: `redis://127.0.0.1:${port}` }, clock)
  b = await startTestServer({ REDIS_URL: `redis://127.0.0.1:${port}` }, clock)
})

afterAll(async () => {
  await Promise.all(subscribers.map(s => s.close()))
  await a?.stop()
  await b?.stop()
  redis?.kill('SIGTERM')
})

describe('a live quiz across two instances through Redis', () => {
  it('runs one room with the host on one instance and half the phones on the other, and keeps rooms apart', async () => {
    const { sessionId, cadres } = await makeLiveSession(a.db, 4)
    const other = await makeLiveSession(a.db, 1)
    const admin = await login(a.url, 'admin')
    const tokens = await loginAll(a.url, cadres.map(c => c.username))
    const serverOf = (k: number) => (k % 2 === 0 ? a : b)

    const opened = (await live.open(a.url, admin, sessionId, 20)).data.openLiveRun
    const runId = opened.id as string
    // Another room on the other instance at the same time.
    const otherRun = (await live.open(b.url, admin, other.sessionId, 20)).data.openLiveRun
    const [otherToken] = await loginAll(b.url, other.cadres.map(c => c.username))
    await live.join(b.url, otherToken!, otherRun.joinCode)
    const otherPhone = new LiveSubscriber(a.url, otherRun.id, { token: otherToken })
    subscribers.push(otherPhone)

    for (const [k, t] of tokens.entries())
      expect((await live.join(serverOf(k).url, t, opened.joinCode)).errors).toBeUndefined()
    const phones = tokens.map((t, k) => {
      const s = new LiveSubscriber(serverOf(k).url, runId, { token: t })
      subscribers.push(s)
      return s
    })
    const host = new LiveSubscriber(a.url, runId, { token: admin })
    subscribers.push(host)
    await Promise.all([...phones, host].map(p => p.room('LOBBY')))
    await otherPhone.room('LOBBY')

    // The host opens question 1 on instance A: the phones on B hold it too.
    await live.next(a.url, admin, runId)
    const open = await Promise.all(phones.map(p => p.room('OPEN', 0)))
    expect(open.map(r => r.question.index)).toEqual([0, 0, 0, 0])
    // Phones answer through their own instance: 0 and 1 right (C), 2 wrong, 3 not at all.
    for (const [k, given] of [['C'], ['C'], ['A']].entries())
      expect((await live.answer(serverOf(k).url, tokens[k]!, runId, 0, given, randomUUID())).errors).toBeUndefined()
    // The counts reach the host on A from answers taken on B.
    await host.until(room => room?.answeredCount === 3)

    // Time runs out; instance B's timer closes it (from the stored closesAt); everyone gets the result.
    nowMs += 21_000
    await b.live.closeDueRuns()
    const closed = await Promise.all(phones.map(p => p.room('CLOSED', 0)))
    expect(closed.map(r => r.myCorrect)).toEqual([true, true, false, null])
    expect(closed[1].result).toMatchObject({ answer: ['C'], answeredCount: 3, correctCount: 2 })
    // A's sweep finds nothing left to close: one close, once.
    expect(await a.live.closeDueRuns()).toEqual([])

    await live.end(a.url, admin, runId)
    const ended = await Promise.all(phones.map(p => p.room('ENDED')))
    expect(ended.map(r => r.myCorrectCount)).toEqual([1, 1, 0, 0])

    // No phone received another room's events.
    for (const p of phones)
      expect(p.messages.every(m => m.data?.liveRunUpdated.id === runId)).toBe(true)
    expect(otherPhone.messages.every(m => m.data?.liveRunUpdated.id === otherRun.id)).toBe(true)
    expect(otherPhone.messages.some(m => m.data?.liveRunUpdated.state !== 'LOBBY')).toBe(false)
    await live.end(b.url, admin, otherRun.id)

    // Each participant's attempt recorded once, whichever instance records.
    await Promise.all([a.live.recorded(), b.live.record(runId)])
    const [row] = await a.db.read<{ attempts: number, submitted: number }>(
      `MATCH (p:Person)-[:MADE]->(t:Attempt {liveRunId: $runId}) RETURN count(t) AS attempts, count(CASE WHEN t.status = 'SUBMITTED' THEN 1 END) AS submitted`,
      { runId },
    )
    expect(row).toEqual({ attempts: 4, submitted: 4 })
  }, 240_000)
})
