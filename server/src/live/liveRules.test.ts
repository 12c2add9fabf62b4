import type { ReceivedAnswer, RunPosition } from './liveRules'
import { describe, expect, it } from 'vitest'
import { answerRefusal, closeDue, countedAnswers, distribution, effectiveState, isJoinCode, joinCodeFrom, transition } from './liveRules'

const lobby: RunPosition = { state: 'LOBBY', questionIndex: -1, questionCount: 2, openedAt: null, closesAt: null, secondsPerQuestion: 30 }

function next(run: RunPosition, now: number): RunPosition {
  const t = transition(run, 'NEXT', now)
  if (!t.ok)
    throw new Error(t.reason)
  return t.next
}

describe('the room state machine', () => {
  it('opens the questions in order, each for its seconds, and ends after the last', () => {
    const q0 = next(lobby, 1000)
    expect(q0).toMatchObject({ state: 'OPEN', questionIndex: 0, openedAt: 1000, closesAt: 31_000 })
    const closed = next(q0, 5000)
    expect(closed).toMatchObject({ state: 'CLOSED', questionIndex: 0, closesAt: 5000 })
    const q1 = next(closed, 6000)
    expect(q1).toMatchObject({ state: 'OPEN', questionIndex: 1, closesAt: 36_000 })
    // The timer closed it (closesAt passed): NEXT then ends the run, keeping the stored close.
    expect(next(q1, 40_000)).toMatchObject({ state: 'ENDED', closesAt: 36_000 })
  })

  it('treats an open question whose closesAt passed as closed', () => {
    const q0 = next(lobby, 0)
    expect(effectiveState(q0, 29_999)).toBe('OPEN')
    expect(effectiveState(q0, 30_000)).toBe('CLOSED')
    expect(closeDue(q0, 29_999)).toBe(false)
    expect(closeDue(q0, 30_000)).toBe(true)
    // NEXT after the time ran out opens the next question rather than closing the closed one again.
    expect(next(q0, 31_000)).toMatchObject({ state: 'OPEN', questionIndex: 1 })
  })

  it('extends only an open question, by 1–300 s', () => {
    const q0 = next(lobby, 0)
    const extended = transition(q0, 'EXTEND', 10_000, 15)
    expect(extended).toEqual({ ok: true, next: { ...q0, closesAt: 45_000 } })
    expect(transition(q0, 'EXTEND', 10_000, 0).ok).toBe(false)
    expect(transition(q0, 'EXTEND', 10_000, 301).ok).toBe(false)
    expect(transition(q0, 'EXTEND', 30_000, 10).ok).toBe(false)
    expect(transition(lobby, 'EXTEND', 0, 10).ok).toBe(false)
  })

  it('ends from any state, closing an open question now, and refuses everything after', () => {
    const q0 = next(lobby, 0)
    const ended = transition(q0, 'END', 12_000)
    expect(ended).toEqual({ ok: true, next: { ...q0, state: 'ENDED', closesAt: 12_000 } })
    expect(transition(lobby, 'END', 5).ok).toBe(true)
    const after = (ended as { next: RunPosition }).next
    expect(transition(after, 'NEXT', 13_000)).toEqual({ ok: false, reason: expect.stringContaining('已结束') })
  })
})

describe('which answers count', () => {
  const open = { state: 'OPEN' as const, questionIndex: 1, closesAt: 10_000 }

  it('refuses answers to another question, after the close, in the lobby and after the end', () => {
    expect(answerRefusal(open, 1, 9_999)).toBeNull()
    expect(answerRefusal(open, 1, 10_000)).toMatch(/截止/)
    expect(answerRefusal(open, 0, 5_000)).toMatch(/不在作答中/)
    expect(answerRefusal({ ...open, state: 'LOBBY' }, 1, 0)).toMatch(/尚未开始/)
    expect(answerRefusal({ ...open, state: 'ENDED' }, 1, 0)).toMatch(/已结束/)
    expect(answerRefusal({ ...open, state: 'CLOSED' }, 1, 0)).toMatch(/截止/)
  })

  it('counts the latest answer received before closesAt, whatever order they were stored in', () => {
    const answers: ReceivedAnswer[] = [
      { personId: 'a', questionIndex: 0, given: ['B'], receivedAt: 9_000 },
      { personId: 'a', questionIndex: 0, given: ['A'], receivedAt: 4_000 },
      { personId: 'a', questionIndex: 0, given: ['C'], receivedAt: 10_000 }, // at the close: too late
      { personId: 'b', questionIndex: 0, given: ['D'], receivedAt: 9_999 },
      { personId: 'b', questionIndex: 1, given: ['A'], receivedAt: 1_000 }, // another question
      { personId: 'c', questionIndex: 0, given: ['A'], receivedAt: 12_000 },
    ]
    const counted = countedAnswers(answers, 0, 10_000)
    expect(Object.fromEntries([...counted].map(([p, a]) => [p, a.given]))).toEqual({ a: ['B'], b: ['D'] })
  })

  it('tallies each option, MULTIPLE answers once per letter, TRUE_FALSE by value', () => {
    expect(distribution('SINGLE', 4, [['A'], ['C'], ['A'], ['Z']])).toEqual([
      { option: 'A', count: 2 },
      { option: 'B', count: 0 },
      { option: 'C', count: 1 },
      { option: 'D', count: 0 },
    ])
    expect(distribution('MULTIPLE', 3, [['A', 'B'], ['B', 'B']])).toEqual([
      { option: 'A', count: 1 },
      { option: 'B', count: 2 },
      { option: 'C', count: 0 },
    ])
    expect(distribution('TRUE_FALSE', 0, [['TRUE'], ['FALSE'], ['TRUE']])).toEqual([{ option: 'TRUE', count: 2 }, { option: 'FALSE', count: 1 }])
    expect(distribution('FILL_BLANK', 0, [['x']])).toEqual([])
  })
})

describe('join codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(joinCodeFrom(new Uint8Array([0, 0, 0, 7]))).toBe('000007')
    expect(joinCodeFrom(new Uint8Array([255, 255, 255, 255]))).toMatch(/^\d{6}$/)
    expect(isJoinCode('012345')).toBe(true)
    expect(isJoinCode('12345')).toBe(false)
    expect(isJoinCode('12a456')).toBe(false)
  })
})
