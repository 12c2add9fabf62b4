import type { DateTime, Driver, Integer, ManagedTransaction, QueryResult, RecordShape, Session } from 'neo4j-driver'
import { AsyncLocalStorage } from 'node:async_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isRetryableError, isTime, Neo4jError } from 'neo4j-driver'
import { logger } from '../logger'

/** Counts database round trips of the request that is running (the benchmark reports them). */
const roundTrips = new AsyncLocalStorage<{ count: number }>()

/** Runs `fn` with a fresh round-trip counter; read it with `currentRoundTrips()`. */
export function withRoundTripCounter<T>(fn: () => T): T {
  return roundTrips.run({ count: 0 }, fn)
}

/** Runs `fn` outside any request's count: work done for no request in particular (follow-up writes). */
export function uncounted<T>(fn: () => T): T {
  return roundTrips.exit(fn)
}

/** Round trips made so far by the current request, or -1 outside a counted request. */
export function currentRoundTrips(): number {
  return roundTrips.getStore()?.count ?? -1
}

type Params = Record<string, unknown>

/** What a transaction offers the work inside it: statements. */
type Runner = Pick<ManagedTransaction, 'run'>

/**
 * Turns driver values into plain JSON-friendly values: integers to numbers, temporal values to ISO
 * strings (a DateTime as UTC with milliseconds, as JavaScript's Date gives it), nodes to their
 * properties. Repositories call it; nothing outside them sees driver types. It runs on every value of
 * every row, so plain values leave at once.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined)
    return null
  if (typeof value !== 'object')
    return value
  if (Array.isArray(value))
    return value.map(toPlain)
  if (isInt(value))
    return value.inSafeRange() ? value.toNumber() : value.toString()
  if (isDateTime(value))
    return dateTimeToIso(value)
  if (isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value))
    return value.toString()
  const v = value as { properties?: unknown, labels?: unknown, type?: unknown }
  if (v.properties && (v.labels || v.type))
    return toPlain(v.properties)
  const out: Record<string, unknown> = {}
  for (const key in value)
    out[key] = toPlain((value as Record<string, unknown>)[key])
  return out
}

/** A DateTime as an ISO string in UTC with milliseconds (the nanoseconds beyond are dropped). */
function dateTimeToIso(value: DateTime<number | Integer>): string {
  // The fields are Integers (the driver's lossless default); Number() reads them without arithmetic.
  const year = Number(value.year)
  const offset = Number(value.timeZoneOffsetSeconds)
  if (year >= 100 && Number.isFinite(offset)) {
    const utc = Date.UTC(year, Number(value.month) - 1, Number(value.day), Number(value.hour), Number(value.minute), Number(value.second), Math.floor(Number(value.nanosecond) / 1e6))
    return new Date(utc - offset * 1000).toISOString()
  }
  return value.toStandardDate().toISOString()
}

/**
 * Cypher for the DateTime `expr` as text, the same text toPlain makes of a DateTime (UTC with
 * milliseconds, as JavaScript's Date#toISOString writes it), or null. For projections on hot paths: a
 * DateTime crossing Bolt is decoded by the driver with 64-bit integer arithmetic, which costs as much as
 * the rest of a small row; text costs nothing. For times from 1970 to 9999 (Neo4j's own text drops
 * trailing zeros of the fraction, hence the assembly).
 */
export function isoText(expr: string): string {
  return `CASE WHEN ${expr} IS NULL THEN null ELSE left(toString(datetime({epochSeconds: ${expr}.epochSeconds})), 19) + '.' + substring(toString(1000 + ${expr}.epochMillis % 1000), 1) + 'Z' END`
}

function rows<T>(result: QueryResult<RecordShape>): T[] {
  return result.records.map(record => toPlain(record.toObject()) as T)
}

/** Connection settings for `Database.connect`. */
export interface DatabaseOptions {
  uri: string
  user: string
  password: string
  database: string
}

/**
 * The database cannot be reached (down, restarting, unreachable): the operation was not done, or, for a
 * write whose connection broke while it committed, may have been — writes are idempotent, so a client
 * retries. The API answers DATABASE_UNAVAILABLE; the message names the URI for the operator.
 */
export class DatabaseUnavailableError extends Error {}

/** What `Database.availability` reports: up, or down since when and why. */
export type Availability = { up: true } | { up: false, since: string, reason: string }

/**
 * How long one operation keeps trying when the connection fails (a pooled connection to a database
 * that restarted fails once; a new one then succeeds) before answering DATABASE_UNAVAILABLE: requests
 * must fail within 2 s when the database is gone.
 */
const CONNECTION_RETRY_MS = 1_200
/** Transient errors (deadlocks, lock timeouts, leader changes) are retried as the driver would: for 30 s. */
const TRANSIENT_RETRY_MS = 30_000
/** How often a database found unavailable is probed until it answers again. */
const PROBE_INTERVAL_MS = 500

/** Errors of the connection rather than of the statement: the database is unreachable, or went away. */
function isConnectionError(error: unknown): boolean {
  return error instanceof Neo4jError && (error.code === neo4j.error.SERVICE_UNAVAILABLE || error.code === neo4j.error.SESSION_EXPIRED)
}

/**
 * The one driver of the process and the only way code reaches Neo4j: managed transactions (retried on
 * transient errors, so the work inside must be idempotent) against the configured database.
 */
export class Database {
  private down: { since: Date, reason: string } | null = null
  private probing = false
  private closed = false

  private constructor(readonly driver: Driver, readonly name: string, readonly uri: string) {}

  /** Opens the driver and proves the server answers, with one readable error when it does not. */
  static async connect(options: DatabaseOptions): Promise<Database> {
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined
    const driver = neo4j.driver(options.uri, auth, {
      maxConnectionPoolSize: 100,
      // A database that is gone refuses connections at once, and the probe below marks it down; the
      // timeouts only bound a database that hangs. They stay generous: under heavy load a healthy
      // database may take seconds to accept a burst of new connections, and a false outage would fail
      // every request.
      connectionAcquisitionTimeout: 30_000,
      connectionTimeout: 5_000,
      userAgent: 'xuefa/0.1',
    })
    try {
      await driver.verifyConnectivity({ database: options.database })
    }
    catch (error) {
      await driver.close()
      throw new DatabaseUnavailableError(describeConnectError(options.uri, error))
    }
    return new Database(driver, options.database, options.uri)
  }

  /** Whether the database answers, as last seen; while it is down a probe runs every 500 ms. */
  availability(): Availability {
    return this.down ? { up: false, since: this.down.since.toISOString(), reason: this.down.reason } : { up: true }
  }

  /**
   * Runs `work` in a session of `mode`, retrying transient errors for 30 s (as the driver did) and
   * connection failures for about a second. While the database is known to be down, it fails at once.
   */
  private async retrying<T>(mode: 'READ' | 'WRITE', work: (tx: Runner) => Promise<T>): Promise<T> {
    const started = Date.now()
    for (let attempt = 0; ; attempt++) {
      if (this.down)
        throw this.unavailable()
      const session = this.driver.session({ database: this.name, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE })
      try {
        return await inTransaction(session, work)
      }
      catch (error) {
        const elapsed = Date.now() - started
        if (isConnectionError(error)) {
          // Only the probe marks the database down: one slow or broken connection is no outage.
          this.suspect(error)
          if (elapsed >= CONNECTION_RETRY_MS)
            throw this.unavailable(error)
          await sleep(Math.min(200, CONNECTION_RETRY_MS - elapsed))
          continue
        }
        if (!isRetryableError(error) || elapsed >= TRANSIENT_RETRY_MS)
          throw error
        // The driver's schedule: 1 s doubling, ±20 % jitter, within the 30 s.
        const delay = Math.min(1000 * 2 ** attempt, 8000) * (0.8 + Math.random() * 0.4)
        await sleep(Math.min(delay, Math.max(0, TRANSIENT_RETRY_MS - elapsed)))
      }
      finally {
        await session.close().catch(() => {})
      }
    }
  }

  private unavailable(error?: unknown): DatabaseUnavailableError {
    return new DatabaseUnavailableError(`Neo4j at ${this.uri} is unavailable since ${this.down?.since.toISOString() ?? 'now'}: ${this.down?.reason ?? errorText(error ?? 'connection failed')}`)
  }

  /** A connection failed: probe the database; the first failed probe marks it down. */
  private suspect(_error: unknown): void {
    this.probe()
  }

  private probe(): void {
    if (this.probing || this.closed)
      return
    this.probing = true
    void (async () => {
      try {
        while (!this.closed) {
          try {
            await this.driver.verifyConnectivity({ database: this.name })
            if (this.down)
              logger.info({ uri: this.uri, downSince: this.down.since.toISOString() }, 'database available again')
            this.down = null
            return
          }
          catch (error) {
            if (!this.down) {
              this.down = { since: new Date(), reason: errorText(error) }
              logger.warn({ uri: this.uri, reason: this.down.reason }, 'database unavailable: requests fail at once until it answers again')
            }
            else {
              this.down.reason = errorText(error)
            }
          }
          await sleep(PROBE_INTERVAL_MS)
        }
      }
      finally {
        this.probing = false
      }
    })()
  }

  /** One read round trip. */
  async read<T = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<T[]> {
    count()
    return this.retrying('READ', async tx => rows<T>(await tx.run(cypher, params)))
  }

  /** One write round trip in its own transaction. */
  async write<T = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<T[]> {
    count()
    return this.retrying('WRITE', async tx => rows<T>(await tx.run(cypher, params)))
  }

  /**
   * One statement in an auto-commit transaction (not retried): for statements that commit in slices
   * themselves (`CALL { … } IN TRANSACTIONS`), such as data migrations.
   */
  async autoCommit(cypher: string, params: Params = {}): Promise<void> {
    count()
    if (this.down)
      throw this.unavailable()
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE })
    try {
      await session.run(cypher, params)
    }
    catch (error) {
      if (isConnectionError(error))
        this.suspect(error)
      throw error
    }
    finally {
      await session.close()
    }
  }

  /**
   * Several statements in one write transaction (all or nothing). The callback may run more than once
   * on a transient error, so it must not have side effects outside the transaction.
   */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    count()
    return this.retrying('WRITE', tx => work(new Tx(tx)))
  }

  /** Server version and edition, for `health`. */
  async serverInfo(): Promise<{ version: string, edition: string }> {
    const [row] = await this.read<{ version: string, edition: string }>(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    )
    return row ?? { version: 'unknown', edition: 'unknown' }
  }

  async close(): Promise<void> {
    this.closed = true
    await this.driver.close()
  }
}

/** A write transaction handed to `Database.transaction`. */
export class Tx {
  constructor(private readonly tx: Runner) {}
  async run<T = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<T[]> {
    return rows<T>(await this.tx.run(cypher, params))
  }
}

function count(): void {
  const store = roundTrips.getStore()
  if (store)
    store.count++
}

/**
 * One explicit transaction: committed when `work` succeeds, rolled back when it throws. (The driver's
 * managed transactions would add their own retries and back-off, which `retrying` replaces.)
 */
async function inTransaction<T>(session: Session, work: (tx: Runner) => Promise<T>): Promise<T> {
  const tx = session.beginTransaction()
  let result: T
  try {
    result = await work(tx)
  }
  catch (error) {
    await tx.rollback().catch(() => {})
    throw error
  }
  await tx.commit()
  return result
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300)
}

function describeConnectError(uri: string, error: unknown): string {
  const code = error instanceof Neo4jError ? error.code : ''
  const message = error instanceof Error ? error.message : String(error)
  if (/unauthorized|authentication/i.test(code + message))
    return `Neo4j at ${uri} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.`
  if (/database.*not.*(?:exist|found)/i.test(message))
    return `Neo4j at ${uri} has no database named by NEO4J_DATABASE: ${message}`
  return `Cannot reach Neo4j at ${uri}: ${message.split('\n')[0]}. Check NEO4J_URI, or unset it to use the embedded database.`
}

/** A whole number as a Cypher integer (JS numbers travel as floats, which SKIP/LIMIT refuse). */
export function int(n: number) {
  return neo4j.int(Math.trunc(n))
}
