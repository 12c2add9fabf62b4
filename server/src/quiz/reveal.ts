/**
 * When a quiz's answers, explanations, per-question correctness and tested articles may be shown to the
 * person who took it (the quiz's reveal policy, QuizReveal). One rule for the attempt's results and for
 * review cards: a card shows a question's answer only when some quiz through which the person met it
 * already reveals it to them.
 */

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

/** A quiz's policy as a submitted attempt at it met a question: the policy and when the quiz closes (ISO 8601, null: never). */
export interface MetThrough {
  reveal: RevealPolicy | string
  closesAt: string | null
}

/** Whether any of the quizzes through which the person met a question (submitted attempts only) reveals its answer at `now`. */
export function answerRevealed(metThrough: readonly MetThrough[], now: Date): boolean {
  return metThrough.some(m => revealAllowed(m.reveal, true, m.closesAt ? Date.parse(m.closesAt) : null, now.getTime()))
}
