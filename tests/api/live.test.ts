import type { TestServer } from '../helpers'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, login, startTestServer } from '../helpers'
import { LiveSubscriber } from './liveClient'
import { live, loginAll, makeLiveSession } from './liveFixtures'

// The live meeting quiz over real HTTP and graphql-ws, on the real database. The server's clock is the
// test's: time passes only when a test moves it, and the close is decided from the stored closesAt.
let server: TestServer
let nowMs = Date.now()
const subscribers: LiveSubscriber[] = []

function subscribe(runId: string, auth: ConstructorParameters<typeof LiveSubscriber>[2]): LiveSubscriber {
  const s = new LiveSubscriber(server.url, runId, auth)
  subscribers.push(s)
  return s
}

beforeAll(async () => {
  server = await startTestServer({}, { now: () => nowMs })
})

afterAll(async () => {
  await Promise.all(subscribers.map(s => s.close()))
  await server?.stop()
})

describe('subscriptions use the same session and role checks as queries', () => {
  it('refuses the anonymous, forged tokens, people who have not joined, and a cookie sent from another site', async () => {
    const { sessionId, cadres } = await makeLiveSession(server.db, 2)
    const admin = await login(server.url, 'admin')
    const opened = await live.open(server.url, admin, sessionId)
    const runId = opened.data.openLiveRun.id as string
    const [joinedToken, outsiderToken] = await loginAll(server.url, cadres.map(c => c.username))
    expect((await live.join(server.url, joinedToken!, opened.data.openLiveRun.joinCode)).data.joinLiveRun.role).toBe('PARTICIPANT')

    expect((await subscribe(runId, {}).error())![0]!.extensions!.code).toBe('UNAUTHENTICATED')
    expect((await subscribe(runId, { token: `${joinedToken}x` }).error())![0]!.extensions!.code).toBe('UNAUTHENTICATED')
    expect((await subscribe(runId, { token: outsiderToken }).error())![0]!.extensions!.code).toBe('FORBIDDEN')
    // A cadre may not host.
    expect((await live.open(server.url, outsiderToken!, sessionId)).errors![0]!.extensions!.code).toBe('FORBIDDEN')
    expect((await live.next(server.url, joinedToken!, runId)).errors![0]!.extensions!.code).toBe('FORBIDDEN')

    // The session cookie of the upgrade request counts from the site's own pages…
    const cookie = `xuefa_session=${joinedToken}`
    const own = await subscribe(runId, { cookie, origin: server.url }).room('LOBBY')
    expect(own).toMatchObject({ id: runId, role: 'PARTICIPANT', joinedCount: 1 })
    // …not from another site's (cross-site WebSocket hijacking).
    expect((await subscribe(runId, { cookie, origin: 'https://evil.example' }).error())![0]!.extensions!.code).toBe('UNAUTHENTICATED')
    // A session that has ended (signed out) is refused over WebSocket as over HTTP, token or cookie.
    expect((await gql(server.url, 'mutation { logout }', {}, joinedToken)).data.logout).toBe(true)
    expect((await subscribe(runId, { token: joinedToken }).error())![0]!.extensions!.code).toBe('UNAUTHENTICATED')
    expect((await subscribe(runId, { cookie, origin: server.url }).error())![0]!.extensions!.code).toBe('UNAUTHENTICATED')
    await live.end(server.url, admin, runId)
  }, 180_000)
})

describe('a live run', () => {
  it('never sends the answer before the question closes; an answer counts iff received before closesAt; answers are stored once', async () => {
    const { sessionId, cadres, token: secret } = await makeLiveSession(server.db, 3)
    const admin = await login(server.url, 'admin')
    const tokens = await loginAll(server.url, cadres.map(c => c.username))
    const opened = (await live.open(server.url, admin, sessionId, 20)).data.openLiveRun
    expect(opened).toMatchObject({ state: 'LOBBY', questionIndex: -1, questionCount: 3, role: 'HOST' })
    expect(opened.joinCode).toMatch(/^\d{6}$/)
    // Opening again returns the same run.
    expect((await live.open(server.url, admin, sessionId, 20)).data.openLiveRun.id).toBe(opened.id)
    const runId = opened.id as string
    for (const t of tokens)
      await live.join(server.url, t, opened.joinCode)
    expect((await live.join(server.url, tokens[0]!, '12345')).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')

    const host = subscribe(runId, { token: admin })
    const phones = tokens.map(t => subscribe(runId, { token: t }))
    await Promise.all(phones.map(p => p.room('LOBBY')))

    // Question 1 (SINGLE, answer C) opens for 20 s.
    const q0 = (await live.next(server.url, admin, runId)).data.nextLiveQuestion
    expect(q0).toMatchObject({ state: 'OPEN', questionIndex: 0, result: null })
    const closesAt = Date.parse(q0.closesAt)
    expect(closesAt - nowMs).toBe(20_000)
    const shown = await Promise.all(phones.map(p => p.room('OPEN', 0)))
    for (const room of shown) {
      expect(room.question).toMatchObject({ index: 0, type: 'SINGLE', options: ['甲项', '乙项', '丙项', '丁项'] })
      expect(room.result).toBeNull()
    }

    // Phone 0 answers A, then changes to C with another clientId; resending a clientId stores nothing new.
    const first = await live.answer(server.url, tokens[0]!, runId, 0, ['A'], randomUUID())
    expect(first.data.answerLiveQuestion.given).toEqual(['A'])
    nowMs += 1000
    const change = randomUUID()
    const changed = await live.answer(server.url, tokens[0]!, runId, 0, ['C'], change)
    nowMs += 500
    const resent = await live.answer(server.url, tokens[0]!, runId, 0, ['C'], change)
    expect(resent.data.answerLiveQuestion).toEqual(changed.data.answerLiveQuestion)
    const [{ stored }] = await server.db.read<{ stored: number }>('MATCH (a:LiveAnswer {runId: $runId}) RETURN count(a) AS stored', { runId }) as [{ stored: number }]
    expect(stored).toBe(2)
    // A wrong answer shape is refused with a clear message and changes nothing.
    expect((await live.answer(server.url, tokens[1]!, runId, 0, ['A', 'B'], randomUUID())).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT')
    // Phone 1 answers B one millisecond before the close: it counts. Phone 2 at the close: refused.
    nowMs = closesAt - 1
    expect((await live.answer(server.url, tokens[1]!, runId, 0, ['B'], randomUUID())).data.answerLiveQuestion.given).toEqual(['B'])
    nowMs = closesAt
    const late = await live.answer(server.url, tokens[2]!, runId, 0, ['C'], randomUUID())
    expect(late.errors![0]!.extensions!.code).toBe('CONFLICT')
    expect(late.errors![0]!.message).toMatch(/截止/)

    // Until the close, no message to a phone held the answer or the explanation.
    for (const p of phones) {
      expect(p.raw.join('\n')).not.toContain(`单选解析${secret}`)
      expect(p.messages.every(m => m.data?.liveRunUpdated?.result == null)).toBe(true)
    }

    // The server's timer closes it from the stored closesAt (the test's clock is past it).
    nowMs = closesAt + 1000
    await server.live.closeDueRuns()
    const results = await Promise.all(phones.map(p => p.room('CLOSED', 0)))
    expect(results.map(r => r.myCorrect)).toEqual([true, false, null])
    expect(results.map(r => r.myAnswer)).toEqual([['C'], ['B'], null])
    expect(results[0].result).toMatchObject({ answer: ['C'], answeredCount: 2, correctCount: 1, explanation: `单选解析${secret}：丙项正确。` })
    expect(results[0].result.distribution).toEqual([{ option: 'A', count: 0 }, { option: 'B', count: 1 }, { option: 'C', count: 1 }, { option: 'D', count: 0 }])
    expect(results[0].result.articles[0].text).toBeTruthy()
    expect((await host.room('CLOSED', 0)).result.correctCount).toBe(1)
    // An answer after the close is refused, even with a clientId never used.
    expect((await live.answer(server.url, tokens[2]!, runId, 0, ['C'], randomUUID())).errors![0]!.extensions!.code).toBe('CONFLICT')

    // Question 2 opens; the host extends it, then closes it early with NEXT.
    await live.next(server.url, admin, runId)
    const q1 = await phones[2]!.room('OPEN', 1)
    expect(q1.myAnswer).toBeNull()
    const extended = (await live.extend(server.url, admin, runId, 15)).data.extendLiveQuestion
    expect(Date.parse(extended.closesAt) - Date.parse(q1.closesAt)).toBe(15_000)
    expect((await live.extend(server.url, tokens[0]!, runId, 15)).errors![0]!.extensions!.code).toBe('FORBIDDEN')
    await live.answer(server.url, tokens[2]!, runId, 1, ['D', 'A', 'B'], randomUUID())
    nowMs += 2000
    expect((await live.next(server.url, admin, runId)).data.nextLiveQuestion.state).toBe('CLOSED')
    expect((await phones[2]!.room('CLOSED', 1)).myCorrect).toBe(true)

    // A phone that reloads lands where the room is.
    const reloaded = await live.read(server.url, tokens[2]!, runId)
    expect(reloaded.data.liveRun).toMatchObject({ state: 'CLOSED', questionIndex: 1, myCorrect: true, myAnswer: ['A', 'B', 'D'] })

    // Question 3, then the end: the summary per question.
    await live.next(server.url, admin, runId)
    await live.answer(server.url, tokens[1]!, runId, 2, ['FALSE'], randomUUID())
    nowMs += 1000
    const ended = (await live.end(server.url, admin, runId)).data.endLiveRun
    expect(ended.state).toBe('ENDED')
    expect(ended.summary.map((s: { correctCount: number }) => s.correctCount)).toEqual([1, 1, 1])
    const finals = await Promise.all(phones.map(p => p.room('ENDED')))
    expect(finals.map(f => f.myCorrectCount)).toEqual([1, 1, 1])
    expect((await live.next(server.url, admin, runId)).errors![0]!.extensions!.code).toBe('CONFLICT')
    // The code no longer joins.
    expect((await live.join(server.url, tokens[0]!, opened.joinCode)).errors![0]!.extensions!.code).toBe('NOT_FOUND')

    // The record: each participant's answers are one ordinary submitted attempt of the quiz, scored as
    // any (one right answer each: 10 of 30), and joining checked them in. Recording again changes nothing.
    await server.live.recorded()
    await server.live.record(runId)
    const records = await server.db.read<{ personId: string, attempts: number, status: string, score: number, maxScore: number, attended: boolean, answered: number }>(
      `UNWIND $personIds AS personId
       MATCH (p:Person {id: personId}), (s:StudySession {id: $sessionId})-[:HAS_QUIZ]->(z:Quiz)
       OPTIONAL MATCH (p)-[:MADE]->(t:Attempt)-[:OF]->(z)
       RETURN personId, count(t) AS attempts, collect(t.status)[0] AS status, collect(t.score)[0] AS score, collect(t.maxScore)[0] AS maxScore,
         EXISTS { (p)-[:ATTENDED]->(s) } AS attended, COUNT { (:Attempt {liveRunId: $runId})<-[:MADE]-(p) } AS answered
       ORDER BY personId`,
      { personIds: cadres.map(c => c.personId), sessionId, runId },
    )
    expect(records).toHaveLength(3)
    for (const r of records)
      expect(r).toMatchObject({ attempts: 1, status: 'SUBMITTED', score: 10, maxScore: 30, attended: true, answered: 1 })
    // The attempt shows on the cadre's own page like any other.
    const mine = await gql(server.url, '{ me { attempts(first: 5) { items { quizId status score } } } }', {}, tokens[0])
    expect(mine.data.me.attempts.items[0]).toMatchObject({ status: 'SUBMITTED', score: 10 })
  }, 180_000)

  it('refuses a person not invited to the session', async () => {
    const { sessionId } = await makeLiveSession(server.db, 1)
    const admin = await login(server.url, 'admin')
    const opened = (await live.open(server.url, admin, sessionId)).data.openLiveRun
    const cadre = await login(server.url, 'cadre')
    const refused = await live.join(server.url, cadre, opened.joinCode)
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    expect(refused.errors![0]!.message).toMatch(/未受邀/)
    const none = await gql(server.url, 'query($r: ID!) { liveRun(id: $r) { id } }', { r: opened.id }, cadre)
    expect(none.errors![0]!.extensions!.code).toBe('FORBIDDEN')
    await live.end(server.url, admin, opened.id)
  }, 180_000)
})
