import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { embeddedPassword, embeddedPasswordFile } from './embedded'

describe('the embedded database password', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xuefa-password-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is generated once beside the data directory, readable by its owner only', () => {
    const dataDir = path.join(dir, 'neo4j')
    const password = embeddedPassword(dataDir)
    expect(embeddedPasswordFile(dataDir)).toBe(path.join(dir, 'neo4j-password'))
    expect(password).toMatch(/^[\w-]{43}$/)
    expect(statSync(embeddedPasswordFile(dataDir)).mode & 0o777).toBe(0o600)
    expect(embeddedPassword(dataDir)).toBe(password)
  })
})
