/**
 * The live meeting quiz's rules (现场答题), pure so they are unit-tested without a database or a clock:
 * the room's state machine, which answer counts, the answer distribution and the join code.
 *
 * A run goes LOBBY → OPEN (question 0) → CLOSED (its result shown) → OPEN (question 1) → … → ENDED.
 * Time decisions are made from the stored `closesAt` and the server's receipt time of a request, never
 * from a client's clock: an answer counts iff the server received it before `closesAt`.
 */

/** Where a run is. */
export type LiveState = 'LOBBY' | 'OPEN' | 'CLOSED' | 'ENDED'

/** What the host asks for. */
export type HostAction = 'NEXT' | 'EXTEND' | 'END'

/** The part of a stored run the state machine reads. */
export interface RunPosition {
  state: LiveState
  /** 0-based index of the current question; -1 in the lobby. */
  questionIndex: number
  questionCount: number
  /** Epoch ms; null before the first question. */
  openedAt: number | null
  closesAt: number | null
  /** Seconds each question stays open. */
  secondsPerQuestion: number
}

/** Bounds of the host's settings. */
export const LIVE_LIMITS = {
  minSeconds: 5,
  maxSeconds: 600,
  defaultSeconds: 30,
  maxExtendSeconds: 300,
  /** After a question's closesAt, how long a timer waits before closing it, so answers received just before the close and still being written are in its result. */
  closeGraceMs: 300,
}

/** The position after an action, or a refusal in words a host can act on. */
export type Transition = { ok: true, next: RunPosition } | { ok: false, reason: string }

/** The effective state at `now`: an OPEN question whose closesAt has passed is as good as closed (no answer counts). */
export function effectiveState(run: Pick<RunPosition, 'state' | 'closesAt'>, now: number): LiveState {
  if (run.state === 'OPEN' && run.closesAt !== null && now >= run.closesAt)
    return 'CLOSED'
  return run.state
}

/**
 * The host's action at `now`. NEXT from the lobby or a closed question opens the next question (or ends
 * the run after the last); NEXT on an open question closes it now (everyone has answered). EXTEND adds
 * seconds to an open question. END ends the run from any state (an open question closes first).
 */
export function transition(run: RunPosition, action: HostAction, now: number, extendSeconds = 0): Transition {
  const state = effectiveState(run, now)
  if (state === 'ENDED')
    return { ok: false, reason: '本场答题已结束 (the live quiz has ended).' }
  switch (action) {
    case 'NEXT': {
      if (state === 'OPEN')
        return { ok: true, next: { ...run, state: 'CLOSED', closesAt: now } }
      const index = run.questionIndex + 1
      if (index >= run.questionCount)
        return { ok: true, next: { ...run, state: 'ENDED', closesAt: closedAt(run, now) } }
      return { ok: true, next: { ...run, state: 'OPEN', questionIndex: index, openedAt: now, closesAt: now + run.secondsPerQuestion * 1000 } }
    }
    case 'EXTEND': {
      if (state !== 'OPEN')
        return { ok: false, reason: '只有作答中的题目可以延时 (only an open question can be extended).' }
      if (!Number.isInteger(extendSeconds) || extendSeconds < 1 || extendSeconds > LIVE_LIMITS.maxExtendSeconds)
        return { ok: false, reason: `延时须为 1–${LIVE_LIMITS.maxExtendSeconds} 秒 (seconds: 1–${LIVE_LIMITS.maxExtendSeconds}).` }
      return { ok: true, next: { ...run, closesAt: run.closesAt! + extendSeconds * 1000 } }
    }
    case 'END':
      return { ok: true, next: { ...run, state: 'ENDED', closesAt: closedAt(run, now) } }
  }
}

/** An open question ended early closes now; otherwise its closesAt stands. */
function closedAt(run: RunPosition, now: number): number | null {
  return run.state === 'OPEN' && run.closesAt !== null && run.closesAt > now ? now : run.closesAt
}

/** Whether a stored OPEN question is due to be closed by the timer at `now`. */
export function closeDue(run: Pick<RunPosition, 'state' | 'closesAt'>, now: number): boolean {
  return run.state === 'OPEN' && run.closesAt !== null && now >= run.closesAt
}

/** Why an answer received at `now` to question `index` does not count, or null when it does. */
export function answerRefusal(run: Pick<RunPosition, 'state' | 'questionIndex' | 'closesAt'>, index: number, now: number): string | null {
  if (run.state === 'LOBBY')
    return '题目尚未开始 (the question has not opened yet).'
  if (run.state === 'ENDED')
    return '本场答题已结束 (the live quiz has ended).'
  if (index !== run.questionIndex)
    return '该题已不在作答中 (that question is no longer open): answer the current one.'
  if (run.state !== 'OPEN' || run.closesAt === null || now >= run.closesAt)
    return '本题作答已截止 (the question closed before your answer arrived).'
  return null
}

/** One answer as stored: who, to which question, what, when the server received it. */
export interface ReceivedAnswer {
  personId: string
  questionIndex: number
  given: string[]
  /** Epoch ms of receipt at the server. */
  receivedAt: number
}

/**
 * The answer that counts per person for one question: the latest received before `closesAt` (answers
 * are changeable until the close). Later ones never count, whatever order they were written in.
 */
export function countedAnswers(answers: readonly ReceivedAnswer[], questionIndex: number, closesAt: number): Map<string, ReceivedAnswer> {
  const counted = new Map<string, ReceivedAnswer>()
  for (const answer of answers) {
    if (answer.questionIndex !== questionIndex || answer.receivedAt >= closesAt)
      continue
    const before = counted.get(answer.personId)
    if (!before || answer.receivedAt >= before.receivedAt)
      counted.set(answer.personId, answer)
  }
  return counted
}

/**
 * How many chose each option (A, B, …, or TRUE/FALSE), in the question's order; a MULTIPLE answer counts
 * once for each letter chosen. FILL_BLANK has no options: the chart shows right and wrong instead.
 */
export function distribution(type: string, optionCount: number, given: readonly (readonly string[])[]): { option: string, count: number }[] {
  const keys = type === 'TRUE_FALSE' ? ['TRUE', 'FALSE'] : type === 'FILL_BLANK' ? [] : Array.from({ length: optionCount }, (_, k) => String.fromCharCode(65 + k))
  const counts = new Map(keys.map(key => [key, 0]))
  for (const answer of given) {
    for (const choice of new Set(answer)) {
      if (counts.has(choice))
        counts.set(choice, counts.get(choice)! + 1)
    }
  }
  return keys.map(option => ({ option, count: counts.get(option)! }))
}

/** Digits of a join code: easy to read off a screen and type on a phone. */
export const JOIN_CODE_LENGTH = 6

/** A join code from random bytes (six digits, leading zeros kept). */
export function joinCodeFrom(random: Uint8Array): string {
  let n = 0
  for (const byte of random.slice(0, 4))
    n = (n * 256 + byte) % 1_000_000_007
  return String(n % 10 ** JOIN_CODE_LENGTH).padStart(JOIN_CODE_LENGTH, '0')
}

/** Whether `code` has the form of a join code (what a person typed, spaces removed). */
export function isJoinCode(code: string): boolean {
  return /^\d{6}$/.test(code)
}
