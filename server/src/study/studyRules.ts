/**
 * The rules of study sessions and attempts that need no database: the check-in window, deadlines,
 * when answers may be revealed, and what a saved answer may look like. Times are instants (ms); the
 * calendar is Asia/Shanghai (UTC+8, no daylight saving).
 */
import { badInput } from '../common/errors'

/** The kinds of study session (StudySessionKind), in display order. */
export const SESSION_KINDS = ['PRE_MEETING', 'CENTRAL_GROUP', 'TRAINING', 'LECTURE', 'ONLINE'] as const

const SHANGHAI_OFFSET_MS = 8 * 3600_000
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
  blankTextMax: 200,
  clientIdMax: 64,
} as const

/** The instant the Shanghai calendar day containing `instant` ends (next midnight, UTC+8). */
export function endOfShanghaiDay(instant: number): number {
  const local = instant + SHANGHAI_OFFSET_MS
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000
  return dayStart + 86_400_000 - SHANGHAI_OFFSET_MS
}

/** 'YYYY-MM' of an instant in Shanghai. */
/** The year on the Asia/Shanghai calendar at `now`. */
export function shanghaiYear(now: Date): number {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear()
}

export function shanghaiMonth(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7)
}

/** Check-in is open from 1 h before the start until the end of that (Shanghai) day. */
export function checkInWindow(startsAt: number): { opens: number, closes: number } {
  return { opens: startsAt - HOUR_MS, closes: endOfShanghaiDay(startsAt) }
}

/** Whether check-in is open at `now`. */
export function checkInOpen(startsAt: number, now: number): boolean {
  const { opens, closes } = checkInWindow(startsAt)
  return now >= opens && now < closes
}

/** The deadline of an attempt started at `startedAt`: the time limit, cut short by the quiz closing; null for none. */
export function attemptDeadline(startedAt: number, timeLimitSec: number | null, closesAt: number | null): number | null {
  const limit = timeLimitSec && timeLimitSec > 0 ? startedAt + timeLimitSec * 1000 : null
  if (limit === null)
    return closesAt
  return closesAt === null ? limit : Math.min(limit, closesAt)
}

export type RevealPolicy = 'AFTER_SUBMIT' | 'AFTER_CLOSE' | 'NEVER'

/**
 * Whether the person who made the attempt may see answers, explanations, per-question correctness and the
 * tested articles: AFTER_SUBMIT once submitted; AFTER_CLOSE once submitted and the quiz has closed (a quiz
 * that never closes never reveals); NEVER never (the score only).
 */
export function revealAllowed(policy: RevealPolicy | string, submitted: boolean, closesAt: number | null, now: number): boolean {
  if (!submitted)
    return false
  if (policy === 'AFTER_SUBMIT')
    return true
  if (policy === 'AFTER_CLOSE')
    return closesAt !== null && now >= closesAt
  return false
}

/** Why an attempt cannot start now, or null when it can. */
export function startRefusal(quiz: { status: string, opensAt: number | null, closesAt: number | null }, now: number): string | null {
  if (quiz.status !== 'PUBLISHED')
    return '试卷尚未发布 (the quiz is not published yet): ask the trainer to publish it.'
  if (quiz.opensAt !== null && now < quiz.opensAt)
    return `试卷尚未开放，开放时间 ${new Date(quiz.opensAt).toISOString()} (the quiz opens at that time): come back then.`
  if (quiz.closesAt !== null && now >= quiz.closesAt)
    return `试卷已截止 (the quiz closed at ${new Date(quiz.closesAt).toISOString()}): it can no longer be taken.`
  return null
}

const LETTERS = 'ABCDEFGH'

/**
 * Checks an answer before it is saved: choice letters among the shown options (one for SINGLE, distinct
 * for MULTIPLE), TRUE or FALSE, or at most one text per blank. An empty list clears the answer. Returns
 * the answer as stored (letters upper-cased and sorted, texts as typed).
 */
export function checkGiven(question: { type: string, optionCount: number, blanks: number }, given: readonly string[]): string[] {
  const field = { field: 'given' }
  if (given.length === 0)
    return []
  switch (question.type) {
    case 'SINGLE':
    case 'MULTIPLE': {
      const allowed = LETTERS.slice(0, question.optionCount)
      const letters = given.map(g => g.trim().toUpperCase())
      if (letters.some(l => l.length !== 1 || !allowed.includes(l)))
        throw badInput(`答案须为选项字母 ${allowed.split('').join('、')} (given: option letters ${allowed.split('').join(', ')}).`, field)
      if (new Set(letters).size !== letters.length)
        throw badInput('同一选项只能选一次 (given: each letter once).', field)
      if (question.type === 'SINGLE' && letters.length > 1)
        throw badInput('单选题只能选一个选项 (given: a SINGLE question takes one letter).', field)
      return letters.sort()
    }
    case 'TRUE_FALSE': {
      const value = given.length === 1 ? given[0]!.trim().toUpperCase() : ''
      if (value !== 'TRUE' && value !== 'FALSE')
        throw badInput('判断题答案须为 TRUE 或 FALSE (given: TRUE or FALSE).', field)
      return [value]
    }
    case 'FILL_BLANK': {
      if (given.length > question.blanks)
        throw badInput(`本题有 ${question.blanks} 个空 (given: at most ${question.blanks} texts, one per blank).`, field)
      if (given.some(g => g.length > STUDY_LIMITS.blankTextMax))
        throw badInput(`每空最多 ${STUDY_LIMITS.blankTextMax} 字 (given: at most ${STUDY_LIMITS.blankTextMax} characters per blank).`, field)
      return [...given]
    }
    default:
      throw badInput(`未知题型 ${question.type} (unknown question type).`, field)
  }
}

/** Counts `____` blanks of a FILL_BLANK stem (the question bank writes each blank as four underscores). */
export function blanksOf(type: string, answer: readonly string[]): number {
  return type === 'FILL_BLANK' ? answer.length : 0
}
