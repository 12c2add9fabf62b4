import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { ROOT_DIR } from '../config'
import { logger } from '../logger'

const GRAPH_DIR = path.join(ROOT_DIR, 'graph')
const STAMP_FILE = path.join(GRAPH_DIR, 'target/.xuefa-build-stamp')

/** Options for the embedded Neo4j process. */
export interface EmbeddedOptions {
  dataDir: string
  port: number
  heap: string
  pageCache: string
}

/** A running embedded Neo4j; `stop()` shuts it down cleanly and resolves when the process has exited. */
export interface EmbeddedNeo4j {
  uri: string
  /** The Bolt user and its password (authentication is always on). */
  user: string
  password: string
  pid: number
  /** Resolves when the process has exited, whatever the cause, with its exit code or signal. */
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  stop: () => Promise<void>
}

/** The Bolt user of the embedded database. */
export const EMBEDDED_USER = 'neo4j'

/**
 * Where the embedded database's password is kept: beside its data directory, as the JWT secret is
 * (`.data/neo4j-password` on the defaults).
 */
export function embeddedPasswordFile(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), 'neo4j-password')
}

/**
 * The embedded database's password, generated on first use and kept readable by this user only (0600),
 * so no other local account can read the graph (password hashes included) through the loopback port.
 */
export function embeddedPassword(dataDir: string): string {
  const file = embeddedPasswordFile(dataDir)
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' })
  }
  // A copied or restored file may have lost its mode.
  chmodSync(file, 0o600)
  return readFileSync(file, 'utf8').trim()
}

/** Start-up failed for a reason the operator can fix (port in use, store locked, no Java …). */
export class EmbeddedNeo4jError extends Error {}

// Flags Neo4j's own launcher passes to the JVM on Java 17 (see conf/neo4j.conf of the server distribution).
/** JVM flags for Neo4j code run from graph/ (the database, and neo4j-admin for backups). */
export const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
]

function sourceStamp(): string {
  const hash = createHash('sha256')
  hash.update(readFileSync(path.join(GRAPH_DIR, 'pom.xml')))
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory())
        walk(full)
      else hash.update(entry.name).update(readFileSync(full))
    }
  }
  walk(path.join(GRAPH_DIR, 'src'))
  return hash.digest('hex')
}

/**
 * Builds the launcher with Maven when its sources changed since the last build. Tries offline first so a
 * machine that fetched the artefacts once never needs the network again.
 */
export function ensureLauncherBuilt(): void {
  const stamp = sourceStamp()
  if (existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8') === stamp && existsSync(path.join(GRAPH_DIR, 'target/lib')))
    return
  logger.info('building the embedded Neo4j launcher (graph/) with Maven')
  for (const offline of [true, false]) {
    const args = ['-B', '-q', ...(offline ? ['-o'] : []), '-f', path.join(GRAPH_DIR, 'pom.xml'), 'package', '-DskipTests']
    const result = spawnSync('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
    if (result.error)
      throw new EmbeddedNeo4jError(`Cannot run Maven (mvn) to build graph/: ${result.error.message}. Install Maven and Java 17, or set NEO4J_URI to use an existing Neo4j server.`)
    if (result.status === 0) {
      writeFileSync(STAMP_FILE, stamp)
      return
    }
    if (!offline)
      throw new EmbeddedNeo4jError(`Building graph/ with Maven failed:\n${(result.stdout + result.stderr).slice(-2000)}`)
  }
}

/** The Java class path of graph/: the launcher and Neo4j's jars (neo4j-admin's commands included). */
export function launcherClasspath(): string {
  return [path.join(GRAPH_DIR, 'target/classes'), path.join(GRAPH_DIR, 'target/lib/*')].join(path.delimiter)
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** A free loopback port, for tests and tools that run their own database. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts the real Neo4j Community engine from graph/ and resolves once Bolt accepts connections.
 * The child reads our stdin pipe: when this process dies for any reason, the pipe closes and the
 * database shuts itself down cleanly instead of lingering with the store locked.
 */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  if (await portInUse(options.port))
    throw new EmbeddedNeo4jError(`Port ${options.port} on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen there. Stop what uses it, set NEO4J_EMBEDDED_PORT to a free port, or set NEO4J_URI to use that server.`)
  ensureLauncherBuilt()
  mkdirSync(options.dataDir, { recursive: true })
  const password = embeddedPassword(options.dataDir)
  const args = [
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    ...JVM_FLAGS,
    `-Dxuefa.dataDir=${options.dataDir}`,
    `-Dxuefa.boltPort=${options.port}`,
    `-Dxuefa.pageCache=${options.pageCache}`,
    // The launcher reads the password from the file: a command line is visible to every local user.
    `-Dxuefa.passwordFile=${embeddedPasswordFile(options.dataDir)}`,
    '-cp',
    launcherClasspath(),
    'xuefa.graph.EmbeddedNeo4j',
  ]
  const child: ChildProcessWithoutNullStreams = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => child.once('exit', (code, signal) => resolve({ code, signal })))
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8000)
  })

  const uri = await new Promise<string>((resolve, reject) => {
    let stdout = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
      const ready = /XUEFA_NEO4J_READY (\S+)/.exec(stdout)
      if (ready?.[1])
        resolve(ready[1])
    })
    child.once('error', error => reject(new EmbeddedNeo4jError(`Cannot start Java for the embedded Neo4j: ${error.message}. Install Java 17 or set NEO4J_URI.`)))
    void exited.then(({ code, signal }) => {
      const failed = /XUEFA_NEO4J_FAILED (.+)/.exec(stderr)?.[1]
      const lock = /lock|FileLockException/i.test(stderr)
      reject(new EmbeddedNeo4jError(
        failed
          ? `Embedded Neo4j failed to start: ${failed}${lock ? ` — is another Xuefa or Neo4j using ${options.dataDir}?` : ''}`
          : `Embedded Neo4j exited with ${signal ? `signal ${signal}` : `code ${code}`} before it was ready:\n${stderr.slice(-2000)}`,
      ))
    })
  })
  child.stdout.removeAllListeners('data')
  child.stdout.resume()
  logger.info({ uri, dataDir: options.dataDir, pid: child.pid }, 'embedded Neo4j ready')

  let stopping: Promise<void> | undefined
  return {
    uri,
    user: EMBEDDED_USER,
    password,
    pid: child.pid ?? -1,
    exited,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null)
          return
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
        await exited
        clearTimeout(timer)
        logger.info('embedded Neo4j stopped')
      })()
      return stopping
    },
  }
}
