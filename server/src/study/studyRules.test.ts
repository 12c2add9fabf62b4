import { describe, expect, it } from 'vitest'
import { attemptDeadline, checkGiven, checkInOpen, checkInWindow, endOfShanghaiDay, revealAllowed, shanghaiMonth, startRefusal } from './studyRules'

const at = (iso: string) => Date.parse(iso)

describe('check-in window', () => {
  it('opens 1 h before the start and closes at the end of that day in Shanghai', () => {
    const start = at('2026-03-02T09:00:00+08:00')
    expect(checkInWindow(start)).toEqual({ opens: at('2026-03-02T08:00:00+08:00'), closes: at('2026-03-03T00:00:00+08:00') })
    expect(checkInOpen(start, at('2026-03-02T07:59:59+08:00'))).toBe(false)
    expect(checkInOpen(start, at('2026-03-02T08:00:00+08:00'))).toBe(true)
    expect(checkInOpen(start, at('2026-03-02T23:59:59+08:00'))).toBe(true)
    expect(checkInOpen(start, at('2026-03-03T00:00:00+08:00'))).toBe(false)
  })

  it('uses the Shanghai day even when UTC is on another date', () => {
    // 07:30 in Shanghai is 23:30 UTC the day before.
    expect(endOfShanghaiDay(at('2026-03-02T07:30:00+08:00'))).toBe(at('2026-03-03T00:00:00+08:00'))
    expect(shanghaiMonth(at('2026-01-31T20:00:00Z'))).toBe('2026-02')
  })
})

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

describe('saved answers', () => {
  const single = { type: 'SINGLE', optionCount: 4, blanks: 0 }
  it('accepts option letters of the shown options, TRUE/FALSE, one text per blank, or nothing', () => {
    expect(checkGiven(single, ['c'])).toEqual(['C'])
    expect(checkGiven({ ...single, type: 'MULTIPLE' }, ['D', 'A'])).toEqual(['A', 'D'])
    expect(checkGiven({ type: 'TRUE_FALSE', optionCount: 0, blanks: 0 }, ['false'])).toEqual(['FALSE'])
    expect(checkGiven({ type: 'FILL_BLANK', optionCount: 0, blanks: 2 }, [' 甲 ', ''])).toEqual([' 甲 ', ''])
    expect(checkGiven(single, [])).toEqual([])
  })

  it('refuses anything else with a message saying what is allowed', () => {
    expect(() => checkGiven(single, ['E'])).toThrow(/option letters A, B, C, D/)
    expect(() => checkGiven(single, ['A', 'B'])).toThrow(/one letter/)
    expect(() => checkGiven({ ...single, type: 'MULTIPLE' }, ['A', 'a'])).toThrow(/each letter once/)
    expect(() => checkGiven({ type: 'TRUE_FALSE', optionCount: 0, blanks: 0 }, ['YES'])).toThrow(/TRUE or FALSE/)
    expect(() => checkGiven({ type: 'FILL_BLANK', optionCount: 0, blanks: 1 }, ['a', 'b'])).toThrow(/at most 1/)
    expect(() => checkGiven({ type: 'FILL_BLANK', optionCount: 0, blanks: 1 }, ['x'.repeat(201)])).toThrow(/200 characters/)
  })
})
