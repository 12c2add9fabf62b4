/**
 * Submission under load (交卷压测): N cadres (200 by default) at the end of an exam. Each cadre's browser
 * holds a keep-alive connection (they have just saved their last answer), here a RawConnection so the
 * load generator's own work stays out of the latencies (rawConnection.ts); then
 *  1. the burst: all N submit their answer sheets at the same moment — latency of submitAttempt
 *     (p50/p95/p99) is the figure the target is about;
 *  2. the retry storm: every cadre's client sends the same sheet twice more at once (same submissionId,
 *     as a client does that never saw the answer) — nothing new may be stored.
 * Before that, N other cadres sit the quiz again and again (the warm-up, unmeasured), each sitting
 * submitted the same way, until the database's JIT compilers have settled; the first sitting sends each
 * sheet twice at once (the duplicate arriving while the first is being written). The benchmark checks
 * that every attempt of every sitting is stored exactly once, none is lost and every score is right, and
 * reports the server's memory (RSS), each process's CPU time during the burst and each warm-up sitting's
 * p95 (what a cold start looks like).
 *
 *   npx tsx tests/bench/submitLoad.ts [cadres]      (npm run bench:submit)
 *
 * BENCH_SERVER_ARGS passes node options to the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 * to see where its time goes.
 *
 * Uses NEO4J_URI when set (bench data is removed afterwards); otherwise starts its own embedded Neo4j in
 * .data/bench/, imports the law library (for the articles the questions test) and deletes it at the end.
 * The server runs in its own process (tests/bench/server.ts) so its RSS is its own. Results go to
 * tests/bench/results/submit-<date>.json.
 */
import type { SessionUser } from '../../server/src/context'
import type { Database } from '../../server/src/db/database'
import type { ServerProcess } from './measure'
import { Buffer } from 'node:buffer'
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { seedReferenceData } from '../../seeds/seed'
import { Role } from '../../server/src/auth/access'
import { hashPassword } from '../../server/src/auth/password'
import { issueToken, sessionKey } from '../../server/src/auth/session'
import { createUser } from '../../server/src/auth/user.repository'
import { loadConfig, ROOT_DIR } from '../../server/src/config'
import { Database as Db } from '../../server/src/db/database'
import { freePort, startEmbeddedNeo4j } from '../../server/src/db/embedded'
import { migrate } from '../../server/src/db/migrate'
import { makeFixedQuiz, makeFourQuestions, rightAnswerOf } from '../fixtures/quizFixture'
import { compilerCpuMs, processCpuMs, quantile, sampleRss, startServerProcess, trackPeakRss } from './measure'
import { RawConnection } from './rawConnection'

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
const JWT_SECRET = 'bench-submit-secret-bench-submit-secret-0123'
/**
 * Warm-up sittings at most. The database's JVM compiles the code a submission runs (query operators,
 * store and index updates at commit) only after running it thousands of times, on the same cores the
 * server needs; a database in service has long done so, so the measured sitting waits until the
 * compilers have settled (WARMUP_SETTLED_MS). The measurements behind this: tests/bench/README.md.
 */
const WARMUP_SITTINGS = Number(process.env.WARMUP_SITTINGS ?? 20)
/** Sittings of the warm-up at least (WARMUP_SITTINGS at most). */
const WARMUP_MIN_SITTINGS = Number(process.env.WARMUP_MIN_SITTINGS ?? 3)
/**
 * The warm-up ends after two sittings in a row during whose submissions (burst, follow-ups, retry storms)
 * the database's JIT compiler threads used at most this many ms of CPU (Linux, embedded database; against
 * NEO4J_URI all WARMUP_SITTINGS run).
 */
const WARMUP_SETTLED_MS = Number(process.env.WARMUP_SETTLED_MS ?? 100)
/** Retry storms after each warm-up sitting (every sheet twice more at once; read-only for the database). */
const WARMUP_RETRIES = Number(process.env.WARMUP_RETRIES ?? 5)

/** What one run found. */
export interface SubmitLoadResult {
  date: string
  cadres: number
  /** Requests sent in the burst: every sheet twice, with the same submissionId. */
  requests: number
  burstMs: number
  /** submitAttempt in the burst: every cadre once, all at the same moment. */
  latencyMs: Latency
  /**
   * CPU time each process used during the burst (all threads; Linux): the server, the embedded Neo4j
   * (null for NEO4J_URI) and this load generator. Their sum over the burst's duration shows how busy the
   * shared cores were.
   */
  burstCpuMs: Record<'server' | 'neo4j' | 'loadGenerator', number | null>
  /**
   * The warm-up before the measured sitting: how many sittings of N ran; per sitting, the p95 of its
   * submissions (every sheet once; twice at once in the first sitting) and the CPU time the database's JIT
   * compilers used from then until its retry storms were answered (null: not measurable).
   */
  warmUp: { sittings: number, p95: number[], compilerCpuMs: (number | null)[] }
  /** The retry storm: every sheet again, twice at once, after it was stored. */
  retry: { requests: number, burstMs: number, latencyMs: Latency }
  /**
   * The same burst of `{ __typename }` (no database), median of 3 rounds: on Xuefa's server (HTTP,
   * session, armor, GraphQL) and on a bare Apollo Server of the same stack. What any request costs on
   * this machine before it does any work: the floor under the submit latency.
   */
  floor: { app: Latency, bareApollo: Latency }
  errors: number
  firstError: string | null
  serverRssMb: { before: number, peak: number, after: number }
  /** Over all cadres, the warm-up group included. */
  checks: {
    attemptsSubmitted: number
    storedExactlyOnce: boolean
    lost: number
    extraSubmissions: number
    scoreMismatches: number
    /** Attempts whose audit entry and review cards were still not written 30 s after (must be 0). */
    followUpsPending: number
    /** Sheets whose answers differed between the requests that sent them (must be 0). */
    pairDisagreements: number
    auditEntries: number
  }
  machine: { cpus: number, loadAverage: number[], node: string }
}

interface Latency { p50: number, p95: number, p99: number, max: number, mean: number }

interface Cadre {
  user: SessionUser
  token: string
  attemptId: string
  expectedScore: number
  submissionId: string
}

/** Starts counting the CPU time of some processes; `stop()` gives each one's since, in ms (null: unknown). */
function burstCpu<K extends string>(pids: Record<K, number | null>): { stop: () => Record<K, number | null> } {
  const read = () => Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, pid === null ? null : processCpuMs(pid as number)])) as Record<K, number | null>
  const before = read()
  return {
    stop: () => {
      const after = read()
      return Object.fromEntries(Object.keys(pids).map((k) => {
        const a = after[k as K]
        const b = before[k as K]
        return [k, a === null || b === null ? null : Math.round((a - b) * 10) / 10]
      })) as Record<K, number | null>
    },
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024 * 10) / 10
}

/** Keep-alive connections, as the cadres' browsers hold them; as many as there are cadres. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, keepAliveMsecs: 30_000 })

interface Answer { ms: number, status: number, body: { data?: any, errors?: { message: string }[] } }

function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const payload = JSON.stringify({ query, variables })
  const started = performance.now()
  return new Promise<Answer>((resolve) => {
    const fail = (error: Error) => resolve({ ms: Number.NaN, status: 0, body: { errors: [{ message: error.message }] } })
    const request = http.request(`${url}/graphql`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'authorization': `Bearer ${token}` },
    }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', fail)
      response.on('end', () => {
        try {
          resolve({ ms: performance.now() - started, status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        }
        catch (error) {
          fail(error as Error)
        }
      })
    })
    request.on('error', fail)
    request.end(payload)
  })
}

function latency(answers: Answer[]): Latency {
  const sorted = answers.map(a => a.ms).filter(ms => Number.isFinite(ms)).sort((a, b) => a - b)
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: quantile(sorted, 1),
    mean: Math.round(sorted.reduce((n, v) => n + v, 0) / Math.max(1, sorted.length) * 100) / 100,
  }
}

/**
 * `{ __typename }` from `n` connections at once, 3 rounds after 3 to warm up; the round with the median
 * p95.
 */
async function floorBurst(url: string, token: string, n: number): Promise<Latency> {
  const connections = await Promise.all(Array.from({ length: n }, () => RawConnection.open(url)))
  const request = RawConnection.graphqlRequest(url, JSON.stringify({ query: '{ __typename }' }), token)
  try {
    const round = async () => latency(await Promise.all(connections.map(c => c.send(request))))
    for (let i = 0; i < 3; i++)
      await round()
    const rounds: Latency[] = []
    for (let i = 0; i < 3; i++) {
      await new Promise(resolve => setTimeout(resolve, 300))
      rounds.push(await round())
    }
    return rounds.sort((a, b) => a.p95 - b.p95)[1]!
  }
  finally {
    connections.forEach(c => c.close())
  }
}

/**
 * Waits (up to 30 s) until none of the attempts is still waiting for its follow-up (audit entry and review
 * cards, written by the server just after the submissions); returns how many still are.
 */
async function waitForFollowUps(db: Database, attemptIds: string[]): Promise<number> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const [row] = await db.read<{ n: number }>('UNWIND $ids AS id MATCH (t:Attempt:PendingFollowUp {id: id}) RETURN count(t) AS n', { ids: attemptIds })
    if (row!.n === 0 || Date.now() > deadline)
      return row!.n
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = Array.from({ length: items.length })
  let next = 0
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await work(items[i]!, i)
    }
  }))
  return out
}

/** The benchmark; `log` reports progress. */
export async function submitLoad(options: { cadres?: number, log?: (line: string) => void } = {}): Promise<SubmitLoadResult> {
  const cadreCount = options.cadres ?? 200
  const log = options.log ?? (() => {})
  const tag = Date.now().toString(36)
  const dataDir = path.join(ROOT_DIR, `.data/bench/submit-${process.pid}`)
  let embedded: Awaited<ReturnType<typeof startEmbeddedNeo4j>> | null = null
  let db: Database | null = null
  let server: ServerProcess | null = null
  const uri = process.env.NEO4J_URI
  try {
    // ---- database --------------------------------------------------------------------------------
    if (!uri) {
      log('starting an embedded Neo4j for the benchmark')
      rmSync(dataDir, { recursive: true, force: true })
      embedded = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heap: '1g', pageCache: '512m' })
    }
    const connection = { uri: uri ?? embedded!.uri, user: embedded?.user ?? process.env.NEO4J_USER ?? 'neo4j', password: embedded?.password ?? process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE ?? 'neo4j' }
    db = await Db.connect(connection)
    await migrate(db)
    const lawCorpusDir = process.env.LAW_CORPUS_DIR ?? path.resolve(ROOT_DIR, '../shared/laws')
    log('law library (for the articles the questions test)')
    await seedReferenceData(db, { lawCorpusDir })

    // ---- a quiz and N cadres (sample-marked) --------------------------------------------------------
    const [article] = await db.read<{ id: string }>(
      `MATCH (:Law {id: 'major-decision-procedure'})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article) RETURN a.id AS id ORDER BY a.ordinal LIMIT 1`,
    )
    if (!article)
      throw new Error('no article of 重大行政决策程序暂行条例 in the law library: set LAW_CORPUS_DIR')
    const actor: SessionUser = { id: 'bench', username: 'bench', personId: null, roles: [Role.ADMIN], organizationIds: [] }
    const questions = await makeFourQuestions(db, actor, { articleIds: [article.id], label: '压测' })
    const quizId = await makeFixedQuiz(db, actor, questions.ids, { title: `交卷压测（示例）${tag}`, mode: 'EXAM', timeLimitSec: 3600 }, 25)
    log(`creating ${cadreCount} bench cadres (and ${cadreCount} for the warm-up sittings)`)
    const passwordHash = await hashPassword(randomUUID())
    const users = await pool(Array.from({ length: 2 * cadreCount }, (_, i) => i), 16, async (i) => {
      const user = await createUser(db!, null, {
        username: `bench-submit-${tag}-${i}`,
        passwordHash,
        name: `压测干部${String(i + 1).padStart(3, '0')}（示例）`,
        roles: [Role.CADRE],
        category: 'GENERAL',
        organizationId: null,
        sample: true,
      })
      return { id: user.id, username: user.username, personId: user.person!.id, roles: [Role.CADRE], organizationIds: [] } as SessionUser
    })

    // ---- the server, in its own process --------------------------------------------------------------
    const env = { ...process.env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database, JWT_SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'test', HOST: '127.0.0.1' }
    server = await startServerProcess('app', env, process.env.BENCH_SERVER_ARGS ? process.env.BENCH_SERVER_ARGS.split(' ') : [])
    const key = sessionKey(loadConfig(env))

    /**
     * A sitting: each cadre starts the quiz and saves 3 of 4 answers (3 of 4 right overall, in turn), then
     * in the last minute everyone saves the last answer at once; their answer sheets are then ready.
     */
    const SAVE = 'mutation($a: ID!, $q: ID!, $g: [String!]!) { saveAnswer(attemptId: $a, questionId: $q, given: $g) { savedAt } }'
    const sitting = async (people: SessionUser[]): Promise<Cadre[]> => {
      const prepared = await pool(people, 20, async (user, i) => {
        const { token } = await issueToken(user, key, 60)
        const started = await post(server!.url, token, 'mutation($q: ID!) { startAttempt(quizId: $q) { id } }', { q: quizId })
        if (!started.body.data?.startAttempt)
          throw new Error(`startAttempt failed: ${JSON.stringify(started.body.errors)}`)
        const attemptId = started.body.data.startAttempt.id as string
        const items = await db!.read<{ questionId: string, type: string, answer: string[], optionOrder: number[] }>(
          `MATCH (:Attempt {id: $attemptId})-[i:ITEM]->(q:Question) RETURN q.id AS questionId, q.type AS type, q.answer AS answer, coalesce(i.optionOrder, []) AS optionOrder ORDER BY i.order`,
          { attemptId },
        )
        let expectedScore = 0
        const answers = items.map((item, k) => {
          const right = (i + k) % 4 !== 0
          const correct = rightAnswerOf(item)
          const wrong = item.type === 'TRUE_FALSE' ? ['FALSE'] : item.type === 'FILL_BLANK' ? ['不知道'] : [correct[0] === 'D' ? 'A' : 'D']
          if (right)
            expectedScore += 25
          return { a: attemptId, q: item.questionId, g: right ? correct : wrong }
        })
        for (const answer of answers.slice(0, -1)) {
          const saved = await post(server!.url, token, SAVE, answer)
          if (saved.body.errors)
            throw new Error(`saveAnswer failed: ${JSON.stringify(saved.body.errors)}`)
        }
        return { cadre: { user, token, attemptId, expectedScore, submissionId: randomUUID() } as Cadre, last: answers.at(-1)! }
      })
      // The last minute: each browser now holds a keep-alive connection, as it does during an exam.
      const lastSaves = await Promise.all(prepared.map(p => post(server!.url, p.cadre.token, SAVE, p.last)))
      const saveFailure = lastSaves.find(r => r.status !== 200 || r.body.errors)
      if (saveFailure)
        throw new Error(`saveAnswer failed: ${JSON.stringify(saveFailure.body.errors ?? saveFailure.status)}`)
      return prepared.map(p => p.cadre)
    }

    // ---- warm-up (not measured): earlier sittings of the same quiz by other cadres, so the query caches
    // and both JITs are warm and the burst measures a server in service rather than a cold start. Each
    // sitting is submitted as the measured one is, then meets WARMUP_RETRIES retry storms; sittings go on
    // until the database's JIT compilers have settled (see WARMUP_SETTLED_MS) ------------------------------
    const SUBMIT = 'mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { id status score maxScore passed submittedAt } }'
    const send = (c: Cadre) => post(server!.url, c.token, SUBMIT, { a: c.attemptId, s: c.submissionId })
    const warm: Cadre[] = []
    const warmed: Answer[] = []
    const retried: Answer[] = []
    const retriedSheets: Cadre[] = []
    const warmedSheets: Cadre[] = []
    const warmUp: SubmitLoadResult['warmUp'] = { sittings: 0, p95: [], compilerCpuMs: [] }
    const compiler = embedded ? () => compilerCpuMs(embedded!.pid) : () => null
    let calm = 0 // sittings in a row under WARMUP_SETTLED_MS
    for (let round = 1; round <= WARMUP_SITTINGS; round++) {
      log(`warm-up sitting ${round}`)
      const sheets = await sitting(users.slice(cadreCount))
      const compiledBefore = compiler()
      // The first sitting sends each sheet twice at once (the duplicate arrives while the first is being
      // written); the others submit as the measured sitting does, each sheet once.
      const sent = round === 1 ? sheets.flatMap(c => [c, c]) : sheets
      const first = await Promise.all(sent.map(send))
      warmed.push(...first)
      warmedSheets.push(...sent)
      await waitForFollowUps(db, sheets.map(c => c.attemptId))
      // Retry storms, as after the measured burst: every sheet twice more at once, WARMUP_RETRIES times.
      for (let again = 0; again < WARMUP_RETRIES; again++) {
        const storm = sheets.flatMap(c => [c, c])
        retried.push(...await Promise.all(storm.map(send)))
        retriedSheets.push(...storm)
      }
      const compiledAfter = compiler()
      const compiled = compiledBefore === null || compiledAfter === null ? null : Math.round(compiledAfter - compiledBefore)
      warm.push(...sheets)
      warmUp.sittings = round
      warmUp.compilerCpuMs.push(compiled)
      const { p95 } = latency(first)
      warmUp.p95.push(p95)
      log(`  submissions p95 ${p95} ms; the database's JIT compilers used ${compiled ?? '?'} ms of CPU`)
      calm = compiled !== null && compiled <= WARMUP_SETTLED_MS ? calm + 1 : 0
      if (round >= WARMUP_MIN_SITTINGS && calm >= 2)
        break
    }
    log(`the measured sitting (${cadreCount} cadres)`)
    const cadres = await sitting(users.slice(0, cadreCount))
    const all = [...warm, ...cadres]
    // Each cadre's browser: a keep-alive connection (two, for the retry storm's double send) and the
    // submission request ready to go.
    const sheets = await Promise.all(cadres.map(async c => ({
      connections: [await RawConnection.open(server!.url), await RawConnection.open(server!.url)],
      request: RawConnection.graphqlRequest(server!.url, JSON.stringify({ query: SUBMIT, variables: { a: c.attemptId, s: c.submissionId } }), c.token),
    })))
    await new Promise(resolve => setTimeout(resolve, 1000))

    // ---- the burst: every cadre submits once, all at the same moment --------------------------------
    const before = await server.memory()
    // The peak RSS from /proc where it can (no work for the server), else by asking it every 50 ms.
    const hwm = trackPeakRss(server.pid)
    const rss = hwm ? null : sampleRss(server.memory, 50)
    log(`burst: ${cadres.length} cadres submit at once`)
    const cpu = burstCpu({ server: server.pid, neo4j: embedded?.pid ?? null, loadGenerator: process.pid })
    let started = performance.now()
    const burst = await Promise.all(sheets.map(sheet => sheet.connections[0]!.send(sheet.request)))
    const burstMs = performance.now() - started
    const burstCpuMs = cpu.stop()
    await new Promise(resolve => setTimeout(resolve, 500))

    // ---- the retry storm: every sheet twice more at once (clients that never saw their answer) -------
    log(`retry storm: ${cadres.length} cadres send the same sheet twice more at once`)
    started = performance.now()
    const retries = await Promise.all(sheets.flatMap(sheet => sheet.connections.map(c => c.send(sheet.request))))
    const retryMs = performance.now() - started
    const peak = hwm ? hwm.stop() : (await rss!.stop()).rss
    sheets.forEach(sheet => sheet.connections.forEach(c => c.close()))
    await new Promise(resolve => setTimeout(resolve, 1000))
    const after = await server.memory()

    // ---- the floor: the same burst doing no work, on this server and on a bare Apollo Server --------
    log('floor: the same burst of { __typename }')
    const appFloor = await floorBurst(server.url, cadres[0]!.token, cadres.length)
    const bare = await startServerProcess('trivial', env)
    const bareFloor = await floorBurst(bare.url, cadres[0]!.token, cadres.length).finally(() => bare.stop())

    // ---- checks: every attempt (warm-up group too) stored exactly once, with the right score, and
    // every answer to the same sheet the same; the follow-ups (audit entries, review cards) all written --
    const followUps = await waitForFollowUps(db, all.map(c => c.attemptId))
    const answered = [...warmed, ...retried, ...burst, ...retries]
    const failed = answered.filter(r => r.status !== 200 || r.body.errors)
    const stored = await db.read<{ id: string, status: string, score: number | null, submissions: number, audits: number }>(
      `UNWIND $ids AS id
       OPTIONAL MATCH (t:Attempt {id: id})
       RETURN id, t.status AS status, t.score AS score,
         CASE WHEN t.submissionId IN $sheets THEN 1 ELSE 0 END AS submissions,
         COUNT { MATCH (e:AuditEvent) WHERE e.operation STARTS WITH 'submitAttempt' AND id IN e.targetIds } AS audits`,
      { ids: all.map(c => c.attemptId), sheets: all.map(c => c.submissionId) },
    )
    const [people] = await db.read<{ attempts: number }>(
      'UNWIND $personIds AS pid MATCH (:Person {id: pid})-[:MADE]->(t:Attempt) RETURN count(t) AS attempts',
      { personIds: users.map(u => u.personId) },
    )
    const expected = new Map(all.map(c => [c.attemptId, c.expectedScore]))
    const submitted = stored.filter(s => s.status === 'SUBMITTED')
    const bySheet = new Map<string, string[]>()
    const sent = [...warmedSheets, ...retriedSheets, ...cadres, ...cadres.flatMap(c => [c, c])]
    answered.forEach((r, k) => {
      const id = sent[k]!.attemptId
      bySheet.set(id, [...(bySheet.get(id) ?? []), JSON.stringify(r.body.data ?? null)])
    })
    const disagreements = [...bySheet.values()].filter(answers => new Set(answers).size !== 1 || answers[0] === 'null').length
    const result: SubmitLoadResult = {
      date: new Date().toISOString(),
      cadres: cadres.length,
      requests: burst.length,
      burstMs: Math.round(burstMs),
      latencyMs: latency(burst),
      burstCpuMs,
      warmUp,
      retry: { requests: retries.length, burstMs: Math.round(retryMs), latencyMs: latency(retries) },
      floor: { app: appFloor, bareApollo: bareFloor },
      errors: failed.length,
      firstError: failed[0] ? JSON.stringify(failed[0].body.errors ?? failed[0].status) : null,
      serverRssMb: { before: mb(before.rss), peak: mb(peak), after: mb(after.rss) },
      checks: {
        attemptsSubmitted: submitted.length,
        storedExactlyOnce: people?.attempts === all.length && stored.every(s => s.submissions === 1 && s.audits === 1),
        followUpsPending: followUps,
        lost: all.length - submitted.length,
        extraSubmissions: stored.reduce((n, s) => n + Math.max(0, s.submissions - 1) + Math.max(0, s.audits - 1), 0),
        scoreMismatches: submitted.filter(s => s.score !== expected.get(s.id)).length,
        pairDisagreements: disagreements,
        auditEntries: stored.reduce((n, s) => n + s.audits, 0),
      },
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(l => Math.round(l * 100) / 100), node: process.version },
    }

    // Remove the bench data from a shared database (an embedded one is deleted whole below).
    if (uri) {
      await db.write(
        `UNWIND $personIds AS pid MATCH (p:Person {id: pid})
         OPTIONAL MATCH (p)-[:MADE]->(t:Attempt) OPTIONAL MATCH (u:User)-[:IS]->(p)
         DETACH DELETE t, u, p`,
        { personIds: users.map(u => u.personId) },
      )
      await db.write('MATCH (z:Quiz {id: $id}) DETACH DELETE z', { id: quizId })
      await db.write('UNWIND $ids AS id MATCH (q:Question {id: id}) DETACH DELETE q', { ids: questions.ids })
    }
    return result
  }
  finally {
    await server?.stop()
    await db?.close()
    await embedded?.stop()
    agent.destroy()
    if (embedded)
      rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Writes the result to tests/bench/results/submit-<date>.json; returns the path. */
export function writeSubmitResult(result: SubmitLoadResult): string {
  const dir = path.join(BENCH_DIR, 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `submit-${result.date.slice(0, 10)}.json`)
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  return file
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cadres = process.argv[2] ? Number(process.argv[2]) : 200
  submitLoad({ cadres, log: line => console.log(`[submit-load] ${line}`) })
    .then((result) => {
      const file = writeSubmitResult(result)
      console.log(JSON.stringify(result, null, 2))
      console.log(`[submit-load] written to ${path.relative(ROOT_DIR, file)}`)
      const ok = result.checks.storedExactlyOnce && result.checks.followUpsPending === 0 && result.checks.lost === 0 && result.errors === 0 && result.checks.scoreMismatches === 0
      process.exit(ok ? 0 : 1)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
