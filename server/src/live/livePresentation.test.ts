import type { RunRecord } from './live.repository'
import { describe, expect, it } from 'vitest'
import { LiveRole } from './live.type'
import { buildRoomEvent, viewOf } from './livePresentation'

const run: RunRecord = {
  id: 'live-1',
  joinCode: '123456',
  sessionId: 's',
  sessionTitle: '会前学法',
  organizationId: 'o',
  quizId: 'z',
  quizTitle: '测验',
  multiplePartialCredit: false,
  state: 'OPEN',
  questionIndex: 0,
  questionCount: 2,
  secondsPerQuestion: 30,
  openedAt: 0,
  closesAt: 30_000,
  items: [
    { index: 0, id: 'q0', type: 'SINGLE', stem: '哪一项？', options: ['甲', '乙', '丙'], points: 10, answer: ['B'], explanation: 'SECRET-EXPLANATION', articles: [], closedAt: null },
    { index: 1, id: 'q1', type: 'TRUE_FALSE', stem: '对吗？', options: [], points: 10, answer: ['TRUE'], explanation: '', articles: [], closedAt: null },
  ],
}
const answers = [
  { personId: 'p1', questionIndex: 0, given: ['B'], receivedAt: 1000 },
  { personId: 'p2', questionIndex: 0, given: ['A'], receivedAt: 2000 },
  { personId: 'p3', questionIndex: 0, given: ['B'], receivedAt: 30_000 }, // at the close: does not count
]

describe('what the room shows', () => {
  it('holds neither the answer nor the explanation while a question is open', () => {
    const event = buildRoomEvent(run, answers, { joinedCount: 3, answeredCount: 2 }, 10_000)
    expect(event.room.state).toBe('OPEN')
    expect(event.room.result).toBeNull()
    expect(event.people).toBeNull()
    const text = JSON.stringify(event)
    expect(text).not.toContain('SECRET-EXPLANATION')
    expect(event.room.question).toEqual({ index: 0, id: 'q0', type: 'SINGLE', stem: '哪一项？', options: ['甲', '乙', '丙'], points: 10 })
  })

  it('shows the result once the stored close has passed, and each participant only their own verdict', () => {
    const event = buildRoomEvent(run, answers, { joinedCount: 3, answeredCount: 2 }, 30_000)
    expect(event.room.state).toBe('CLOSED')
    expect(event.room.result).toMatchObject({ answer: ['B'], answeredCount: 2, correctCount: 1, distribution: [{ option: 'A', count: 1 }, { option: 'B', count: 1 }, { option: 'C', count: 0 }] })
    const p1 = viewOf(event, { role: LiveRole.PARTICIPANT, personId: 'p1' }, 30_000, null)
    expect(p1).toMatchObject({ myCorrect: true, myAnswer: ['B'], role: 'PARTICIPANT' })
    expect(p1).not.toHaveProperty('people')
    expect(viewOf(event, { role: LiveRole.PARTICIPANT, personId: 'p3' }, 30_000, ['B'])).toMatchObject({ myCorrect: null })
    expect(viewOf(event, { role: LiveRole.HOST, personId: null }, 30_000, null)).toMatchObject({ myCorrect: null, role: 'HOST' })
  })

  it('sums each question and each participant at the end', () => {
    const ended: RunRecord = { ...run, state: 'ENDED', questionIndex: 1, items: [{ ...run.items[0]!, closedAt: 30_000 }, { ...run.items[1]!, closedAt: 60_000 }] }
    const event = buildRoomEvent(ended, [...answers, { personId: 'p2', questionIndex: 1, given: ['TRUE'], receivedAt: 40_000 }], { joinedCount: 4, answeredCount: 0 }, 70_000)
    expect(event.room.summary).toEqual([
      { index: 0, stem: '哪一项？', answeredCount: 2, correctCount: 1, correctShare: 0.25 },
      { index: 1, stem: '对吗？', answeredCount: 1, correctCount: 1, correctShare: 0.25 },
    ])
    expect(event.correctCounts).toEqual({ p1: 1, p2: 1 })
    expect(event.room.question).toBeNull()
  })
})
