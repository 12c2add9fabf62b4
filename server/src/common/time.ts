/**
 * The Asia/Shanghai calendar (UTC+8, no daylight saving), on which the study year, months and days are
 * counted. Times are instants (ms since the epoch).
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

/** The instant the Shanghai calendar day containing `instant` ends (next midnight, UTC+8). */
export function endOfShanghaiDay(instant: number): number {
  const local = instant + SHANGHAI_OFFSET_MS
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS
  return dayStart + DAY_MS - SHANGHAI_OFFSET_MS
}

/** The year on the Asia/Shanghai calendar at `now`. */
export function shanghaiYear(now: Date): number {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear()
}

/** 'YYYY-MM' of an instant in Shanghai. */
export function shanghaiMonth(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7)
}

/** The bounds of a Shanghai calendar year as ISO 8601 texts, `from` inclusive and `to` exclusive. */
export function shanghaiYearBounds(year: number): { from: string, to: string } {
  return { from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` }
}
