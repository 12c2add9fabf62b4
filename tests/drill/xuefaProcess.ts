import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { SERVER_BUNDLE } from '../../server/src/build/serverBundle'
import { ROOT_DIR } from '../../server/src/config'

/** A Xuefa server in its own process, started as `npm start` starts it (the compiled bundle). */
export interface XuefaProcess {
  url: string
  pid: number
  /** The pid of the embedded Neo4j it runs now (updated when it restarts one). */
  neo4jPid: () => number
  /** Log lines (JSON) seen so far. */
  logs: { msg?: string, time: number, [key: string]: unknown }[]
  /** Resolves when a log line matches. */
  waitForLog: (match: (line: { msg?: string, [key: string]: unknown }) => boolean, timeoutMs: number) => Promise<{ msg?: string, time: number, [key: string]: unknown }>
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  child: ChildProcessWithoutNullStreams
}

/** Starts `node server/dist/main.js` with `env` and resolves when it says it is ready. */
export async function startXuefa(env: Record<string, string>, timeoutMs = 900_000): Promise<XuefaProcess> {
  const child = spawn(process.execPath, [SERVER_BUNDLE], { cwd: ROOT_DIR, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => child.once('exit', (code, signal) => resolve({ code, signal })))
  const logs: XuefaProcess['logs'] = []
  const waiters: { match: (line: XuefaProcess['logs'][number]) => boolean, resolve: (line: XuefaProcess['logs'][number]) => void }[] = []
  let buffer = ''
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    let newline = buffer.indexOf('\n')
    while (newline >= 0) {
      const text = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      newline = buffer.indexOf('\n')
      try {
        const line = JSON.parse(text) as XuefaProcess['logs'][number]
        logs.push(line)
        for (const waiter of [...waiters]) {
          if (waiter.match(line)) {
            waiters.splice(waiters.indexOf(waiter), 1)
            waiter.resolve(line)
          }
        }
      }
      catch {
        // not a log line
      }
    }
  })
  const waitForLog: XuefaProcess['waitForLog'] = (match, ms) => {
    const seen = logs.find(match)
    if (seen)
      return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching log line within ${ms} ms; last lines: ${logs.slice(-3).map(line => line.msg).join(' | ')}; stderr: ${stderr}`)), ms)
      waiters.push({ match, resolve: (line) => {
        clearTimeout(timer)
        resolve(line)
      } })
    })
  }
  const ready = await Promise.race([
    waitForLog(line => typeof line.msg === 'string' && line.msg.startsWith('Xuefa 学法 ready on'), timeoutMs),
    exited.then(({ code }) => {
      throw new Error(`Xuefa exited with code ${code} before it was ready: ${stderr}`)
    }),
  ])
  return {
    url: ready.url as string,
    pid: child.pid!,
    neo4jPid: () => {
      const last = [...logs].reverse().find(line => line.msg === 'embedded Neo4j ready')
      return Number(last?.pid ?? -1)
    },
    logs,
    waitForLog,
    exited,
    child,
  }
}

/** Resolves once process `pid` no longer exists. */
export async function processGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      process.kill(pid, 0)
    }
    catch {
      return
    }
    if (Date.now() > deadline)
      throw new Error(`process ${pid} still running after ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}
