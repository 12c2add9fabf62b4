import neo4j from 'neo4j-driver'
import { describe, expect, it } from 'vitest'
import { toPlain } from './database'

describe('toPlain', () => {
  it('gives plain values as they are, integers as numbers (or strings beyond 2^53), nested through lists and maps', () => {
    expect(toPlain({ a: 'x', b: 1.5, c: true, d: null, e: undefined, n: neo4j.int(42), big: neo4j.int('9007199254740993'), list: [neo4j.int(1), 'y', [neo4j.int(2)]] }))
      .toEqual({ a: 'x', b: 1.5, c: true, d: null, e: null, n: 42, big: '9007199254740993', list: [1, 'y', [2]] })
  })

  it('gives a DateTime as UTC ISO with milliseconds, whatever its offset or zone', () => {
    const { DateTime } = neo4j.types
    expect(toPlain(new DateTime(2026, 11, 26, 4, 16, 53, 650123456, 0))).toBe('2026-11-26T04:16:53.650Z')
    expect(toPlain(new DateTime(2026, 11, 26, 12, 16, 53, 650999999, 8 * 3600))).toBe('2026-11-26T04:16:53.650Z')
    expect(toPlain(new DateTime(2026, 1, 1, 7, 0, 0, 0, 8 * 3600))).toBe('2025-12-31T23:00:00.000Z')
    expect(toPlain(new DateTime(2026, 11, 26, 12, 16, 53, 650999999, 8 * 3600, 'Asia/Shanghai'))).toBe('2026-11-26T04:16:53.650Z')
    // As the driver reads them: every field an Integer.
    const i = neo4j.int
    expect(toPlain(new DateTime(i(2026), i(11), i(26), i(12), i(16), i(53), i(650999999), i(8 * 3600)))).toBe('2026-11-26T04:16:53.650Z')
  })

  it('gives other temporal values as their ISO text, and a node as its properties', () => {
    expect(toPlain(new neo4j.types.Date(2026, 3, 1))).toBe('2026-03-01')
    expect(toPlain(new neo4j.types.Node(neo4j.int(1), ['Law'], { id: 'law-1', articles: neo4j.int(3) }, 'e1'))).toEqual({ id: 'law-1', articles: 3 })
  })
})
