import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { seedReferenceData, seedSampleData } from '../../seeds/seed'
import { ROOT_DIR } from '../../server/src/config'
import { Database } from '../../server/src/db/database'
import { freePort, startEmbeddedNeo4j } from '../../server/src/db/embedded'
import { migrate } from '../../server/src/db/migrate'

// A fresh machine without LAW_CORPUS_DIR: its own database, so the shared one (with the corpus) is untouched.
const dataDir = path.join(ROOT_DIR, `.data/test/no-corpus-${process.pid}`)

describe('first start without the law corpus', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('seeds a usable library of metadata and labelled summaries, and all the sample data', async () => {
    const neo4j = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heap: '512m', pageCache: '128m' })
    const db = await Database.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: 'neo4j' })
    try {
      await migrate(db)
      await seedReferenceData(db, {})
      await seedSampleData(db)

      const [laws] = await db.read<{ n: number }>('MATCH (l:Law) RETURN count(l) AS n')
      expect(laws!.n).toBe(16)
      const [mdp] = await db.read<{ source: string, articles: number, withSummary: number, withText: number }>(
        `MATCH (:Law {id: 'major-decision-procedure'})-[:HAS_VERSION]->(v:LawVersion {current: true})-[:CONTAINS]->(a:Article)
         RETURN v.source AS source, count(a) AS articles, count(a.summary) AS withSummary, count(a.text) AS withText`,
      )
      expect(mdp).toEqual({ source: 'SUMMARY', articles: 44, withSummary: 44, withText: 0 })
      const [labels] = await db.read<{ sources: string[] }>(`MATCH (a:Article) RETURN collect(DISTINCT a.textSource) AS sources`)
      expect(labels!.sources).toEqual(['SUMMARY'])

      const users = await db.read<{ username: string }>('MATCH (u:User) RETURN u.username AS username ORDER BY username')
      expect(users.map(u => u.username)).toEqual(expect.arrayContaining(['admin', 'advisor', 'cadre', 'trainer']))
      const [decisions] = await db.read<{ n: number }>('MATCH (d:Decision {sample: true}) RETURN count(d) AS n')
      expect(decisions!.n).toBeGreaterThan(5)
      // Rules whose articles exist only as summaries still point at them.
      const [rules] = await db.read<{ n: number }>(`MATCH (:StepRule)-[:CREATED_BY]->(a:Article {lawId: 'major-decision-procedure'}) RETURN count(a) AS n`)
      expect(rules!.n).toBeGreaterThan(0)
    }
    finally {
      await db.close()
      await neo4j.stop()
    }
  }, 300_000)
})
