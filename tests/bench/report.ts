import type { LoadReport } from './load'
import type { CpuShare, RunStats } from './measure'
import type { LatencyTarget } from './scenarios'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** What one scenario measured. */
export interface ScenarioResult {
  name: string
  title: string
  note: string | null
  /** Why it did not run (a query not in the schema yet, or an error on the first requests). */
  skipped: string | null
  read: boolean
  /** The scenario has an @neo4j/graphql equivalent. */
  hasPeer: boolean
  expectedRoundTrips: number
  /** Round trips per request from the `x-db-round-trips` header over the probe requests. */
  roundTrips: { min: number, max: number, mean: number } | null
  latency: LatencyTarget[]
  app: RunStats[]
  floor: RunStats[]
  /** Round trips of the floor (the repository function alone) per call. */
  floorRoundTrips: number | null
  peer: RunStats[]
  peerSkipped: string | null
  /** Peak RSS of the API server process while this scenario ran, in MB. */
  rssPeakMb: number | null
}

export interface TargetResult {
  target: string
  actual: string
  pass: boolean
  note: string | null
}

export interface BenchResults {
  date: string
  scale: number
  seed: number
  durationSec: number
  machine: { cpus: number, cpuModel: string, memoryGb: number, node: string, neo4j: string, database: string, serverHeapMb: number | null }
  dataset: Record<string, number>
  load: LoadReport
  scenarios: ScenarioResult[]
  floors: { name: string, title: string, runs: RunStats[], rssPeakMb: number | null }[]
  lawImport: { ms: number, files: number, articles: number, corpusDir: string, cpu: CpuShare | null } | null
  lawImportSkipped: string | null
  rssPeakMb: number
  /** The API server's memory: RSS at start and at its peak, with the V8 heap at that moment. */
  memory: { startRssMb: number, peakRssMb: number, heapUsedMbAtPeak: number, heapTotalMbAtPeak: number, externalMbAtPeak: number, rssAfterGcMb: number, heapUsedAfterGcMb: number }
  targets: TargetResult[]
  notes: string[]
  wallClockSec: number
}

const RSS_LIMIT_MB = 300
const IMPORT_LIMIT_MS = 10_000
const FLOOR_RATIO = 0.7
const PEER_RATIO = 1.0

function at(runs: RunStats[], connections: number): RunStats | undefined {
  return runs.find(r => r.connections === connections)
}

/** Every target of the issue with its measured value, ✅ or ❌. */
export function evaluateTargets(results: Omit<BenchResults, 'targets'>): TargetResult[] {
  const out: TargetResult[] = []
  for (const s of results.scenarios) {
    if (s.skipped) {
      out.push({ target: `${s.name}: runs`, actual: 'skipped', pass: false, note: s.skipped })
      continue
    }
    if (s.read) {
      const trips = s.roundTrips
      out.push({
        target: `${s.name}: one database round trip per request`,
        actual: trips ? (trips.min === trips.max ? `${trips.max}` : `${trips.min}–${trips.max}`) : 'unknown',
        pass: trips !== null && trips.max <= 1,
        note: trips && trips.max > 1 && s.expectedRoundTrips > 1 ? `${s.expectedRoundTrips} by design: ${s.note ?? ''}` : null,
      })
    }
    for (const t of s.latency) {
      const run = at(s.app, t.connections)
      const value = run?.[t.metric]
      out.push({
        target: `${s.name}: ${t.metric} < ${t.ms} ms at ${t.connections} connection${t.connections > 1 ? 's' : ''}`,
        actual: value === undefined ? 'not measured' : `${value.toFixed(1)} ms`,
        pass: value !== undefined && value < t.ms && (run?.errors ?? 1) === 0,
        note: run && run.errors > 0 ? `${run.errors} errors: ${run.firstError}` : null,
      })
    }
    const app16 = at(s.app, 16)
    const floor16 = at(s.floor, 16)
    // The ratios are targets for reads; for writes the table shows them for information.
    if (s.read && app16 && floor16) {
      const ratio = app16.rps / floor16.rps
      out.push({
        target: `${s.name}: ≥ ${FLOOR_RATIO}× the raw driver at 16 connections`,
        actual: `${ratio.toFixed(2)}× (${app16.rps} vs ${floor16.rps} req/s)`,
        pass: ratio >= FLOOR_RATIO,
        note: null,
      })
    }
    const peer16 = at(s.peer, 16)
    if (app16 && peer16) {
      const ratio = app16.rps / peer16.rps
      out.push({
        target: `${s.name}: ≥ ${PEER_RATIO}× @neo4j/graphql at 16 connections`,
        actual: `${ratio.toFixed(2)}× (${app16.rps} vs ${peer16.rps} req/s)`,
        pass: ratio >= PEER_RATIO && peer16.errors === 0,
        note: peer16.errors > 0 ? `peer errors: ${peer16.firstError}` : null,
      })
    }
    else if (app16 && s.hasPeer && s.peerSkipped && !s.peerSkipped.includes('--no-peer')) {
      out.push({ target: `${s.name}: ≥ ${PEER_RATIO}× @neo4j/graphql at 16 connections`, actual: 'peer not run', pass: false, note: s.peerSkipped })
    }
  }
  out.push({
    target: `API server RSS < ${RSS_LIMIT_MB} MB`,
    actual: `${results.rssPeakMb} MB peak`,
    pass: results.rssPeakMb < RSS_LIMIT_MB,
    note: `${results.memory.startRssMb} MB at start; at the peak the V8 heap held ${results.memory.heapUsedMbAtPeak} MB used of ${results.memory.heapTotalMbAtPeak} MB (external ${results.memory.externalMbAtPeak} MB); after the run and a full GC: RSS ${results.memory.rssAfterGcMb} MB, heap ${results.memory.heapUsedAfterGcMb} MB used. The server runs under tsx, as \`npm start\` does.`,
  })
  if (results.lawImportSkipped?.includes('--only'))
    return out
  out.push(results.lawImport
    ? {
        target: `law import of the whole corpus < ${IMPORT_LIMIT_MS / 1000} s`,
        actual: `${(results.lawImport.ms / 1000).toFixed(1)} s (${results.lawImport.files} files)`,
        pass: results.lawImport.ms < IMPORT_LIMIT_MS,
        note: null,
      }
    : { target: `law import of the whole corpus < ${IMPORT_LIMIT_MS / 1000} s`, actual: 'not run', pass: false, note: results.lawImportSkipped })
  return out
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(1))

function runRow(label: string, kind: string, run: RunStats, extra: { trips?: string, ratioFloor?: string, ratioPeer?: string, rss?: string }): string {
  const cpu = run.cpu ? `${run.cpu.machine} (${run.cpu.others}) · ${run.cpu.byRole.bench ?? 0}/${run.cpu.byRole.server ?? 0}/${run.cpu.byRole.neo4j ?? 0}` : ''
  return `| ${label} | ${kind} | ${run.connections} | ${run.rps} | ${ms(run.p50)} | ${ms(run.p95)} | ${ms(run.p99)} | ${run.errors} | ${extra.trips ?? ''} | ${extra.ratioFloor ?? ''} | ${extra.ratioPeer ?? ''} | ${extra.rss ?? ''} | ${cpu} |`
}

/** Every measured run, for the disturbance summary. */
function allRuns(r: BenchResults): RunStats[] {
  return [...r.scenarios.flatMap(s => [...s.app, ...s.floor, ...s.peer]), ...r.floors.flatMap(f => f.runs)]
}

export function markdown(r: BenchResults): string {
  const lines: string[] = []
  const missed = r.targets.filter(t => !t.pass)
  lines.push(`# Xuefa benchmark — ${r.date}, scale ${r.scale}`)
  lines.push('')
  lines.push(`Seed ${r.seed}; ${r.durationSec} s per run; ${r.machine.cpus} CPU (${r.machine.cpuModel}), ${r.machine.memoryGb} GB RAM; Node ${r.machine.node}; Neo4j ${r.machine.neo4j} (${r.machine.database})${r.machine.serverHeapMb ? `; API server with --max-old-space-size=${r.machine.serverHeapMb}` : ''}.`)
  lines.push('Load generator (autocannon), API server (its own process) and Neo4j share the same machine over loopback, so every number includes their competition for the CPUs.')
  lines.push(`Whole run: ${Math.round(r.wallClockSec)} s.`)
  lines.push('')
  const others = allRuns(r).map(run => run.cpu?.others ?? 0)
  if (others.length > 0) {
    const worst = Math.max(...others)
    const mean = Math.round(others.reduce((a, b) => a + b, 0) / others.length)
    lines.push(worst >= 10
      ? `**The machine was shared:** processes outside the benchmark used ${mean}% of the CPUs on average during the runs (up to ${worst}%), so these numbers are pessimistic; the CPU column shows it per run.`
      : `Processes outside the benchmark used at most ${worst}% of the CPUs during the runs.`)
  }
  lines.push('')
  lines.push(missed.length === 0 ? '**All targets met.**' : `**${missed.length} of ${r.targets.length} targets missed:** ${missed.map(t => t.target).join('; ')}.`)
  lines.push('')
  lines.push('## Targets')
  lines.push('')
  lines.push('| | target | measured | note |')
  lines.push('|---|---|---|---|')
  for (const t of r.targets)
    lines.push(`| ${t.pass ? '✅' : '❌'} | ${t.target} | ${t.actual} | ${(t.note ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`)
  lines.push('')
  lines.push('## Throughput and latency')
  lines.push('')
  lines.push('Latencies in ms. *xuefa*: the API over HTTP; *driver*: the repository function with its Cypher called directly (no HTTP, no GraphQL); *peer*: @neo4j/graphql on the same HTTP stack (no auth). Ratios are xuefa req/s over driver or peer req/s at the same concurrency. CPU: share of all CPUs busy, in brackets the share used by processes outside the benchmark; then the CPU time of the load generator (or floor loop), the server and Neo4j, each in % of one core.')
  lines.push('')
  lines.push('| scenario | server | conns | req/s | p50 | p95 | p99 | errors | round trips | × driver | × peer | RSS peak MB | CPU % (others) · bench/server/neo4j % of a core |')
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const s of r.scenarios) {
    if (s.skipped) {
      lines.push(`| ${s.name} | skipped: ${s.skipped.replace(/\|/g, '\\|')} | | | | | | | | | | | |`)
      continue
    }
    const trips = s.roundTrips ? (s.roundTrips.min === s.roundTrips.max ? `${s.roundTrips.max}` : `${s.roundTrips.min}–${s.roundTrips.max}`) : '?'
    for (const run of s.app) {
      const floor = at(s.floor, run.connections)
      const peer = at(s.peer, run.connections)
      lines.push(runRow(s.name, 'xuefa', run, {
        trips,
        ratioFloor: floor ? `${(run.rps / floor.rps).toFixed(2)}` : '',
        ratioPeer: peer ? `${(run.rps / peer.rps).toFixed(2)}` : '',
        rss: s.rssPeakMb === null ? '' : String(s.rssPeakMb),
      }))
    }
    for (const run of s.floor)
      lines.push(runRow(s.name, 'driver', run, { trips: s.floorRoundTrips === null ? '' : String(s.floorRoundTrips) }))
    for (const run of s.peer)
      lines.push(runRow(s.name, 'peer', run, {}))
    if (s.hasPeer && s.peerSkipped && s.peer.length === 0)
      lines.push(`| ${s.name} | peer: ${s.peerSkipped.replace(/\|/g, '\\|')} | | | | | | | | | | | |`)
  }
  for (const f of r.floors) {
    for (const run of f.runs)
      lines.push(runRow(f.name, f.title, run, { rss: f.rssPeakMb === null ? '' : String(f.rssPeakMb) }))
  }
  lines.push('')
  const notes = r.scenarios.filter(s => s.note && !s.skipped)
  if (notes.length > 0 || r.notes.length > 0) {
    lines.push('Notes:')
    for (const s of notes)
      lines.push(`- ${s.name}: ${s.note}`)
    for (const n of r.notes)
      lines.push(`- ${n}`)
    lines.push('')
  }
  lines.push('## Law import')
  lines.push('')
  lines.push(r.lawImport
    ? `Whole corpus (${r.lawImport.files} files, ${r.lawImport.articles} articles, forced re-import through seedLawLibrary, on the bench database): ${(r.lawImport.ms / 1000).toFixed(2)} s${r.lawImport.cpu ? ` (CPU ${r.lawImport.cpu.machine}%, others ${r.lawImport.cpu.others}%)` : ''}.`
    : `Not run: ${r.lawImportSkipped}`)
  lines.push('')
  lines.push('## Dataset')
  lines.push('')
  lines.push(r.load.loaded
    ? `Generated and loaded by this run in ${(r.load.totalMs / 1000).toFixed(1)} s.`
    : `Already loaded (at ${r.load.loadedAt}, in ${(r.load.totalMs / 1000).toFixed(1)} s); load times below are from then.`)
  lines.push('')
  lines.push('| part | labels and relationships | rows | seconds | rows/s |')
  lines.push('|---|---|---|---|---|')
  for (const p of r.load.parts)
    lines.push(`| ${p.part} | ${p.labels} | ${p.rows} | ${(p.ms / 1000).toFixed(1)} | ${p.ms > 0 ? Math.round(p.rows / (p.ms / 1000)) : '–'} |`)
  lines.push('')
  lines.push('In the database now:')
  lines.push('')
  lines.push('| count | n |')
  lines.push('|---|---|')
  for (const [k, v] of Object.entries(r.dataset))
    lines.push(`| ${k} | ${v} |`)
  lines.push('')
  return `${lines.join('\n')}\n`
}

/**
 * Writes `<dir>/<date>-scale<scale>.json` and `.md` (a partial run, `--only`, gets `-only-<names>` so it
 * never replaces a complete one); returns their paths.
 */
export function writeResults(dir: string, results: BenchResults, only: string[] | null = null): { json: string, md: string } {
  mkdirSync(dir, { recursive: true })
  const base = path.join(dir, `${results.date}-scale${results.scale}${only ? `-only-${only.join('-')}` : ''}`)
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(`${base}.md`, markdown(results))
  return { json: `${base}.json`, md: `${base}.md` }
}
