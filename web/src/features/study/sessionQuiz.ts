/** What the session page knows about its quiz and the person's attempts at it. */
export interface SessionQuizState {
  checkInOpensAt: string
  quiz: { opensAt?: string | null, closesAt?: string | null, attemptsAllowed?: number | null } | null
  my: { invited: boolean, attempts: readonly { id: string, status: string, startedAt: string }[] }
}

/** Why 开始测验 is not offered, as an i18n key under study.session.cannotStart with its parameters. */
export type StartRefusal
  = | { reason: 'noQuiz' }
    | { reason: 'notInvited' }
    | { reason: 'notOpen', at: string }
    | { reason: 'closed', at: string }
    | { reason: 'used', n: number }

/**
 * The attempts that belong to this session: those started once its check-in opened. Attempts are made at
 * a quiz, not a session, so a quiz reused by a later session would otherwise show last time's score.
 */
export function sessionAttempts<T extends { startedAt: string }>(state: { checkInOpensAt: string, my: { attempts: readonly T[] } }): T[] {
  const opens = Date.parse(state.checkInOpensAt)
  return state.my.attempts.filter(a => Date.parse(a.startedAt) >= opens)
}

/**
 * Whether the person may start the quiz now, by the rules the server applies on startAttempt (open and
 * close times, attempts allowed, counted over every attempt at the quiz), and if not, why.
 */
export function startRefusal(state: SessionQuizState, now: number): StartRefusal | null {
  const quiz = state.quiz
  if (!quiz)
    return { reason: 'noQuiz' }
  if (!state.my.invited)
    return { reason: 'notInvited' }
  if (quiz.opensAt && Date.parse(quiz.opensAt) > now)
    return { reason: 'notOpen', at: quiz.opensAt }
  if (quiz.closesAt && Date.parse(quiz.closesAt) <= now)
    return { reason: 'closed', at: quiz.closesAt }
  if (quiz.attemptsAllowed != null && state.my.attempts.length >= quiz.attemptsAllowed)
    return { reason: 'used', n: quiz.attemptsAllowed }
  return null
}
