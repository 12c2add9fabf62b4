import type { Database } from './database'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT_DIR } from '../config'
import { logger } from '../logger'

/** Where the numbered migrations live: graph/migrations/V0001__name.cypher. */
export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'graph/migrations')

/** One migration file. */
export interface Migration {
  id: string
  name: string
  checksum: string
  statements: string[]
}

/** Reads graph/migrations in version order, split into statements. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter(file => /^V\d{4}__\w+\.cypher$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8')
      const [, id = '', name = ''] = /^(V\d{4})__(\w+)\.cypher$/.exec(file) ?? []
      const statements = text
        .split('\n')
        .filter(line => !line.trim().startsWith('//'))
        .join('\n')
        .split(/;\s*$/m)
        .map(statement => statement.trim())
        .filter(Boolean)
      return { id, name, checksum: createHash('sha256').update(text).digest('hex'), statements }
    })
}

/** A landed migration was edited: the fix is a new migration, never an edit. */
export class MigrationChangedError extends Error {}

/**
 * Applies the migrations the database has not recorded yet, each statement in its own transaction
 * (Neo4j does not mix schema and data writes), then records the migration. Statements are idempotent,
 * so two instances starting at once, or a crash between a statement and its record, are harmless.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = new Map(
    (await db.read<{ id: string, checksum: string }>('MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum'))
      .map(row => [row.id, row.checksum]),
  )
  const done: string[] = []
  for (const migration of readMigrations(dir)) {
    const checksum = applied.get(migration.id)
    if (checksum !== undefined) {
      if (checksum !== migration.checksum)
        throw new MigrationChangedError(`Migration ${migration.id}__${migration.name} was edited after it was applied. Restore it and add a new migration instead.`)
      continue
    }
    for (const statement of migration.statements) {
      // A data migration over many rows commits in slices (CALL … IN TRANSACTIONS), which only an
      // auto-commit transaction may run.
      if (/\bIN\s+TRANSACTIONS\b/i.test(statement))
        await db.autoCommit(statement)
      else
        await db.write(statement)
    }
    await db.write(
      'MERGE (m:Migration {id: $id}) ON CREATE SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()',
      { id: migration.id, name: migration.name, checksum: migration.checksum },
    )
    logger.info({ migration: `${migration.id}__${migration.name}` }, 'migration applied')
    done.push(migration.id)
  }
  // Index population is asynchronous; wait so the first search after start sees a ready index.
  await db.write('CALL db.awaitIndexes(300)')
  return done
}
