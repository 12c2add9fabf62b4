/**
 * Calendar arithmetic on `YYYY-MM-DD` dates (compared as calendar dates, no time zone), as the
 * compliance engine counts periods. Pure: no clock.
 */

import { createRequire } from 'node:module'

// The package's Node entry is a UMD bundle whose named exports Node's ESM loader cannot see (vitest
// would take its ES build instead); requiring it gives the same functions everywhere.
const { getHolidaysInRange, isWorkday } = createRequire(import.meta.url)('chinese-days') as typeof import('chinese-days')

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

/** `YYYY-MM-DD` of a day number. */
function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

const knownYears = new Map<number, boolean>()

/**
 * Whether the holiday calendar knows the official public holidays of `year`. The State Council
 * publishes them a year at a time, so a year the calendar has no holidays for is not yet known (or too
 * old), and counting its working days would be a guess.
 */
export function calendarKnowsYear(year: number): boolean {
  let known = knownYears.get(year)
  if (known === undefined) {
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    knownYears.set(year, known)
  }
  return known
}

const workdays = new Map<string, boolean>()

function chinaWorkday(date: string): boolean {
  let workday = workdays.get(date)
  if (workday === undefined) {
    workday = isWorkday(date)
    workdays.set(date, workday)
  }
  return workday
}

/**
 * China's working days (工作日) after `from` up to and including `to`, start day not counted: the
 * official public holidays are not working days and the weekend days worked in their place (调休) are,
 * as the `chinese-days` calendar lists them. Returns 0 when `to` is not after `from`, and null when a
 * day in between falls in a year the calendar does not know (see {@link calendarKnowsYear}): the
 * caller reports that as uncertain instead of guessing.
 */
export function workingDaysBetween(from: string, to: string): number | null {
  const start = dayNumber(from)
  const end = dayNumber(to)
  let count = 0
  for (let day = start + 1; day <= end; day++) {
    const date = dateOf(day)
    if (!calendarKnowsYear(Number(date.slice(0, 4))))
      return null
    if (chinaWorkday(date))
      count++
  }
  return count
}

/** The day before `date` (`YYYY-MM-DD`). */
export function dayBefore(date: string): string {
  return dateOf(dayNumber(date) - 1)
}
