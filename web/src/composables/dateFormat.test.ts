import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatDuration } from './dateFormat'

describe('one date format', () => {
  it('writes instants in Beijing time as YYYY-MM-DD HH:mm, whatever the zone of the instant', () => {
    expect(formatDateTime('2026-12-04T00:40:00Z')).toBe('2026-12-04 08:40')
    expect(formatDateTime('2026-12-03T16:05:00Z')).toBe('2026-12-04 00:05')
    expect(formatDateTime('2026-12-04T08:40:00+08:00')).toBe('2026-12-04 08:40')
  })
  it('writes dates as YYYY-MM-DD, keeping a plain date as it is (no zone shift)', () => {
    expect(formatDate('2019-04-20')).toBe('2019-04-20')
    expect(formatDate('2026-12-03T16:05:00Z')).toBe('2026-12-04')
  })
  it('shows nothing for no value and the text itself for a value that is not a date', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
    expect(formatDateTime('不是日期')).toBe('不是日期')
  })
  it('writes durations as a countdown', () => {
    expect(formatDuration(65)).toBe('01:05')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(-3)).toBe('00:00')
  })
})
