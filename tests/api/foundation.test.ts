import type { TestServer } from '../helpers'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT_DIR } from '../../server/src/config'
import { gql, startTestServer } from '../helpers'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

describe('service health over HTTP', () => {
  it('answers the health query with the Neo4j 5.26 community version', async () => {
    const result = await gql(server.url, '{ health { ok database { version edition } } }')
    expect(result.status).toBe(200)
    expect(result.data.health.ok).toBe(true)
    expect(result.data.health.database.version).toMatch(/^5\.26\./)
    expect(result.data.health.database.edition).toBe('community')
  })

  it('serves GET /health for probes', async () => {
    const response = await fetch(`${server.url}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, database: { edition: 'community' } })
  })

  it('serves the built web app on the same port, with client-side routes falling back to it', async () => {
    for (const route of ['/', '/laws', '/login']) {
      const response = await fetch(`${server.url}${route}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<div id="app">')
    }
  })
})

function runStart(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--import', 'reflect-metadata', path.join(ROOT_DIR, 'server/src/main.ts')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
    cwd: ROOT_DIR,
  })
}

describe('start-up refuses bad configuration with one readable message', () => {
  it('exits non-zero naming an unreachable NEO4J_URI', () => {
    const result = runStart({ NEO4J_URI: 'bolt://127.0.0.1:1', JWT_SECRET: 'x'.repeat(40) })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('bolt://127.0.0.1:1')
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })

  it('lists every invalid variable', () => {
    const result = runStart({ PORT: 'eighty', NEO4J_URI: 'http://x', NODE_ENV: 'prod' })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('PORT')
    expect(result.stderr).toContain('NEO4J_URI must look like')
    expect(result.stderr).toContain('NODE_ENV')
  })

  it('requires JWT_SECRET outside the embedded default', () => {
    const result = runStart({ NEO4J_URI: 'bolt://127.0.0.1:1' })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('JWT_SECRET')
  })
})
