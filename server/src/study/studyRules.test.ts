import { describe, expect, it } from 'vitest'
import { checkInOpen, checkInWindow } from './studyRules'

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
})
