import type { SessionUser } from '../../server/src/context'
import type { XuefaProcess } from './xuefaProcess'
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedOrganizations } from '../../seeds/seed'
import { Role } from '../../server/src/auth/access'
import { hashPassword } from '../../server/src/auth/password'
import { issueToken } from '../../server/src/auth/session'
import { createUser, findLoginRecord } from '../../server/src/auth/user.repository'
import { buildServer } from '../../server/src/build/serverBundle'
import { ROOT_DIR } from '../../server/src/config'
import { dumpDatabase, loadDatabase } from '../../server/src/db/backup'
import { Database } from '../../server/src/db/database'
import { embeddedPassword, freePort, startEmbeddedNeo4j } from '../../server/src/db/embedded'
import { createQuestion } from '../../server/src/quiz/questionEdit.repository'
import { createQuiz } from '../../server/src/quiz/quiz.repository'
import { DATABASE_UNAVAILABLE_MESSAGE } from '../../server/src/schema/formatError'
import { processGone, startXuefa } from './xuefaProcess'

/**
 * Fault drills (issue 25) with real processes and real signals, on a database of their own: the server
 * as `npm start` runs it (the compiled bundle, its embedded Neo4j as its child), 100 cadres as HTTP
 * clients that retry what failed as the web app does (same answer, same submission id). Every drill
 * counts exactly what was acknowledged and finds exactly that in the database.
 */

const CADRES = 100
const JWT_SECRET = 'drill-secret-drill-secret-drill-secret-0123456789'
const ROOT = path.join(ROOT_DIR, `.data/test/drill-${process.pid}`)
const DATA_DIR = path.join(ROOT, 'neo4j')
const TRAINER: SessionUser = { id: 'user-drill-trainer', username: 'drill-trainer', personId: null, roles: [Role.TRAINER, Role.ADMIN], organizationIds: [] }

interface Cadre { user: SessionUser, token: string, index: number }
interface Failure { code: string, ms: number, message: string }

/** The answer cadre `index` gives to question `q` (0–3): right when index + q is even, so every cadre has wrong answers. */
function answerFor(index: number, q: number): string[] {
  const right = q % 2 === 0 ? 'TRUE' : 'FALSE'
  const wrong = right === 'TRUE' ? 'FALSE' : 'TRUE'
  return [(index + q) % 2 === 0 ? right : wrong]
}
const expectedScore = (index: number) => [0, 1, 2, 3].filter(q => (index + q) % 2 === 0).length * 10

let neo4jPort: number
let env: Record<string, string>
let server: XuefaProcess | null = null
const questionIds: string[] = []
let quizId: string
const cadres: Cadre[] = []

/** One GraphQL request as the web app sends it; a network error or an error answer becomes a Failure. */
async function call<T>(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ data: T } | Failure> {
  const started = Date.now()
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    })
    const body = await response.json() as { data?: T, errors?: { message: string, extensions?: { code?: string } }[] }
    if (body.errors?.length)
      return { code: body.errors[0]!.extensions?.code ?? 'UNKNOWN', ms: Date.now() - started, message: body.errors[0]!.message }
    return { data: body.data as T }
  }
  catch (error) {
    return { code: 'NETWORK', ms: Date.now() - started, message: String(error) }
  }
}

const START = 'mutation($q: ID!) { startAttempt(quizId: $q) { id items { questionId } } }'
const SAVE = 'mutation($a: ID!, $q: ID!, $g: [String!]!) { saveAnswer(attemptId: $a, questionId: $q, given: $g) { given } }'
const SUBMIT = 'mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { id score } }'

/** What the clients were told succeeded. */
interface Acks {
  saves: Map<string, string[]>
  submissions: Map<string, { submissionId: string, score: number, index: number }>
  failures: Failure[]
}
const newAcks = (): Acks => ({ saves: new Map(), submissions: new Map(), failures: [] })

/** Sends `request` until it succeeds (a client's retry), recording each failure; gives up after `giveUpMs`. */
async function untilAcknowledged<T>(acks: Acks, request: () => Promise<{ data: T } | Failure>, retryable: (failure: Failure) => boolean, giveUpMs = 380_000): Promise<T> {
  const deadline = Date.now() + giveUpMs
  for (;;) {
    const result = await request()
    if ('data' in result)
      return result.data
    acks.failures.push(result)
    if (!retryable(result) || Date.now() > deadline)
      throw new Error(`request failed for good: ${result.code} ${result.message}`)
    // A client's back-off before sending again (not an ordering wait).
    await new Promise(resolve => setTimeout(resolve, 400))
  }
}

async function startAttempts(url: string): Promise<Map<number, string>> {
  const attempts = new Map<number, string>()
  const acks = newAcks()
  await Promise.all(cadres.map(async (cadre) => {
    const started = await untilAcknowledged(acks, () => call<{ startAttempt: { id: string } }>(url, cadre.token, START, { q: quizId }), f => f.code === 'DATABASE_UNAVAILABLE')
    attempts.set(cadre.index, started.startAttempt.id)
  }))
  return attempts
}

async function saveAll(acks: Acks, url: () => string, attempts: Map<number, string>, retryable: (f: Failure) => boolean, onAck: () => void = () => {}): Promise<void> {
  await Promise.all(cadres.map(async (cadre) => {
    const attemptId = attempts.get(cadre.index)!
    for (const [q, questionId] of questionIds.entries()) {
      const given = answerFor(cadre.index, q)
      await untilAcknowledged(acks, () => call(url(), cadre.token, SAVE, { a: attemptId, q: questionId, g: given }), retryable)
      acks.saves.set(`${attemptId}|${questionId}`, given)
      onAck()
    }
  }))
}

async function submitAll(acks: Acks, url: () => string, attempts: Map<number, string>, retryable: (f: Failure) => boolean, onAck: () => void = () => {}): Promise<void> {
  await Promise.all(cadres.map(async (cadre) => {
    const attemptId = attempts.get(cadre.index)!
    const submissionId = randomUUID()
    const result = await untilAcknowledged(acks, () => call<{ submitAttempt: { score: number } }>(url(), cadre.token, SUBMIT, { a: attemptId, s: submissionId }), retryable)
    acks.submissions.set(attemptId, { submissionId, score: result.submitAttempt.score, index: cadre.index })
    onAck()
  }))
}

/** The database as the drills read it: each attempt's answers, submission, score, follow-up state and audit entries. */
async function readAttempts(db: Database, attemptIds: string[]) {
  return db.read<{ id: string, answers: { questionId: string, given: string[] }[], submissionId: string | null, score: number | null, pending: boolean, audits: number }>(
    `UNWIND $ids AS id MATCH (t:Attempt {id: id})
     RETURN t.id AS id, COLLECT { MATCH (t)-[an:ANSWERED]->(q:Question) RETURN {questionId: q.id, given: an.given} } AS answers,
       t.submissionId AS submissionId, t.score AS score, t:PendingFollowUp AS pending,
       COUNT { MATCH (e:AuditEvent) WHERE e.operation STARTS WITH 'submitAttempt' AND t.id IN e.targetIds } AS audits`,
    { ids: attemptIds },
  )
}

/** Polls until no attempt of these is waiting for its follow-up (they run just after submission). */
async function followUpsSettled(db: Database, attemptIds: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while ((await readAttempts(db, attemptIds)).some(a => a.pending)) {
    if (Date.now() > deadline)
      throw new Error('follow-ups still pending')
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

/** Every acknowledged answer and submission is in the database exactly once, with its acknowledged values. */
async function expectExactlyAcknowledged(db: Database, acks: Acks, attempts: Map<number, string>): Promise<void> {
  const rows = await readAttempts(db, [...attempts.values()])
  expect(rows).toHaveLength(attempts.size)
  for (const row of rows) {
    const byQuestion = new Map<string, string[][]>()
    for (const answer of row.answers)
      byQuestion.set(answer.questionId, [...(byQuestion.get(answer.questionId) ?? []), answer.given])
    for (const questionId of questionIds)
      expect(byQuestion.get(questionId), `${row.id} ${questionId}`).toEqual([acks.saves.get(`${row.id}|${questionId}`)])
    const submission = acks.submissions.get(row.id)!
    expect(row.submissionId).toBe(submission.submissionId)
    expect(row.score).toBe(submission.score)
    expect(row.score).toBe(expectedScore(submission.index))
    expect(row.pending).toBe(false)
    expect(row.audits).toBe(1)
  }
}

/** Review cards: one per person and wrong question, never two. */
async function expectCardsOncePerQuestion(db: Database): Promise<void> {
  const [row] = await db.read<{ cards: number, duplicates: number }>(
    `MATCH (p:Person)-[r:REVIEWS]->(q:Question) WHERE q.id IN $questionIds
     WITH p, q, count(r) AS n RETURN sum(n) AS cards, count(CASE WHEN n > 1 THEN 1 END) AS duplicates`,
    { questionIds },
  )
  // Cadre i answers wrong the two questions q with i + q odd.
  expect(row).toEqual({ cards: CADRES * 2, duplicates: 0 })
}

function connectDirect(): Promise<Database> {
  return Database.connect({ uri: `bolt://127.0.0.1:${neo4jPort}`, user: 'neo4j', password: embeddedPassword(DATA_DIR), database: 'neo4j' })
}

describe('fault drills (real processes, real signals)', () => {
  beforeAll(async () => {
    rmSync(ROOT, { recursive: true, force: true })
    await buildServer()
    neo4jPort = await freePort()
    env = {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      NEO4J_DATA_DIR: DATA_DIR,
      NEO4J_EMBEDDED_PORT: String(neo4jPort),
      NEO4J_EMBEDDED_HEAP: '512m',
      NEO4J_EMBEDDED_PAGECACHE: '128m',
      JWT_SECRET,
      SEED_SAMPLE_DATA: 'false',
      LOG_LEVEL: 'info',
    }
    server = await startXuefa(env)

    const db = await connectDirect()
    try {
      await seedOrganizations(db)
      const [article] = await db.read<{ id: string }>('MATCH (:LawVersion {current: true})-[:CONTAINS]->(a:Article) RETURN a.id AS id ORDER BY a.id LIMIT 1')
      for (let q = 0; q < 4; q++) {
        const question = await createQuestion(db, TRAINER, { type: 'TRUE_FALSE', stem: `演练判断题 ${q + 1}：这句话正确。`, options: [], answer: [q % 2 === 0 ? 'TRUE' : 'FALSE'], explanation: `演练解析 ${q + 1}。`, difficulty: 2, articleIds: [article!.id], topicIds: [] }, { publish: true })
        questionIds.push(question.id)
      }
      const quiz = await createQuiz(db, TRAINER, {
        title: '故障演练试卷',
        mode: 'PRACTICE',
        kind: 'FIXED',
        timeLimitSec: 3600,
        passScore: 60,
        attemptsAllowed: null,
        scoring: 'BEST',
        opensAt: null,
        closesAt: null,
        reveal: 'AFTER_SUBMIT',
        shuffleOptions: false,
        multiplePartialCredit: false,
        items: questionIds.map(questionId => ({ questionId, points: 10 })),
        blueprint: [],
      }, { status: 'PUBLISHED' })
      quizId = quiz.id
      const passwordHash = await hashPassword('drill-password-1')
      const key = new TextEncoder().encode(JWT_SECRET)
      for (let index = 0; index < CADRES; index++) {
        const username = `drill-cadre-${index}`
        await createUser(db, null, { username, passwordHash, name: `演练干部${index}`, roles: [Role.CADRE], category: 'GENERAL', organizationId: 'org-waigang-economy' })
        const user = (await findLoginRecord(db, username))!.user
        cadres.push({ user, index, token: (await issueToken(user, key, 120)).token })
      }
    }
    finally {
      await db.close()
    }
  }, 1_200_000)

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM')
      await server.exited
    }
    rmSync(ROOT, { recursive: true, force: true })
  }, 120_000)

  it('kill -9 of the embedded Neo4j while 100 cadres save and submit: fast retryable errors, the server restarts it, every acknowledged write is there exactly once', async () => {
    const xuefa = server!
    const attempts = await startAttempts(xuefa.url)
    const acks = newAcks()
    const killedPid = xuefa.neo4jPid()
    let killedAt = 0
    let acked = 0
    const health: { status: number, ms: number, body: { reason?: string } }[] = []
    const onAck = () => {
      if (++acked === CADRES && !killedAt) {
        killedAt = Date.now()
        process.kill(killedPid, 'SIGKILL')
        // The probe while the database is down: answered within 1 s, 503 with the reason.
        void (async () => {
          await processGone(killedPid, 10_000)
          const started = Date.now()
          const response = await fetch(`${xuefa.url}/health`)
          health.push({ status: response.status, ms: Date.now() - started, body: await response.json() as { reason?: string } })
        })()
      }
    }
    const retryable = (f: Failure) => f.code === 'DATABASE_UNAVAILABLE'
    await saveAll(acks, () => xuefa.url, attempts, retryable, onAck)
    await submitAll(acks, () => xuefa.url, attempts, retryable)

    expect(killedAt).toBeGreaterThan(0)
    await xuefa.waitForLog(line => line.msg === 'embedded Neo4j restarted', 1000)
    expect(xuefa.neo4jPid()).not.toBe(killedPid)
    const restarted = xuefa.logs.find(line => line.msg === 'embedded Neo4j ready' && line.pid === xuefa.neo4jPid())!
    expect(xuefa.child.exitCode).toBeNull()
    // Every failure was the retryable outage, with the Chinese message, and came fast.
    expect(acks.failures.length).toBeGreaterThan(0)
    expect(acks.failures.filter(f => f.code !== 'DATABASE_UNAVAILABLE')).toEqual([])
    expect(new Set(acks.failures.map(f => f.message))).toEqual(new Set([DATABASE_UNAVAILABLE_MESSAGE]))
    expect(Math.max(...acks.failures.map(f => f.ms))).toBeLessThan(2000)
    expect(health).toHaveLength(1)
    expect(health[0]!.status).toBe(503)
    expect(health[0]!.ms).toBeLessThan(1000)
    expect(health[0]!.body.reason).toBeTruthy()
    // Service came back without a server restart, within 30 s of the database.
    // (The probe may get through a moment before the new process prints that it is ready.)
    const back = xuefa.logs.find(line => line.msg === 'database available again' && line.time >= killedAt)
    expect(back).toBeDefined()
    expect(back!.time - restarted.time).toBeLessThan(30_000)
    expect(acks.saves.size).toBe(CADRES * 4)
    expect(acks.submissions.size).toBe(CADRES)

    const db = await connectDirect()
    try {
      await followUpsSettled(db, [...attempts.values()])
      await expectExactlyAcknowledged(db, acks, attempts)
      await expectCardsOncePerQuestion(db)
    }
    finally {
      await db.close()
    }
    console.log(`drill kill -9 Neo4j: ${acks.failures.length} retryable failures (slowest ${Math.max(...acks.failures.map(f => f.ms))} ms), /health 503 in ${health[0]!.ms} ms, service back ${back!.time - restarted.time} ms after the database`)
  }, 1_200_000)

  it('kill -9 of the server mid-burst of submissions: after a restart every acknowledged submission is there with its score, every follow-up applied once', async () => {
    const first = server!
    const attempts = await startAttempts(first.url)
    const acks = newAcks()
    await saveAll(acks, () => first.url, attempts, f => f.code === 'DATABASE_UNAVAILABLE')
    acks.failures.length = 0
    const neo4jPid = first.neo4jPid()
    let acked = 0
    let current = first
    let restarting: Promise<void> | null = null
    const onAck = () => {
      if (++acked === CADRES / 4 && !restarting) {
        first.child.kill('SIGKILL')
        restarting = (async () => {
          await first.exited
          // Its Neo4j sees its parent's pipe close and shuts down cleanly.
          await processGone(neo4jPid, 60_000)
          current = await startXuefa(env)
          server = current
        })()
      }
    }
    // Unacknowledged submissions are sent again, with the same submission id, once the server is back.
    const retryable = (f: Failure) => f.code === 'NETWORK' || f.code === 'DATABASE_UNAVAILABLE'
    await submitAll(acks, () => current.url, attempts, retryable, onAck)
    expect(restarting).not.toBeNull()
    await restarting
    expect(current.pid).not.toBe(first.pid)
    expect((await first.exited).signal).toBe('SIGKILL')
    expect(acks.failures.length).toBeGreaterThan(0)
    expect(acks.submissions.size).toBe(CADRES)

    const db = await connectDirect()
    try {
      await followUpsSettled(db, [...attempts.values()])
      await expectExactlyAcknowledged(db, acks, attempts)
      await expectCardsOncePerQuestion(db)
    }
    finally {
      await db.close()
    }
    console.log(`drill kill -9 server: killed after ${CADRES / 4} acknowledged submissions; ${acks.failures.length} failed sends retried after the restart`)
  }, 1_200_000)

  let backupFile: string
  let atBackup: { attempts: number, audits: number, answers: number }

  it('sIGTERM during a burst drains in-flight requests and follow-ups before the database stops: no acknowledged write lost', async () => {
    const xuefa = server!
    const attempts = await startAttempts(xuefa.url)
    const acks = newAcks()
    await saveAll(acks, () => xuefa.url, attempts, f => f.code === 'DATABASE_UNAVAILABLE')
    acks.failures.length = 0
    let acked = 0
    const onAck = () => {
      if (++acked === CADRES / 4)
        xuefa.child.kill('SIGTERM')
    }
    // After SIGTERM the server takes no new requests: those fail (not acknowledged) and are not retried.
    await Promise.all(cadres.map(async (cadre) => {
      const attemptId = attempts.get(cadre.index)!
      const submissionId = randomUUID()
      const result = await call<{ submitAttempt: { score: number } }>(xuefa.url, cadre.token, SUBMIT, { a: attemptId, s: submissionId })
      if ('data' in result) {
        acks.submissions.set(attemptId, { submissionId, score: result.data.submitAttempt.score, index: cadre.index })
        onAck()
      }
      else { acks.failures.push(result) }
    }))
    const { code } = await xuefa.exited
    expect(code).toBe(0)
    server = null
    expect(acks.submissions.size).toBeGreaterThanOrEqual(CADRES / 4)
    expect(acks.submissions.size + acks.failures.length).toBe(CADRES)

    // The database stopped with the server; read it as it was left, before anything could complete
    // a follow-up: a dump (the backup below) and a bare database process.
    backupFile = dumpDatabase(DATA_DIR, { outDir: path.join(ROOT, 'backups') })
    const neo4j = await startEmbeddedNeo4j({ dataDir: DATA_DIR, port: neo4jPort, heap: '512m', pageCache: '128m' })
    const db = await connectDirect()
    try {
      const rows = await readAttempts(db, [...acks.submissions.keys()])
      expect(rows).toHaveLength(acks.submissions.size)
      for (const row of rows) {
        const ack = acks.submissions.get(row.id)!
        expect({ submissionId: row.submissionId, score: row.score, pending: row.pending, audits: row.audits })
          .toEqual({ submissionId: ack.submissionId, score: expectedScore(ack.index), pending: false, audits: 1 })
      }
      const [pending] = await db.read<{ n: number }>('MATCH (t:Attempt:PendingFollowUp) RETURN count(t) AS n')
      expect(pending!.n).toBe(0)
      const [state] = await db.read<{ attempts: number, audits: number, answers: number }>(
        `RETURN COUNT { MATCH (:Attempt) } AS attempts, COUNT { MATCH (:AuditEvent) } AS audits, COUNT { MATCH (:Attempt)-[:ANSWERED]->() } AS answers`,
      )
      atBackup = state!
      expect(atBackup.attempts).toBe(CADRES * 3)

      // Write more after the backup: then restore and see exactly the backup's state.
      await db.write('UNWIND range(1, 5) AS i CREATE (:DrillAfterBackup {i: i})')
      await db.write('MATCH (t:Attempt) WITH t LIMIT 7 DETACH DELETE t')
    }
    finally {
      await db.close()
      await neo4j.stop()
    }
  }, 1_200_000)

  it('backup and restore: npm run backup\'s dump brings back exactly the state it was made from', async () => {
    expect(path.basename(backupFile)).toMatch(/^neo4j-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.dump$/)
    loadDatabase(DATA_DIR, backupFile)
    const neo4j = await startEmbeddedNeo4j({ dataDir: DATA_DIR, port: neo4jPort, heap: '512m', pageCache: '128m' })
    const db = await connectDirect()
    try {
      const [state] = await db.read<{ attempts: number, audits: number, answers: number, after: number }>(
        `RETURN COUNT { MATCH (:Attempt) } AS attempts, COUNT { MATCH (:AuditEvent) } AS audits, COUNT { MATCH (:Attempt)-[:ANSWERED]->() } AS answers,
           COUNT { MATCH (:DrillAfterBackup) } AS after`,
      )
      expect(state).toEqual({ ...atBackup, after: 0 })
    }
    finally {
      await db.close()
      await neo4j.stop()
    }
  }, 1_200_000)
})
