import type { SessionUser } from '../../server/src/context'
import type { Database } from '../../server/src/db/database'
import type { Runtime } from '../../server/src/runtime'
import type { LoadReport } from './load'
import type { GraphQLCall, RunStats, ServerProcess } from './measure'
import type { BenchResults, ScenarioResult } from './report'
import type { Actors, Scenario } from './scenarios'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { buildSchema } from 'graphql'
import { seedDemoUsers, seedOrganizations, seedReferenceData } from '../../seeds/seed'
import { Role } from '../../server/src/auth/access'
import { hashPassword } from '../../server/src/auth/password'
import { issueToken } from '../../server/src/auth/session'
import { findLoginRecord } from '../../server/src/auth/user.repository'
import { loadConfig, ROOT_DIR } from '../../server/src/config'
import { currentRoundTrips, withRoundTripCounter } from '../../server/src/db/database'
import { freePort } from '../../server/src/db/embedded'
import { listLawFiles, seedLawLibrary } from '../../server/src/law/lawImport'
import { openRuntime } from '../../server/src/runtime'
import { makePlan, personRows, userRows } from './generate'
import { loadBenchDataset, OutdatedDatasetError, removeRunAttempts } from './load'
import { httpRun, loopRun, nextRequest, probe, sampleRss, startServerProcess, watchCpu } from './measure'
import { evaluateTargets, writeResults } from './report'
import { scenarios, TYPENAME } from './scenarios'

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
const JWT_SECRET = 'xuefa-bench-secret-xuefa-bench-secret-0123456789'
const CONNECTIONS = [1, 16]

interface Options {
  scale: number
  seed: number
  /** Seconds per measured run. */
  duration: number
  only: string[] | null
  peer: boolean
  /** Longest wait, in seconds, for other work on the machine to calm down before each measurement. */
  quietWait: number
  /** Write V8 CPU profiles of the API server to tests/bench/results/profiles. */
  cpuProf: boolean
  /** Only load the dataset (e.g. the full scale ahead of a run). */
  loadOnly: boolean
  /** --max-old-space-size of the API server, in MB (V8's default when null). */
  serverHeap: number | null
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.findIndex(a => a === `--${name}` || a.startsWith(`--${name}=`))
    if (i < 0)
      return undefined
    const arg = argv[i]!
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1]
  }
  const known = ['scale', 'seed', 'duration', 'only', 'no-peer', 'quiet-wait', 'cpu-prof', 'load-only', 'server-heap']
  for (const a of argv) {
    if (a.startsWith('--') && !known.includes(a.slice(2).split('=')[0]!))
      throw new Error(`Unknown option ${a}. Options: --scale <factor> (default 1), --seed <n>, --duration <seconds per run>, --only <scenario,...>, --no-peer, --quiet-wait <seconds> (default 15; 0: do not wait), --cpu-prof, --load-only, --server-heap <MB>`)
  }
  const scale = Number(value('scale') ?? '1')
  const seed = Number(value('seed') ?? '20251125')
  if (!(scale > 0 && scale <= 10))
    throw new Error(`--scale must be a number above 0 and at most 10 (got ${value('scale')})`)
  if (!Number.isInteger(seed))
    throw new Error(`--seed must be a whole number (got ${value('seed')})`)
  const duration = Number(value('duration') ?? (scale >= 0.5 ? '10' : '5'))
  if (!(duration >= 1 && duration <= 600))
    throw new Error(`--duration must be between 1 and 600 seconds (got ${value('duration')})`)
  const only = value('only')?.split(',').map(s => s.trim()).filter(Boolean) ?? null
  const quietWait = Number(value('quiet-wait') ?? '15')
  if (value('server-heap') && !(Number(value('server-heap')) >= 64))
    throw new Error(`--server-heap must be a number of MB, at least 64 (got ${value('server-heap')})`)
  if (!(quietWait >= 0))
    throw new Error(`--quiet-wait must be a number of seconds, 0 or more (got ${value('quiet-wait')})`)
  return { scale, seed, duration, only, peer: !argv.includes('--no-peer'), quietWait, cpuProf: argv.includes('--cpu-prof'), loadOnly: argv.includes('--load-only'), serverHeap: value('server-heap') ? Number(value('server-heap')) : null }
}

const log = (line: string) => console.log(line)
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

/** The Query and Mutation fields of the committed schema (server/schema.graphql). */
function schemaFields(): Set<string> {
  const schema = buildSchema(readFileSync(path.join(ROOT_DIR, 'server/schema.graphql'), 'utf8'))
  const fields = new Set<string>()
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const name of Object.keys(type?.getFields() ?? {}))
      fields.add(`${type!.name}.${name}`)
  }
  return fields
}

async function countDataset(db: Database): Promise<Record<string, number>> {
  const labels = ['Organization', 'Person', 'User', 'Law', 'LawVersion', 'Division', 'Article', 'Topic', 'Question', 'Quiz', 'Decision', 'DecisionCatalogue', 'StepRecord', 'Attempt', 'RuleSet', 'StepRule']
  const types = ['CONTAINS', 'CITES', 'TESTS', 'HAS_STEP', 'ANSWERED']
  const out: Record<string, number> = {}
  // Counts by label and type come from Neo4j's count store: one cheap query each.
  for (const label of labels) {
    const [row] = await db.read<{ n: number }>(`MATCH (n:${label}) RETURN count(n) AS n`)
    out[`(:${label})`] = row?.n ?? 0
  }
  for (const type of types) {
    const [row] = await db.read<{ n: number }>(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`)
    out[`[:${type}]`] = row?.n ?? 0
  }
  return out
}

async function sessionUser(db: Database, username: string): Promise<SessionUser> {
  const record = await findLoginRecord(db, username)
  if (!record)
    throw new Error(`demo account ${username} is missing (seedDemoUsers did not run?)`)
  return record.user
}

/** Probes a scenario: the first requests must answer without errors; returns round trips per request. */
async function probeScenario(url: string, call: GraphQLCall, n: number): Promise<{ trips: number[], error: string | null }> {
  const trips: number[] = []
  for (let k = 0; k < n; k++) {
    const i = nextRequest()
    const result = await probe(url, call.query, call.variables(i), call.headers?.(i))
    if (result.status !== 200 || result.body.errors?.length)
      return { trips, error: `HTTP ${result.status}: ${JSON.stringify(result.body.errors ?? result.body).slice(0, 400)}` }
    if (result.roundTrips !== null)
      trips.push(result.roundTrips)
  }
  return { trips, error: null }
}

/** Processes of the benchmark itself by role (this one, the servers, the embedded Neo4j), for the CPU watch. */
const ownPids: { bench: number[], server: number[], neo4j: number[] } = { bench: [process.pid], server: [], neo4j: [] }

function logRun(label: string, run: RunStats): void {
  const cpu = run.cpu ? `  cpu ${run.cpu.machine}% (others ${run.cpu.others}%; of one core: ${Object.entries(run.cpu.byRole).map(([k, v]) => `${k} ${v}%`).join(', ')})` : ''
  log(`    ${label.padEnd(8)} c=${String(run.connections).padEnd(2)} ${String(run.rps).padStart(7)} req/s  p50 ${run.p50.toFixed(1).padStart(6)}  p95 ${run.p95.toFixed(1).padStart(6)}  p99 ${run.p99.toFixed(1).padStart(6)} ms${cpu}${run.errors ? `  ${run.errors} errors: ${run.firstError}` : ''}`)
}

/** Share of the CPUs other processes may use for the machine to count as quiet, in %. */
const QUIET_OTHERS = 15
let quietWait = 15

/**
 * On a shared machine, waits (up to --quiet-wait seconds) until processes outside the benchmark use less
 * than QUIET_OTHERS % of the CPUs over a second, so a measurement is not someone else's build.
 */
async function waitForQuiet(): Promise<void> {
  if (quietWait <= 0)
    return
  const deadline = performance.now() + quietWait * 1000
  let waited = false
  for (;;) {
    const cpu = watchCpu(() => ownPids)
    await new Promise(resolve => setTimeout(resolve, 1000))
    const share = cpu.stop()
    if (!share || share.others < QUIET_OTHERS) {
      if (waited)
        log(`    (the machine is quiet again: others ${share?.others ?? '?'}%)`)
      return
    }
    if (performance.now() > deadline) {
      log(`    (other processes still use ${share.others}% of the CPUs after ${quietWait} s; measuring anyway)`)
      return
    }
    if (!waited)
      log(`    (waiting for other processes to calm down: they use ${share.others}% of the CPUs)`)
    waited = true
  }
}

async function watched(run: () => Promise<RunStats>): Promise<RunStats> {
  await waitForQuiet()
  const cpu = watchCpu(() => ownPids)
  const stats = await run()
  return { ...stats, cpu: cpu.stop() }
}

async function measureHttp(url: string, call: GraphQLCall, seconds: number, warmup: number, label: string): Promise<RunStats[]> {
  if (warmup > 0)
    await httpRun(url, call, 16, warmup)
  const runs: RunStats[] = []
  for (const connections of CONNECTIONS) {
    const run = await watched(() => httpRun(url, call, connections, seconds))
    logRun(label, run)
    runs.push(run)
  }
  return runs
}

async function measureLoop(work: (i: number) => Promise<unknown>, seconds: number, warmup: number): Promise<RunStats[]> {
  await loopRun(work, 16, warmup)
  const runs: RunStats[] = []
  for (const connections of CONNECTIONS) {
    const run = await watched(() => loopRun(work, connections, seconds))
    logRun('driver', run)
    runs.push(run)
  }
  return runs
}

function localDate(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export async function main(argv: string[]): Promise<void> {
  const wallStart = performance.now()
  const options = parseOptions(argv)
  const { scale, seed, duration } = options
  quietWait = options.quietWait
  const warmup = Math.max(1, Math.round(duration / 4))
  const notes: string[] = []
  log(`Xuefa benchmark: scale ${scale}, seed ${seed}, ${duration} s per run`)

  const dataDir = path.join(ROOT_DIR, `.data/bench/neo4j-${scale}`)
  const external = Boolean(process.env.NEO4J_URI)
  const config = loadConfig({
    ...process.env,
    NEO4J_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_PORT: String(await freePort()),
    NEO4J_EMBEDDED_HEAP: process.env.NEO4J_EMBEDDED_HEAP ?? '4g',
    NEO4J_EMBEDDED_PAGECACHE: process.env.NEO4J_EMBEDDED_PAGECACHE ?? '4g',
    JWT_SECRET: process.env.JWT_SECRET ?? JWT_SECRET,
  })
  log(external ? `database: ${config.NEO4J_URI}` : `database: embedded Neo4j in ${path.relative(ROOT_DIR, dataDir)}`)
  const lawCorpusDir = process.env.LAW_CORPUS_DIR ?? (existsSync(path.resolve(ROOT_DIR, '../shared/laws')) ? path.resolve(ROOT_DIR, '../shared/laws') : undefined)
  const passwordHash = await hashPassword('xuefa-bench')
  const open = async (): Promise<Runtime> => {
    const rt = await openRuntime(config)
    if (rt.embedded)
      ownPids.neo4j = [rt.embedded.pid]
    return rt
  }
  /** Reference data (as at every start), demo accounts, then the generated dataset if absent. */
  const prepare = async (db: Database): Promise<LoadReport> => {
    const t = performance.now()
    await seedReferenceData(db, { lawCorpusDir })
    await seedOrganizations(db)
    await seedDemoUsers(db)
    log(`reference data and demo users ready in ${((performance.now() - t) / 1000).toFixed(1)} s${lawCorpusDir ? ` (corpus ${lawCorpusDir})` : ' (no law corpus: LAW_CORPUS_DIR unset)'}`)
    log('dataset:')
    return loadBenchDataset(db, { scale, seed, passwordHash, log })
  }
  let runtime: Runtime = await open()
  let load: LoadReport
  try {
    load = await prepare(runtime.db)
  }
  catch (error) {
    await runtime.close()
    if (!(error instanceof OutdatedDatasetError))
      throw error
    if (!runtime.embedded)
      throw new Error(`${error.message} Remove the bench data from that database (nodes with synthetic: true, and the BenchDataset node) or use another database.`)
    log(`${error.message} Deleting ${path.relative(ROOT_DIR, dataDir)} and loading it again.`)
    rmSync(dataDir, { recursive: true, force: true })
    runtime = await open()
    load = await prepare(runtime.db)
  }
  log(load.loaded ? `  loaded in ${(load.totalMs / 1000).toFixed(1)} s` : `  already loaded (${load.loadedAt})`)
  const servers: ServerProcess[] = []
  try {
    const db = runtime.db
    const uri = runtime.embedded?.uri ?? config.NEO4J_URI!
    const info = await db.serverInfo()
    const dataset = await countDataset(db)
    if (options.loadOnly) {
      for (const [k, v] of Object.entries(dataset))
        log(`  ${k.padEnd(22)} ${v}`)
      return
    }

    const plan = makePlan(scale, seed)
    const key = new TextEncoder().encode(config.JWT_SECRET!)
    const token = async (user: SessionUser) => (await issueToken(user, key, 24 * 60)).token
    const actorOf = async (username: string) => {
      const user = await sessionUser(db, username)
      return { user, token: await token(user) }
    }
    const actors: Actors = {
      admin: await actorOf('admin'),
      advisor: await actorOf('advisor'),
      trainer: await actorOf('trainer'),
      cadre: await actorOf('cadre'),
      users: await Promise.all(userRows(plan).slice(0, 200).map(async (u, i) => {
        const person = personRows(plan, i, i + 1)[0]!
        const user: SessionUser = { id: u.id, username: u.username, personId: u.personId, roles: [Role.CADRE], organizationIds: [person.organizationId, ...person.advises] }
        return { user, token: await token(user) }
      })),
    }

    const serverEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      XUEFA_BENCH: '1',
      NEO4J_URI: uri,
      NEO4J_USER: runtime.embedded?.user ?? config.NEO4J_USER,
      NEO4J_PASSWORD: runtime.embedded?.password ?? config.NEO4J_PASSWORD,
      NEO4J_DATABASE: config.NEO4J_DATABASE,
      JWT_SECRET: config.JWT_SECRET!,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    }
    const profiles = path.join(BENCH_DIR, 'results/profiles')
    const app = await startServerProcess('app', serverEnv, [
      ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []),
      ...(options.serverHeap ? [`--max-old-space-size=${options.serverHeap}`] : []),
    ])
    if (options.cpuProf)
      log(`CPU profile of the API server goes to ${path.relative(ROOT_DIR, profiles)} when it stops`)
    servers.push(app)
    ownPids.server.push(app.pid)
    const startMemory = await app.memory()
    log(`API server (pid ${app.pid}) on ${app.url}, RSS ${mb(startMemory.rss)} MB at start`)
    let memoryPeak = startMemory
    const notePeak = (m: NodeJS.MemoryUsage) => {
      if (m.rss > memoryPeak.rss)
        memoryPeak = m
    }

    let peer: ServerProcess | null = null
    let peerError: string | null = options.peer ? null : 'not run (--no-peer)'
    if (options.peer) {
      try {
        peer = await startServerProcess('peer', serverEnv)
        servers.push(peer)
        ownPids.server.push(peer.pid)
        log(`@neo4j/graphql peer (pid ${peer.pid}) on ${peer.url}`)
      }
      catch (error) {
        peerError = `@neo4j/graphql could not start: ${error instanceof Error ? error.message : String(error)}`
        log(peerError)
      }
    }

    const available = schemaFields()
    const results: ScenarioResult[] = []
    const tag = Date.now().toString(36)
    const runStart = new Date().toISOString()
    // What an interrupted run may have left (attempts, submissions, review cards).
    await removeRunAttempts(db, null, '2000-01-01T00:00:00Z')
    for (const scenario of scenarios(plan, db, actors, tag)) {
      if (options.only && !options.only.includes(scenario.name))
        continue
      results.push(await runScenario(scenario))
    }

    async function runScenario(s: Scenario): Promise<ScenarioResult> {
      const result: ScenarioResult = {
        name: s.name,
        title: s.title,
        note: s.note ?? null,
        skipped: null,
        read: s.read,
        hasPeer: Boolean(s.peer),
        expectedRoundTrips: s.expectedRoundTrips ?? 1,
        roundTrips: null,
        latency: s.latency,
        app: [],
        floor: [],
        floorRoundTrips: null,
        peer: [],
        peerSkipped: s.peer ? peerError : 'no equivalent in @neo4j/graphql',
        rssPeakMb: null,
      }
      log(`scenario ${s.name}: ${s.title}`)
      const missing = s.requires.filter(f => !available.has(f))
      if (missing.length > 0) {
        result.skipped = `${missing.join(', ')} not in server/schema.graphql yet`
        log(`  skipped: ${result.skipped}`)
        return result
      }
      await s.prepare?.()
      const first = nextRequest()
      // Warm up first, so the round trips counted are those of the steady state (caches filled).
      await httpRun(app.url, s.call, 16, warmup)
      const probed = await probeScenario(app.url, s.call, 10)
      if (probed.error) {
        result.skipped = `the API answered with an error: ${probed.error}`
        log(`  skipped: ${result.skipped}`)
        return result
      }
      if (probed.trips.length > 0) {
        result.roundTrips = {
          min: Math.min(...probed.trips),
          max: Math.max(...probed.trips),
          mean: Math.round(probed.trips.reduce((a, b) => a + b, 0) / probed.trips.length * 100) / 100,
        }
      }
      log(`  round trips per request: ${result.roundTrips ? `${result.roundTrips.min}–${result.roundTrips.max}` : 'no x-db-round-trips header'}`)
      const sampler = sampleRss(app.memory)
      result.app = await measureHttp(app.url, s.call, duration, 0, 'xuefa')
      const peak = await sampler.stop()
      notePeak(peak)
      result.rssPeakMb = mb(peak.rss)
      if (s.floor) {
        const floor = s.floor
        // The second call counts (the first may fill a per-process cache, as the rule sets are).
        await floor(nextRequest())
        await withRoundTripCounter(async () => {
          await floor(nextRequest())
          result.floorRoundTrips = currentRoundTrips()
        })
        result.floor = await measureLoop(floor, duration, warmup)
      }
      const used = nextRequest() - first
      if (s.capacity && used > s.capacity)
        result.note = `${result.note ?? ''} This run made ${used} requests, more than the ${s.capacity} it had fresh data for: the rest repeated earlier ones.`.trim()
      if (s.peer && peer) {
        const first = await probe(peer.url, s.peer.query, s.peer.variables(0))
        const data = first.body.data as Record<string, unknown[]> | undefined
        if (first.status !== 200 || first.body.errors?.length)
          result.peerSkipped = `@neo4j/graphql answered with an error: ${JSON.stringify(first.body.errors ?? first.body).slice(0, 300)}`
        else if (!data || Object.values(data).every(v => Array.isArray(v) && v.length === 0))
          result.peerSkipped = '@neo4j/graphql found nothing for the first request'
        else
          result.peer = await measureHttp(peer.url, s.peer, duration, warmup, 'peer')
        if (result.peerSkipped)
          log(`  peer: ${result.peerSkipped}`)
      }
      return result
    }

    // The HTTP + GraphQL floors: { __typename } on Xuefa's server and on a bare Apollo Server.
    const floors: BenchResults['floors'] = []
    if (!options.only || options.only.includes('typename')) {
      log('scenario typename: { __typename } (HTTP + GraphQL floor)')
      const sampler = sampleRss(app.memory)
      const appRuns = await measureHttp(app.url, TYPENAME, duration, warmup, 'xuefa')
      const peak = await sampler.stop()
      notePeak(peak)
      floors.push({ name: 'typename', title: 'xuefa', runs: appRuns, rssPeakMb: mb(peak.rss) })
      const trivial = await startServerProcess('trivial', serverEnv)
      servers.push(trivial)
      ownPids.server.push(trivial.pid)
      const trivialRuns = await measureHttp(trivial.url, TYPENAME, duration, warmup, 'apollo')
      floors.push({ name: 'typename', title: 'bare Apollo', runs: trivialRuns, rssPeakMb: mb((await trivial.memory()).rss) })
      await trivial.stop()
    }
    notePeak(await app.memory())
    const afterGc = await app.memory(true)
    await app.stop()
    await peer?.stop()
    const removed = await removeRunAttempts(db, tag, runStart)
    if (removed > 0)
      log(`removed the ${removed} attempts the write scenarios made`)

    // The law feature's import of the whole corpus, on this database (forced: every file is written again).
    let lawImport: BenchResults['lawImport'] = null
    let lawImportSkipped: string | null = null
    if (options.only && !options.only.includes('import')) {
      lawImportSkipped = 'not selected (--only)'
    }
    else if (!lawCorpusDir) {
      lawImportSkipped = 'no law corpus: set LAW_CORPUS_DIR'
    }
    else {
      log('law import of the whole corpus (forced re-import)')
      const t0 = performance.now()
      const cpu = watchCpu(() => ownPids)
      const imported = await seedLawLibrary(db, { corpus: lawCorpusDir, force: true })
      const ms = Math.round(performance.now() - t0)
      lawImport = { ms, files: listLawFiles(lawCorpusDir).length, articles: imported.reports.reduce((n, r) => n + r.articles, 0), corpusDir: lawCorpusDir, cpu: cpu.stop() }
      log(`  ${lawImport.files} files, ${lawImport.articles} articles in ${(ms / 1000).toFixed(2)} s${imported.failures.length ? `; ${imported.failures.length} refused` : ''}`)
      if (imported.failures.length > 0)
        notes.push(`Law import refused ${imported.failures.map(f => f.fileName).join(', ')}.`)
    }

    const partial: Omit<BenchResults, 'targets'> = {
      date: localDate(),
      scale,
      seed,
      durationSec: duration,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        neo4j: `${info.version} ${info.edition}`,
        database: external ? 'NEO4J_URI' : `embedded, heap ${config.NEO4J_EMBEDDED_HEAP}, page cache ${config.NEO4J_EMBEDDED_PAGECACHE}`,
        serverHeapMb: options.serverHeap,
      },
      dataset,
      load,
      scenarios: results,
      floors,
      lawImport,
      lawImportSkipped,
      rssPeakMb: mb(memoryPeak.rss),
      memory: {
        startRssMb: mb(startMemory.rss),
        peakRssMb: mb(memoryPeak.rss),
        heapUsedMbAtPeak: mb(memoryPeak.heapUsed),
        heapTotalMbAtPeak: mb(memoryPeak.heapTotal),
        externalMbAtPeak: mb(memoryPeak.external),
        rssAfterGcMb: mb(afterGc.rss),
        heapUsedAfterGcMb: mb(afterGc.heapUsed),
      },
      notes,
      wallClockSec: 0,
    }
    partial.wallClockSec = Math.round((performance.now() - wallStart) / 1000)
    const full: BenchResults = { ...partial, targets: evaluateTargets(partial) }
    const files = writeResults(path.join(BENCH_DIR, 'results'), full, options.only)
    const missed = full.targets.filter(x => !x.pass)
    log('')
    for (const target of full.targets)
      log(`${target.pass ? '✅' : '❌'} ${target.target}: ${target.actual}${target.note ? ` — ${target.note}` : ''}`)
    log('')
    log(missed.length === 0 ? 'All targets met.' : `${missed.length} of ${full.targets.length} targets missed.`)
    log(`results: ${path.relative(ROOT_DIR, files.md)}, ${path.relative(ROOT_DIR, files.json)} (${full.wallClockSec} s)`)
  }
  finally {
    for (const server of servers)
      await server.stop().catch(() => {})
    await runtime.close()
  }
}
