/**
 * The rules of attempts that need no database: the deadline, when an attempt may start and when answers
 * may be revealed. Times are instants (ms).
 */

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
