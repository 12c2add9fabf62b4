/**
 * Calendar arithmetic on `YYYY-MM-DD` dates (compared as calendar dates, no time zone), as the
 * compliance engine counts periods. Pure: no clock.
 */

const DAY_MS = 86_400_000

/** A `YYYY-MM-DD` date. */
export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on anything else. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date)
  if (!m)
    throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  const [year, month, day] = [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
  ]
  const ms = Date.UTC(year, month - 1, day)
  const back = new Date(ms)
  // Date.UTC rolls 02-30 over into March; reject such dates instead of silently shifting them.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw new RangeError(`不存在的日期：${date}`)
  return ms / DAY_MS
}

/** Calendar days from `from` to `to`, start day not counted (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

function isWeekday(day: number): boolean {
  // Day 0 (1970-01-01) was a Thursday; with Sunday = 0 that is 4.
  const weekday = (((day + 4) % 7) + 7) % 7
  return weekday !== 0 && weekday !== 6
}

/**
 * Working days after `from` up to and including `to` (start day not counted), counting Monday to Friday.
 * There is no holiday calendar: statutory holidays are counted as working days and weekend make-up
 * working days (调休) are not, so the result only approximates 工作日. Returns 0 when `to` is not after
 * `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const start = dayNumber(from)
  const end = dayNumber(to)
  if (end <= start)
    return 0
  const fullWeeks = Math.floor((end - start) / 7)
  let count = fullWeeks * 5
  for (let day = start + fullWeeks * 7 + 1; day <= end; day++) {
    if (isWeekday(day))
      count++
  }
  return count
}
