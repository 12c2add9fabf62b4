import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT_DIR } from '../../server/src/config'
import { Database } from '../../server/src/db/database'
import { freePort, startEmbeddedNeo4j } from '../../server/src/db/embedded'

// Its own embedded database and data directory: restarting the shared test database would disturb
// the other suites.
const dataDir = path.join(ROOT_DIR, `.data/test/restart-${process.pid}`)

/** Issue 16 item 5: no local process reads the graph without the password kept in .data/ (0600). */
async function expectRefusedWithoutPassword(uri: string): Promise<void> {
  await expect(Database.connect({ uri, user: 'neo4j', password: '', database: 'neo4j' })).rejects.toThrow(/refused the credentials|authentication|unauthorized/i)
  await expect(Database.connect({ uri, user: 'neo4j', password: 'neo4j', database: 'neo4j' })).rejects.toThrow(/refused the credentials/)
}

describe('embedded Neo4j keeps data on disk', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('reads back a committed write after the database process restarts on the same directory', async () => {
    const port = await freePort()
    const options = { dataDir, port, heap: '512m', pageCache: '128m' }
    const marker = `restart-${Date.now()}`

    const first = await startEmbeddedNeo4j(options)
    await expectRefusedWithoutPassword(first.uri)
    const db1 = await Database.connect({ uri: first.uri, user: first.user, password: first.password, database: 'neo4j' })
    await db1.write('CREATE (:RestartProbe {id: $id, at: datetime()})', { id: marker })
    await db1.close()
    await first.stop()

    const second = await startEmbeddedNeo4j(options)
    expect(second.pid).not.toBe(first.pid)
    // The restarted store keeps authentication on (its users live in the system database).
    await expectRefusedWithoutPassword(second.uri)
    const db2 = await Database.connect({ uri: second.uri, user: second.user, password: second.password, database: 'neo4j' })
    const rows = await db2.read<{ id: string }>('MATCH (p:RestartProbe {id: $id}) RETURN p.id AS id', { id: marker })
    await db2.close()
    await second.stop()
    expect(rows).toEqual([{ id: marker }])
  }, 180_000)
})
