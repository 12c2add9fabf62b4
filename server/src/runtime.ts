import type { Config } from './config'
import type { EmbeddedNeo4j, EmbeddedOptions } from './db/embedded'
import { setTimeout as sleep } from 'node:timers/promises'
import { Database } from './db/database'
import { startEmbeddedNeo4j } from './db/embedded'
import { migrate } from './db/migrate'
import { logger } from './logger'

/** The database of the process, and the embedded Neo4j when we started one. */
export interface Runtime {
  db: Database
  /** The embedded Neo4j process running now (a new one after a restart), or null with NEO4J_URI. */
  readonly embedded: EmbeddedNeo4j | null
  close: () => Promise<void>
}

/** Waits between attempts to restart an embedded Neo4j that died: 1 s, doubling, at most 10 s. */
const RESTART_BACKOFF_MS = { first: 1_000, max: 10_000 }

/**
 * Connects to NEO4J_URI, or starts the embedded Neo4j when it is unset; then applies migrations.
 * An embedded Neo4j that exits without being asked (killed, crashed) is started again on the same
 * port and directory, with back-off, until it runs; the driver reconnects by itself, and the
 * database's probe (Database.availability) turns service back on. An external database is waited for
 * by the same probe.
 */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const embeddedOptions: EmbeddedOptions = {
    dataDir: config.NEO4J_DATA_DIR,
    port: config.NEO4J_EMBEDDED_PORT,
    heap: config.NEO4J_EMBEDDED_HEAP,
    pageCache: config.NEO4J_EMBEDDED_PAGECACHE,
  }
  let embedded = config.embedded ? await startEmbeddedNeo4j(embeddedOptions) : null
  let closing = false
  let db: Database
  try {
    db = await Database.connect({
      uri: embedded?.uri ?? config.NEO4J_URI!,
      user: embedded?.user ?? config.NEO4J_USER,
      password: embedded?.password ?? config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
    })
    if (options.migrate !== false)
      await migrate(db)
  }
  catch (error) {
    await embedded?.stop()
    throw error
  }

  const supervise = (running: EmbeddedNeo4j): void => {
    void running.exited.then(async ({ code, signal }) => {
      if (closing)
        return
      logger.error({ pid: running.pid, code, signal }, 'embedded Neo4j exited unexpectedly; restarting it')
      for (let delay = RESTART_BACKOFF_MS.first; ; delay = Math.min(delay * 2, RESTART_BACKOFF_MS.max)) {
        await sleep(delay)
        if (closing)
          return
        try {
          embedded = await startEmbeddedNeo4j(embeddedOptions)
          if (closing) {
            await embedded.stop()
            return
          }
          logger.info({ pid: embedded.pid }, 'embedded Neo4j restarted')
          supervise(embedded)
          return
        }
        catch (error) {
          logger.error({ err: error, retryInMs: Math.min(delay * 2, RESTART_BACKOFF_MS.max) }, 'embedded Neo4j did not restart')
        }
      }
    })
  }
  if (embedded)
    supervise(embedded)

  return {
    db,
    get embedded() {
      return embedded
    },
    close: async () => {
      closing = true
      await db.close()
      await embedded?.stop()
    },
  }
}
