import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { ensureLauncherBuilt, JVM_FLAGS, launcherClasspath } from './embedded'

/**
 * Backups of the embedded database with Neo4j's own `neo4j-admin database dump` / `load` (the
 * classes are in graph/'s Maven dependencies, so no server distribution is needed). Community
 * Edition dumps a database only while it is stopped, which makes every dump consistent: the store
 * was shut down cleanly, or is recovered from its transaction log first.
 */

/** A backup or restore that could not be done, with what to do about it. */
export class BackupError extends Error {}

/** Where `npm run backup` writes, beside the data directory: `.data/backups` on the defaults. */
export function backupDir(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), 'backups')
}

function adminTool(dataDir: string, args: string[]): void {
  ensureLauncherBuilt()
  // neo4j-admin finds the store through NEO4J_HOME (the launcher's home is the data directory, so the
  // databases are in <dataDir>/data/databases) and reads no neo4j.conf from the empty NEO4J_CONF.
  const conf = mkdtempSync(path.join(path.dirname(path.resolve(dataDir)), '.admin-conf-'))
  try {
    const result = spawnSync('java', ['-Xmx512m', ...JVM_FLAGS, '-cp', launcherClasspath(), 'org.neo4j.cli.AdminTool', ...args], {
      env: { ...process.env, NEO4J_HOME: path.resolve(dataDir), NEO4J_CONF: conf },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    if (result.error)
      throw new BackupError(`Cannot run Java for neo4j-admin: ${result.error.message}. Install Java 17.`)
    if (result.status !== 0) {
      const output = `${result.stdout}\n${result.stderr}`
      if (/in use|lock/i.test(output))
        throw new BackupError(`The database in ${dataDir} is in use: stop Xuefa (Ctrl-C or SIGTERM; it shuts the database down cleanly), run this again, then start it.`)
      throw new BackupError(`neo4j-admin ${args.slice(0, 2).join(' ')} failed:\n${output.trim().slice(-2000)}`)
    }
  }
  finally {
    rmSync(conf, { recursive: true, force: true })
  }
}

/** A file name for now, sortable: `neo4j-2026-12-03T18-05-00Z.dump`. */
function datedName(database: string, now = new Date()): string {
  return `${database}-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.dump`
}

/**
 * Dumps `database` of the stopped embedded store in `dataDir` to a dated file in `outDir` (default
 * `backupDir(dataDir)`) and returns its path.
 */
export function dumpDatabase(dataDir: string, options: { database?: string, outDir?: string, now?: Date } = {}): string {
  const database = options.database ?? 'neo4j'
  const outDir = options.outDir ?? backupDir(dataDir)
  mkdirSync(outDir, { recursive: true })
  const work = mkdtempSync(path.join(outDir, '.dump-'))
  try {
    adminTool(dataDir, ['database', 'dump', database, `--to-path=${work}`, '--overwrite-destination=true'])
    const target = path.join(outDir, datedName(database, options.now))
    renameSync(path.join(work, `${database}.dump`), target)
    return target
  }
  finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * Replaces `database` of the stopped embedded store in `dataDir` with the dump in `file` (its data and
 * transaction logs; the users in the system database, and so the password, are kept).
 */
export function loadDatabase(dataDir: string, file: string, options: { database?: string } = {}): void {
  const database = options.database ?? 'neo4j'
  if (!existsSync(file) || !statSync(file).isFile())
    throw new BackupError(`No backup file at ${file}: give the path of a .dump file written by npm run backup.`)
  mkdirSync(dataDir, { recursive: true })
  // neo4j-admin reads <database>.dump from a directory.
  const work = mkdtempSync(path.join(path.dirname(path.resolve(dataDir)), '.load-'))
  try {
    copyFileSync(file, path.join(work, `${database}.dump`))
    adminTool(dataDir, ['database', 'load', database, `--from-path=${work}`, '--overwrite-destination=true'])
  }
  finally {
    rmSync(work, { recursive: true, force: true })
  }
}
