import { describe, expect, it } from 'vitest'
import { presentAttendance, presentSession } from './presentation'

const now = new Date('2026-03-02T10:00:00Z')

describe('sessions and attendance', () => {
  it('offers check-in to the invited inside the window only', () => {
    const base = { id: 's', kind: 'PRE_MEETING' as never, title: 't', meeting: null, startsAt: '2026-03-02T09:30:00.000Z', minutes: 30, sample: false, organization: null, articles: [], quiz: null, invitedCount: 1, attendedCount: 0, attendance: null, attempts: [] }
    expect(presentSession({ ...base, invited: true }, now).my.canCheckIn).toBe(true)
    expect(presentSession({ ...base, invited: false }, now).my.canCheckIn).toBe(false)
    expect(presentSession({ ...base, invited: true, attendance: { checkedInAt: now.toISOString(), readingSeconds: 5 } }, now).my).toMatchObject({ canCheckIn: false, readingSeconds: 5 })
  })

  it('counts the best or the last submitted attempt per the quiz scoring', () => {
    const person = { id: 'p', name: '某', category: 'GENERAL' as never, organization: null, sample: false }
    const attempts = [{ status: 'SUBMITTED' as const, score: 80, maxScore: 100 }, { status: 'SUBMITTED' as const, score: 40, maxScore: 100 }, { status: 'IN_PROGRESS' as const, score: null, maxScore: 100 }]
    const data = { person, invited: true, checkedInAt: null, minutes: 30, readingSeconds: 0, attempts }
    expect(presentAttendance(data, { scoring: 'BEST', passScore: 60 })).toMatchObject({ score: 80, passed: true, minutes: 0 })
    expect(presentAttendance(data, { scoring: 'LAST', passScore: 60 })).toMatchObject({ score: 40, passed: false })
    expect(presentAttendance({ ...data, attempts: [attempts[2]!] }, null)).toMatchObject({ score: null, attemptStatus: 'IN_PROGRESS' })
  })
})
