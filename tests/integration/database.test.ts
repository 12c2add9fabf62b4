import type { Database } from '../../server/src/db/database'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isoText } from '../../server/src/db/database'
import { connectTestDatabase } from '../helpers'

describe('isoText: a DateTime as text in Cypher', () => {
  let db: Database
  beforeAll(async () => {
    db = await connectTestDatabase()
  })
  afterAll(() => db.close())

  it('gives the text toPlain gives the same DateTime read from the database, and null for null', async () => {
    const inputs = [
      '2026-11-26T05:28:27.123Z',
      '2026-11-26T05:28:27Z',
      '2026-11-26T05:28:27.120Z',
      '2026-11-26T05:28:27.001Z',
      '2026-11-26T05:28:27.123456789Z',
      '2026-11-26T13:28:27.5+08:00',
      '2026-01-01T07:00:00+08:00[Asia/Shanghai]',
      '1970-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
    ]
    const rows = await db.read<{ input: string, value: string, text: string }>(
      `UNWIND $inputs AS input WITH input, datetime(input) AS d RETURN input, d AS value, ${isoText('d')} AS text`,
      { inputs },
    )
    expect(rows).toHaveLength(inputs.length)
    for (const row of rows)
      expect(row.text, row.input).toBe(row.value)
    expect(rows.map(r => r.text)).toEqual([
      '2026-11-26T05:28:27.123Z',
      '2026-11-26T05:28:27.000Z',
      '2026-11-26T05:28:27.120Z',
      '2026-11-26T05:28:27.001Z',
      '2026-11-26T05:28:27.123Z',
      '2026-11-26T05:28:27.500Z',
      '2025-12-31T23:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ])
    const [none] = await db.read<{ text: string | null }>(`WITH null AS d RETURN ${isoText('d')} AS text`)
    expect(none!.text).toBeNull()
  })
})
