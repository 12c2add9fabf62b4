import { ConfigError, loadConfig } from '../config'
import { loadDatabase } from './backup'

/**
 * `npm run restore -- <file>`: replaces the embedded database with a dump written by `npm run backup`
 * (stop Xuefa first). Everything written after that backup is gone afterwards.
 */
try {
  const file = process.argv[2]
  if (!file)
    throw new ConfigError('Give the backup file: npm run restore -- .data/backups/neo4j-….dump')
  const config = loadConfig()
  if (!config.embedded)
    throw new ConfigError(`NEO4J_URI is set: restore that server with its own tools, e.g. \`neo4j-admin database load ${config.NEO4J_DATABASE} --from-path=<dir> --overwrite-destination=true\` while the database is stopped (README, Reliability).`)
  loadDatabase(config.NEO4J_DATA_DIR, file, { database: config.NEO4J_DATABASE })
  console.log(`restored ${config.NEO4J_DATABASE} from ${file}; start Xuefa again`)
}
catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
