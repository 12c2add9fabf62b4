import type { DateTime, Driver, Integer, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver'
import { AsyncLocalStorage } from 'node:async_hooks'
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime, Neo4jError } from 'neo4j-driver'

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

/** A connection problem an operator can act on; the message names the URI. */
export class DatabaseUnavailableError extends Error {}

/**
 * The one driver of the process and the only way code reaches Neo4j: managed transactions (retried on
 * transient errors, so the work inside must be idempotent) against the configured database.
 */
export class Database {
  private constructor(readonly driver: Driver, readonly name: string, readonly uri: string) {}

  /** Opens the driver and proves the server answers, with one readable error when it does not. */
  static async connect(options: DatabaseOptions): Promise<Database> {
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined
    const driver = neo4j.driver(options.uri, auth, {
      maxConnectionPoolSize: 100,
      connectionAcquisitionTimeout: 30_000,
      connectionTimeout: 10_000,
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

  /** One read round trip. */
  async read<T = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<T[]> {
    count()
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ })
    try {
      return rows<T>(await session.executeRead(tx => tx.run(cypher, params)))
    }
    finally {
      await session.close()
    }
  }

  /** One write round trip in its own transaction. */
  async write<T = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<T[]> {
    count()
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE })
    try {
      return rows<T>(await session.executeWrite(tx => tx.run(cypher, params)))
    }
    finally {
      await session.close()
    }
  }

  /**
   * One statement in an auto-commit transaction (not retried): for statements that commit in slices
   * themselves (`CALL { … } IN TRANSACTIONS`), such as data migrations.
   */
  async autoCommit(cypher: string, params: Params = {}): Promise<void> {
    count()
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE })
    try {
      await session.run(cypher, params)
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
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE })
    try {
      return await session.executeWrite(tx => work(new Tx(tx)))
    }
    finally {
      await session.close()
    }
  }

  /** Server version and edition, for `health`. */
  async serverInfo(): Promise<{ version: string, edition: string }> {
    const [row] = await this.read<{ version: string, edition: string }>(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
    )
    return row ?? { version: 'unknown', edition: 'unknown' }
  }

  async close(): Promise<void> {
    await this.driver.close()
  }
}

/** A write transaction handed to `Database.transaction`. */
export class Tx {
  constructor(private readonly tx: ManagedTransaction) {}
  async run<T = Record<string, unknown>>(cypher: string, params: Params = {}): Promise<T[]> {
    return rows<T>(await this.tx.run(cypher, params))
  }
}

function count(): void {
  const store = roundTrips.getStore()
  if (store)
    store.count++
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
