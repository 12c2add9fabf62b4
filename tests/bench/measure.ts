import type { ChildProcess } from 'node:child_process'
import { fork } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

/** What one measured run gives. */
export interface RunStats {
  connections: number
  durationSec: number
  requests: number
  /** Requests per second. */
  rps: number
  p50: number
  p95: number
  p99: number
  max: number
  /** Transport errors, non-200 answers and answers with GraphQL `errors`. */
  errors: number
  /** First error seen, to say what went wrong. */
  firstError: string | null
  /** CPU use during the run (Linux), to tell when other work on the machine disturbed it. */
  cpu?: CpuShare | null
}

/** The q-th quantile (0–1) of sorted values, in ms with two decimals. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0)
    return Number.NaN
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return Math.round(sorted[at]! * 100) / 100
}

function summarize(latencies: number[], connections: number, seconds: number, errors: number, firstError: string | null): RunStats {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    connections,
    durationSec: Math.round(seconds * 100) / 100,
    requests: latencies.length,
    rps: Math.round(latencies.length / seconds * 10) / 10,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: quantile(sorted, 1),
    errors,
    firstError,
  }
}

/**
 * Number of the next request, over the whole benchmark (warm-ups, probes, runs and floors): a write
 * scenario that must not repeat an id (an attempt to submit) takes a fresh one for every request.
 */
let sequence = 0
export function nextRequest(): number {
  return sequence++
}

/** One GraphQL request as the load generator sends it. */
export interface GraphQLCall {
  query: string
  variables: (i: number) => Record<string, unknown>
  headers?: (i: number) => Record<string, string>
}

/**
 * Runs autocannon against `${url}/graphql` for `seconds` with `connections` connections (no pipelining),
 * each request built by `call` with the request number (so ids vary per request). Latencies are taken
 * from every response, so the percentiles are exact (autocannon's own histogram has no p95).
 */
export async function httpRun(url: string, call: GraphQLCall, connections: number, seconds: number): Promise<RunStats> {
  let errors = 0
  let firstError: string | null = null
  const latencies: number[] = []
  const fail = (message: string) => {
    errors++
    firstError ??= message
  }
  const started = performance.now()
  const instance = autocannon({
    url: `${url}/graphql`,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        const i = nextRequest()
        return {
          ...request,
          headers: { 'content-type': 'application/json', ...call.headers?.(i) },
          body: JSON.stringify({ query: call.query, variables: call.variables(i) }),
        }
      },
      onResponse: (status, body) => {
        if (status !== 200)
          fail(`HTTP ${status}: ${body.slice(0, 300)}`)
        else if (body.startsWith('{"errors"') || body.includes('"errors":['))
          fail(body.slice(0, 300))
      },
    }],
  })
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  instance.on('reqError', error => fail(String(error)))
  await instance
  return summarize(latencies, connections, (performance.now() - started) / 1000, errors, firstError)
}

/**
 * The same work called directly `connections` at a time for `seconds` (the driver floor: the
 * repository function with its hand-written Cypher, no HTTP, no GraphQL).
 */
export async function loopRun(work: (i: number) => Promise<unknown>, connections: number, seconds: number): Promise<RunStats> {
  let errors = 0
  let firstError: string | null = null
  const latencies: number[] = []
  const started = performance.now()
  const end = started + seconds * 1000
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const t = performance.now()
      try {
        await work(nextRequest())
        latencies.push(performance.now() - t)
      }
      catch (error) {
        errors++
        firstError ??= String(error)
      }
    }
  }))
  return summarize(latencies, connections, (performance.now() - started) / 1000, errors, firstError)
}

/** A GraphQL request over plain fetch, returning the body, status and the round-trip header. */
export async function probe(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number, body: { data?: unknown, errors?: { message: string }[] }, roundTrips: number | null }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const header = response.headers.get('x-db-round-trips')
  return { status: response.status, body: await response.json() as never, roundTrips: header === null ? null : Number(header) }
}

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))

/** A server under test in its own process (tests/bench/server.ts). */
export interface ServerProcess {
  url: string
  pid: number
  /** The server process's process.memoryUsage() (rss: resident set size, in bytes); `gc`: after a full GC. */
  memory: (gc?: boolean) => Promise<NodeJS.MemoryUsage>
  stop: () => Promise<void>
}

export async function startServerProcess(mode: 'app' | 'peer' | 'trivial', env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child: ChildProcess = fork(path.join(BENCH_DIR, 'server.ts'), [mode], {
    execArgv: [...nodeArgs, '--expose-gc', '--import', 'tsx', '--import', 'reflect-metadata'],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let nextId = 0
  const waiting = new Map<number, (memory: NodeJS.MemoryUsage) => void>()
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', code => reject(new Error(`the ${mode} server exited with code ${code} before it was ready`)))
    child.on('message', (message: { type: string, url?: string, id?: number, memory?: NodeJS.MemoryUsage }) => {
      if (message.type === 'ready')
        resolve(message.url!)
      else if (message.type === 'rss')
        waiting.get(message.id!)?.(message.memory!)
    })
  })
  child.removeAllListeners('exit')
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  return {
    url,
    pid: child.pid!,
    memory: (gc = false) => new Promise<NodeJS.MemoryUsage>((resolve) => {
      const id = nextId++
      waiting.set(id, (memory) => {
        waiting.delete(id)
        resolve(memory)
      })
      child.send({ type: 'rss', id, gc })
    }),
    stop: async () => {
      if (child.exitCode === null) {
        child.send({ type: 'stop' })
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
    },
  }
}

/** Samples `memory()` every `everyMs` until stopped; returns the sample with the highest RSS. */
export function sampleRss(memory: (gc?: boolean) => Promise<NodeJS.MemoryUsage>, everyMs = 250): { stop: () => Promise<NodeJS.MemoryUsage> } {
  let peak: NodeJS.MemoryUsage | null = null
  const take = async () => {
    const m = await memory()
    if (!peak || m.rss > peak.rss)
      peak = m
  }
  const state = { running: true }
  const loop = (async () => {
    while (state.running) {
      await take()
      await new Promise(resolve => setTimeout(resolve, everyMs))
    }
  })()
  return {
    stop: async () => {
      state.running = false
      await loop
      await take()
      return peak!
    },
  }
}

/**
 * Starts tracking a process's peak RSS from the process itself (Linux: resets its high-water mark VmHWM
 * through /proc/<pid>/clear_refs, then reads it), so measuring costs the process nothing, unlike asking it
 * over IPC. `stop()` gives the peak in bytes since the start; null where /proc does not allow it.
 */
export function trackPeakRss(pid: number): { stop: () => number } | null {
  const read = (): number | null => {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : null
  }
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    const start = read()
    return start === null ? null : { stop: () => read() ?? start }
  }
  catch {
    return null
  }
}

/** Busy and total jiffies of the whole machine (Linux /proc/stat). */
function machineTicks(): { busy: number, total: number } | null {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
  const v = line.trim().split(/\s+/).slice(1).map(Number)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0)
  return { busy: total - idle, total }
}

/** utime + stime of a process (with its threads) in jiffies. */
function processTicks(pid: number): number {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  }
  catch {
    return 0
  }
  // Fields after the command name (which may contain spaces) start at ") ".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/**
 * CPU time a process has used (all its threads, or those whose name matches `threads`), in ms, to the
 * microsecond (Linux /proc/<pid>/task/<tid>/schedstat, in ns); null where that is not available. For
 * spans too short for the 10 ms ticks of /proc/<pid>/stat.
 */
export function processCpuMs(pid: number, threads?: RegExp): number | null {
  try {
    let ns = 0
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        if (!threads || threads.test(readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8')))
          ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      }
      catch {} // the thread ended meanwhile
    }
    return Number.isFinite(ns) ? ns / 1e6 : null
  }
  catch {
    return null
  }
}

/** CPU time a JVM's JIT compiler threads (HotSpot's "C1/C2 CompilerThread…") have used, in ms (Linux). */
export function compilerCpuMs(pid: number): number | null {
  return processCpuMs(pid, /CompilerThre/)
}

/** CPU use while something runs: of the whole machine, of processes outside the benchmark, and per role. */
export interface CpuShare {
  /** Share of all CPUs busy, in %. */
  machine: number
  /** Share of all CPUs used by processes other than the benchmark, its servers and its Neo4j, in %. */
  others: number
  /** CPU time of each of the benchmark's own processes (bench = load generator or floor loop, server, neo4j), in % of one CPU. */
  byRole: Record<string, number>
}

/** Starts watching CPU use; `stop()` gives the shares since. Null where /proc is not available. */
export function watchCpu(roles: () => Record<string, number[]>): { stop: () => CpuShare | null } {
  if (!existsSync('/proc/stat'))
    return { stop: () => null }
  const ticks = () => Object.fromEntries(Object.entries(roles()).map(([role, pids]) => [role, pids.reduce((n, pid) => n + processTicks(pid), 0)]))
  const cpus = cpus_()
  const m0 = machineTicks()!
  const r0 = ticks()
  return {
    stop: () => {
      const m1 = machineTicks()!
      const total = m1.total - m0.total
      if (total <= 0)
        return null
      const busy = m1.busy - m0.busy
      const r1 = ticks()
      const byRole = Object.fromEntries(Object.entries(r1).map(([role, t]) => [role, Math.round((t - (r0[role] ?? 0)) / (total / cpus) * 100)]))
      const own = Object.entries(r1).reduce((n, [role, t]) => n + t - (r0[role] ?? 0), 0)
      return { machine: Math.round(busy / total * 100), others: Math.max(0, Math.round((busy - own) / total * 100)), byRole }
    },
  }
}

function cpus_(): number {
  return Math.max(1, readFileSync('/proc/stat', 'utf8').split('\n').filter(l => /^cpu\d/.test(l)).length)
}
