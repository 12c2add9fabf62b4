import type { Config } from './config'
import type { EmbeddedNeo4j } from './db/embedded'
import { Database } from './db/database'
import { startEmbeddedNeo4j } from './db/embedded'
import { migrate } from './db/migrate'

/** The database of the process, and the embedded Neo4j when we started one. */
export interface Runtime {
  db: Database
  embedded: EmbeddedNeo4j | null
  close: () => Promise<void>
}

/**
 * Connects to NEO4J_URI, or starts the embedded Neo4j when it is unset; then applies migrations.
 */
export async function openRuntime(config: Config, options: { migrate?: boolean } = {}): Promise<Runtime> {
  const embedded = config.embedded
    ? await startEmbeddedNeo4j({
        dataDir: config.NEO4J_DATA_DIR,
        port: config.NEO4J_EMBEDDED_PORT,
        heap: config.NEO4J_EMBEDDED_HEAP,
        pageCache: config.NEO4J_EMBEDDED_PAGECACHE,
      })
    : null
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
  return {
    db,
    embedded,
    close: async () => {
      await db.close()
      await embedded?.stop()
    },
  }
}
