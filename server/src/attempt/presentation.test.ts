import type { AttemptRow } from './presentation'
import { describe, expect, it } from 'vitest'
import { presentAttempt } from './presentation'

const now = new Date('2026-03-02T10:00:00Z')

function row(overrides: Partial<AttemptRow> = {}, quiz: Partial<AttemptRow['quiz']> = {}): AttemptRow {
  return {
    id: 'attempt-1',
    quizId: 'quiz-1',
    quizTitle: '测验',
    passScore: 60,
    status: 'IN_PROGRESS',
    startedAt: '2026-03-02T09:50:00.000Z',
    deadline: '2026-03-02T10:05:00.000Z',
    submittedAt: null,
    score: null,
    maxScore: 20,
    autoSubmitted: false,
    ownerId: 'person-1',
    ownerOrganizationIds: [],
    person: null,
    quiz: { id: 'quiz-1', title: '测验', mode: 'PRACTICE' as never, timeLimitSec: 900, passScore: 60, attemptsAllowed: null, reveal: 'AFTER_SUBMIT' as never, opensAt: null, closesAt: null, questionCount: 2, ...quiz },
    items: [
      { order: 1, points: 10, optionOrder: [2, 0, 3, 1], earned: null, correct: null, questionId: 'q-1', type: 'SINGLE', stem: '题一', options: ['甲', '乙', '丙', '丁'], answer: ['B'], explanation: '解析一', given: ['A'], savedAt: '2026-03-02T09:55:00.000Z', articles: [] },
      { order: 2, points: 10, optionOrder: [], earned: null, correct: null, questionId: 'q-2', type: 'FILL_BLANK', stem: '题二 ____', options: [], answer: ['秘密答案'], explanation: '解析二', given: null, savedAt: null, articles: [] },
    ],
    ...overrides,
  }
}

const submitted = { status: 'SUBMITTED' as const, submittedAt: '2026-03-02T09:59:00.000Z', score: 10 }
const scoredItems = (r: AttemptRow) => r.items.map((item, i) => ({ ...item, earned: i === 0 ? 10 : 0, correct: i === 0 }))

describe('an attempt as its person sees it', () => {
  it('shows shuffled options and the saved answer but no answer, explanation or correctness before submission', () => {
    const view = presentAttempt(row(), { full: false, now })
    expect(view.revealed).toBe(false)
    expect(view.items[0]!.options).toEqual(['丙', '甲', '丁', '乙'])
    expect(view.items[0]!.given).toEqual(['A'])
    expect(view.items[1]!.blanks).toBe(1)
    const text = JSON.stringify(view)
    expect(text).not.toContain('解析')
    expect(text).not.toContain('秘密答案')
    for (const item of view.items)
      expect([item.answer, item.explanation, item.correct, item.earned, item.articles]).toEqual([null, null, null, null, null])
  })

  it('after submission with AFTER_SUBMIT shows the answer in the letters as shown', () => {
    const r = row(submitted)
    const view = presentAttempt({ ...r, items: scoredItems(r) }, { full: false, now })
    expect(view.revealed).toBe(true)
    expect(view.items[0]!.answer).toEqual(['D']) // original B is shown fourth
    expect(view.items[0]!.correct).toBe(true)
    expect(view.items[1]!.answer).toEqual(['秘密答案'])
    expect(view.passed).toBe(false)
  })

  it('never reveals with NEVER, nor with AFTER_CLOSE before closing — only the score', () => {
    for (const quiz of [{ reveal: 'NEVER' as never }, { reveal: 'AFTER_CLOSE' as never, closesAt: '2026-03-03T00:00:00.000Z' }]) {
      const r = row(submitted, quiz)
      const view = presentAttempt({ ...r, items: scoredItems(r) }, { full: false, now })
      expect(view.revealed).toBe(false)
      expect(view.score).toBe(10)
      expect(JSON.stringify(view)).not.toContain('解析')
      expect(view.items.every(i => i.correct === null && i.earned === null)).toBe(true)
    }
  })

  it('shows everything to a trainer once submitted, nothing before', () => {
    expect(presentAttempt(row({}, { reveal: 'NEVER' as never }), { full: true, now }).revealed).toBe(false)
    expect(presentAttempt(row(submitted, { reveal: 'NEVER' as never }), { full: true, now }).revealed).toBe(true)
  })
})
