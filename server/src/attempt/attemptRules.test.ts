import { describe, expect, it } from 'vitest'
import { attemptDeadline, revealAllowed, startRefusal } from './attemptRules'

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

describe('reveal policy', () => {
  const now = at('2026-03-02T09:00:00Z')
  it('reveals AFTER_SUBMIT once submitted, AFTER_CLOSE once also closed, NEVER never', () => {
    expect(revealAllowed('AFTER_SUBMIT', false, null, now)).toBe(false)
    expect(revealAllowed('AFTER_SUBMIT', true, null, now)).toBe(true)
    expect(revealAllowed('AFTER_CLOSE', true, now + 1, now)).toBe(false)
    expect(revealAllowed('AFTER_CLOSE', true, now, now)).toBe(true)
    expect(revealAllowed('AFTER_CLOSE', false, now - 1, now)).toBe(false)
    expect(revealAllowed('AFTER_CLOSE', true, null, now)).toBe(false)
    expect(revealAllowed('NEVER', true, now - 1, now)).toBe(false)
  })
})
