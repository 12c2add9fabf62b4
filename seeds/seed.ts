import type { Role } from '../server/src/auth/access'
import type { Database } from '../server/src/db/database'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashPassword } from '../server/src/auth/password'
import { createUser } from '../server/src/auth/user.repository'
import { seedLawLibrary } from '../server/src/law/lawImport'
import { logger } from '../server/src/logger'
import { writeOrganizations } from '../server/src/org/org.repository'
import { flagQuestionsForLawChange } from '../server/src/quiz/question.repository'
import { seedDecisionReference, seedDecisionSamples } from './decision'
import { seedQuizSamples } from './quiz'
import { seedStudySamples } from './study'

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
  await db.transaction(tx => writeOrganizations(tx, organizations.map(o => ({ ...o, sample: true }))))
}

/** Demo accounts admin/trainer/advisor/cadre with DEMO_PASSWORD, created through the same code as admins use. */
export async function seedDemoUsers(db: Database): Promise<void> {
  const { demoUsers } = readSeed<OrganizationsSeed>('organizations.json')
  const existing = new Set((await db.read<{ username: string }>('MATCH (u:User) WHERE u.username IN $names RETURN u.username AS username', { names: demoUsers.map(u => u.username) })).map(r => r.username))
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const demo of demoUsers.filter(u => !existing.has(u.username))) {
    await createUser(db, null, { ...demo, passwordHash, sample: true })
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
  await seedLawLibrary(db, { corpus: options.lawCorpusDir ?? null })
  // Questions whose tested article changed or was repealed go to the trainers' review queue (题库待复核).
  await flagQuestionsForLawChange(db)
  await seedDecisionReference(db)
}

/**
 * Identifies one version of the sample data: the seed files and today's date (the study samples place
 * an upcoming session relative to today). A start with the same fingerprint skips sample seeding.
 */
function sampleFingerprint(): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(SEEDS_DIR).filter(f => /\.(?:json|ts)$/.test(f) && !f.endsWith('.test.ts')).sort())
    hash.update(file).update(readFileSync(path.join(SEEDS_DIR, file)))
  hash.update(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }))
  return hash.digest('hex')
}

/** Loads the sample data (示例) into an empty or partly seeded database. Safe to run again. */
export async function seedSampleData(db: Database): Promise<void> {
  const fingerprint = sampleFingerprint()
  const [previous] = await db.read<{ fingerprint: string }>('MATCH (s:SeedRun {id: \'sample\'}) RETURN s.fingerprint AS fingerprint')
  if (previous?.fingerprint === fingerprint) {
    logger.info('sample data already loaded today (示例)')
    return
  }
  await seedOrganizations(db)
  await seedDemoUsers(db)
  // Feature sample steps, in dependency order. Each is idempotent.
  await seedDecisionSamples(db)
  await seedQuizSamples(db)
  await seedStudySamples(db)
  await db.write('MERGE (s:SeedRun {id: \'sample\'}) SET s.fingerprint = $fingerprint, s.at = datetime()', { fingerprint })
  logger.info('sample data ready (示例)')
}
