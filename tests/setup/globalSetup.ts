import type { TestProject } from 'vitest/node'
import type { EmbeddedNeo4j } from '../../server/src/db/embedded'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { ROOT_DIR } from '../../server/src/config'
import { Database } from '../../server/src/db/database'
import { freePort, startEmbeddedNeo4j } from '../../server/src/db/embedded'
import { migrate } from '../../server/src/db/migrate'

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string
    neo4jUser: string
    neo4jPassword: string
    neo4jDatabase: string
    lawCorpusDir: string
  }
}

/** Test data directory of this run's embedded database (per process, so parallel runs do not collide). */
const TEST_DATA_DIR = path.join(ROOT_DIR, `.data/test/neo4j-${process.pid}`)

let embedded: EmbeddedNeo4j | null = null

/**
 * Starts one real Neo4j for all integration tests (or uses NEO4J_URI), applies the migrations and loads
 * the sample data through the same code `npm start` uses.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let uri = process.env.NEO4J_URI
  if (!uri) {
    rmSync(TEST_DATA_DIR, { recursive: true, force: true })
    embedded = await startEmbeddedNeo4j({ dataDir: TEST_DATA_DIR, port: await freePort(), heap: '1g', pageCache: '512m' })
    uri = embedded.uri
  }
  const options = {
    uri,
    user: embedded?.user ?? process.env.NEO4J_USER ?? 'neo4j',
    password: embedded?.password ?? process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  }
  const lawCorpusDir = process.env.LAW_CORPUS_DIR ?? path.resolve(ROOT_DIR, '../shared/laws')
  // type-graphql's decorators (reached through the seed code) need reflect-metadata loaded first;
  // a static import would be reordered by the linter.
  await import('reflect-metadata')
  const { seedReferenceData, seedSampleData } = await import('../../seeds/seed')
  const db = await Database.connect(options)
  try {
    await migrate(db)
    await seedReferenceData(db, { lawCorpusDir })
    await seedSampleData(db)
  }
  finally {
    await db.close()
  }
  project.provide('neo4jUri', options.uri)
  project.provide('neo4jUser', options.user)
  project.provide('neo4jPassword', options.password)
  project.provide('neo4jDatabase', options.database)
  project.provide('lawCorpusDir', lawCorpusDir)
  return async () => {
    await embedded?.stop()
    if (embedded)
      rmSync(TEST_DATA_DIR, { recursive: true, force: true })
  }
}
