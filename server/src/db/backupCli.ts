import { ConfigError, loadConfig } from '../config'
import { dumpDatabase } from './backup'

/**
 * `npm run backup [-- <directory>]`: a dated, consistent dump of the embedded database (stop Xuefa
 * first; Community Edition dumps only a stopped database). For a database at NEO4J_URI, use that
 * server's own `neo4j-admin database dump` (README, Reliability).
 */
try {
  const config = loadConfig()
  if (!config.embedded)
    throw new ConfigError(`NEO4J_URI is set: back up that server with its own tools, e.g. \`neo4j-admin database dump ${config.NEO4J_DATABASE} --to-path=<dir>\` while the database is stopped (README, Reliability).`)
  const file = dumpDatabase(config.NEO4J_DATA_DIR, { database: config.NEO4J_DATABASE, outDir: process.argv[2] })
  console.log(`backup written: ${file}`)
}
catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
