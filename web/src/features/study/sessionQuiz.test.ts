import { describe, expect, it } from 'vitest'
import { sessionAttempts, startRefusal } from './sessionQuiz'

const NOW = Date.parse('2026-12-04T02:00:00Z')
function state(quiz: Record<string, unknown> | null, attempts: { id: string, status: string, startedAt: string }[] = [], invited = true) {
  return {
    checkInOpensAt: '2026-12-04T01:00:00Z',
    quiz,
    my: { invited, attempts },
  }
}

describe('the session page’s quiz', () => {
  it('shows only attempts started once this session opened, not those of an earlier session with the same quiz', () => {
    const earlier = { id: 'a1', status: 'SUBMITTED', startedAt: '2026-11-04T01:30:00Z' }
    const mine = { id: 'a2', status: 'SUBMITTED', startedAt: '2026-12-04T01:30:00Z' }
    expect(sessionAttempts(state({}, [mine, earlier]))).toEqual([mine])
  })

  it('offers 开始测验 when the quiz is open and attempts are left, and says why not otherwise', () => {
    expect(startRefusal(state({ opensAt: null, closesAt: null, attemptsAllowed: null }), NOW)).toBeNull()
    expect(startRefusal(state(null), NOW)).toEqual({ reason: 'noQuiz' })
    expect(startRefusal(state({}, [], false), NOW)).toEqual({ reason: 'notInvited' })
    expect(startRefusal(state({ opensAt: '2026-12-04T03:00:00Z' }), NOW)).toEqual({ reason: 'notOpen', at: '2026-12-04T03:00:00Z' })
    expect(startRefusal(state({ closesAt: '2026-12-04T02:00:00Z' }), NOW)).toEqual({ reason: 'closed', at: '2026-12-04T02:00:00Z' })
    // Attempts are counted at the quiz, over every session, as the server counts them.
    const attempts = [{ id: 'a1', status: 'SUBMITTED', startedAt: '2026-11-04T01:30:00Z' }]
    expect(startRefusal(state({ attemptsAllowed: 1 }, attempts), NOW)).toEqual({ reason: 'used', n: 1 })
    expect(startRefusal(state({ attemptsAllowed: 2 }, attempts), NOW)).toBeNull()
  })
})
