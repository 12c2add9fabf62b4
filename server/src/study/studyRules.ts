/**
 * The rules of study sessions that need no database: the kinds, the limits the API enforces and the
 * check-in window. Times are instants (ms); the calendar is Asia/Shanghai (common/time.ts).
 */
import { endOfShanghaiDay } from '../common/time'

/** The kinds of study session (StudySessionKind), in display order. */
export const SESSION_KINDS = ['PRE_MEETING', 'CENTRAL_GROUP', 'TRAINING', 'LECTURE', 'ONLINE'] as const

const HOUR_MS = 3600_000

/** Limits the API enforces. */
export const STUDY_LIMITS = {
  titleMax: 100,
  meetingMax: 100,
  minutesMin: 5,
  minutesMax: 8 * 60,
  articlesMax: 50,
  attendeesMax: 2000,
  readingSecondsMax: 3600,
  clientIdMax: 64,
} as const

/** Check-in is open from 1 h before the start until the end of that (Shanghai) day. */
export function checkInWindow(startsAt: number): { opens: number, closes: number } {
  return { opens: startsAt - HOUR_MS, closes: endOfShanghaiDay(startsAt) }
}

/** Whether check-in is open at `now`. */
export function checkInOpen(startsAt: number, now: number): boolean {
  const { opens, closes } = checkInWindow(startsAt)
  return now >= opens && now < closes
}
