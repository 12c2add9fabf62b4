import type { Role } from '../server/src/auth/access'
import type { Database } from '../server/src/db/database'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashPassword } from '../server/src/auth/password'
import { createUser } from '../server/src/auth/user.repository'
import { logger } from '../server/src/logger'

const SEEDS_DIR = path.dirname(fileURLToPath(import.meta.url))

/** Password of the demo accounts on the embedded default (documented in the README). */
export const DEMO_PASSWORD = 'xuefa-demo'

/** Reads a JSON file of seeds/. */
export function readSeed<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(SEEDS_DIR, name), 'utf8')) as T
}

interface OrganizationsSeed {
  organizations: { id: string, name: string, kind: string, parentId: string | null }[]
  demoUsers: { username: string, name: string, roles: Role[], category: string, organizationId: string, trains?: string[], advises?: string[] }[]
}

/** Sample organisations (示例). Idempotent. */
export async function seedOrganizations(db: Database): Promise<void> {
  const { organizations } = readSeed<OrganizationsSeed>('organizations.json')
  await db.write(
    `UNWIND $organizations AS org
     MERGE (o:Organization {id: org.id}) SET o.name = org.name, o.kind = org.kind, o.sample = true
     WITH o, org
     OPTIONAL MATCH (parent:Organization {id: org.parentId})
     FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | MERGE (o)-[:PART_OF]->(parent))`,
    { organizations },
  )
}

/** Demo accounts admin/trainer/advisor/cadre with DEMO_PASSWORD, created through the same code as admins use. */
export async function seedDemoUsers(db: Database): Promise<void> {
  const { demoUsers } = readSeed<OrganizationsSeed>('organizations.json')
  const existing = new Set((await db.read<{ username: string }>('MATCH (u:User) WHERE u.username IN $names RETURN u.username AS username', { names: demoUsers.map(u => u.username) })).map(r => r.username))
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const demo of demoUsers.filter(u => !existing.has(u.username))) {
    const user = await createUser(db, null, { ...demo, passwordHash, sample: true })
    await db.write(
      `MATCH (p:Person {id: $personId})
       UNWIND $trains AS orgId MATCH (o:Organization {id: orgId}) MERGE (p)-[:TRAINS]->(o)`,
      { personId: user.person!.id, trains: demo.trains ?? [] },
    )
    await db.write(
      `MATCH (p:Person {id: $personId})
       UNWIND $advises AS orgId MATCH (o:Organization {id: orgId}) MERGE (p)-[:ADVISES]->(o)`,
      { personId: user.person!.id, advises: demo.advises ?? [] },
    )
  }
}

/** Where seeding finds the official law texts, when configured. */
export interface SeedOptions {
  lawCorpusDir?: string
}

/**
 * Reference data every installation needs, sample or not: the law library (imported from the corpus
 * when LAW_CORPUS_DIR is set, else metadata and 要点 summaries), topics, procedure steps and the
 * compliance rule sets. Idempotent; runs at every start.
 */
export async function seedReferenceData(db: Database, options: SeedOptions = {}): Promise<void> {
  // Feature steps, in dependency order (laws before rules and questions). Each is idempotent.
  // [law] seed step goes here
  // [decision] reference step goes here
  void db
  void options
}

/** Loads the sample data (示例) into an empty or partly seeded database. Safe to run again. */
export async function seedSampleData(db: Database, options: SeedOptions = {}): Promise<void> {
  await seedOrganizations(db)
  await seedDemoUsers(db)
  // Feature sample steps, in dependency order. Each is idempotent.
  // [decision] sample step goes here
  // [quiz] sample step goes here
  // [study] sample step goes here
  void options
  logger.info('sample data ready (示例)')
}
