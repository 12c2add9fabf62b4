import { describe, expect, it } from 'vitest'
import { endOfShanghaiDay, shanghaiMonth } from './time'

const at = (iso: string) => Date.parse(iso)

describe('the Shanghai calendar', () => {
  it('uses the Shanghai day even when UTC is on another date', () => {
    // 07:30 in Shanghai is 23:30 UTC the day before.
    expect(endOfShanghaiDay(at('2026-03-02T07:30:00+08:00'))).toBe(at('2026-03-03T00:00:00+08:00'))
    expect(shanghaiMonth(at('2026-01-31T20:00:00Z'))).toBe('2026-02')
  })
})
