import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildServer, SERVER_BUNDLE, SERVER_DIST_DIR } from './serverBundle'

describe('the compiled server (npm start)', () => {
  it('imports reflect-metadata first and keeps every module\'s own location', async () => {
    await buildServer()
    const bundle = readFileSync(SERVER_BUNDLE, 'utf8')
    expect(bundle.startsWith('import \'reflect-metadata\';')).toBe(true)
    const kept = [...bundle.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map(m => m[1]!)
    // config.ts (ROOT_DIR, hence graph/migrations) and the seed modules read files beside themselves.
    expect(kept).toEqual(expect.arrayContaining(['../src/config.ts', '../../seeds/seed.ts']))
    for (const source of kept)
      expect(existsSync(path.resolve(SERVER_DIST_DIR, source)), source).toBe(true)
    expect(bundle).not.toMatch(/fileURLToPath\d*\(import\.meta\.url\)/)
  })

  it('is not rebuilt when its sources are unchanged', async () => {
    await buildServer()
    expect(await buildServer()).toBe(false)
  })
})
