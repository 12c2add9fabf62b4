import { describe, expect, it } from 'vitest'
import { attemptDeadline, startRefusal } from './attemptRules'

const at = (iso: string) => Date.parse(iso)

describe('deadlines', () => {
  it('is the time limit, cut short by the quiz closing, or none', () => {
    const start = at('2026-03-02T09:00:00Z')
    expect(attemptDeadline(start, 900, null)).toBe(start + 900_000)
    expect(attemptDeadline(start, 900, start + 60_000)).toBe(start + 60_000)
    expect(attemptDeadline(start, null, start + 60_000)).toBe(start + 60_000)
    expect(attemptDeadline(start, null, null)).toBeNull()
  })

  it('refuses a quiz not published, not yet open or closed', () => {
    const now = at('2026-03-02T09:00:00Z')
    expect(startRefusal({ status: 'PUBLISHED', opensAt: null, closesAt: null }, now)).toBeNull()
    expect(startRefusal({ status: 'DRAFT', opensAt: null, closesAt: null }, now)).toMatch(/not published/)
    expect(startRefusal({ status: 'PUBLISHED', opensAt: now + 1, closesAt: null }, now)).toMatch(/opens/)
    expect(startRefusal({ status: 'PUBLISHED', opensAt: null, closesAt: now }, now)).toMatch(/closed/)
  })
})
