import type { QuizDraft } from './quizRules'
import { describe, expect, it } from 'vitest'
import { QUIZ_LIMITS, targetLabel, validateQuiz } from './quizRules'

const fixed = (o: Partial<QuizDraft> = {}): QuizDraft => ({ title: '会前学法测验', kind: 'FIXED', passScore: 60, items: [{ questionId: 'q1', points: 2 }], blueprint: [], ...o })
const row = { kind: 'LAW', targetId: 'major-decision-procedure', count: 5, difficultyMin: 1, difficultyMax: 3, points: 2 }
const blueprint = (o: Partial<QuizDraft> = {}): QuizDraft => fixed({ kind: 'BLUEPRINT', items: [], blueprint: [row], ...o })
const rules = (q: QuizDraft) => validateQuiz(q).map(x => x.rule)

describe('validateQuiz', () => {
  it('accepts valid fixed and blueprint quizzes', () => {
    expect(rules(fixed())).toEqual([])
    expect(rules(blueprint({ timeLimitSec: 1800, attemptsAllowed: 2, opensAt: '2025-03-01T08:00:00+08:00', closesAt: '2025-03-31T17:00:00+08:00' }))).toEqual([])
  })
  it('checks the settings', () => {
    expect(rules(fixed({ title: 'x' }))).toEqual(['TITLE_LENGTH'])
    expect(rules(fixed({ timeLimitSec: 10 }))).toEqual(['TIME_LIMIT_RANGE'])
    expect(rules(fixed({ passScore: 101 }))).toEqual(['PASS_SCORE_RANGE'])
    expect(rules(fixed({ attemptsAllowed: 0 }))).toEqual(['ATTEMPTS_RANGE'])
    expect(rules(fixed({ opensAt: 'tomorrow' }))).toEqual(['DATE_FORMAT'])
    expect(rules(fixed({ opensAt: '2025-03-02T00:00:00Z', closesAt: '2025-03-01T00:00:00Z' }))).toEqual(['CLOSES_BEFORE_OPENS'])
  })
  it('checks a fixed quiz’s items', () => {
    expect(rules(fixed({ items: [] }))).toEqual(['ITEMS_REQUIRED'])
    expect(rules(fixed({ items: [{ questionId: 'q1', points: 1 }, { questionId: 'q1', points: 1 }] }))).toEqual(['ITEM_DUPLICATE'])
    expect(rules(fixed({ items: [{ questionId: 'q1', points: 0 }] }))).toEqual(['POINTS_RANGE'])
    expect(rules(fixed({ blueprint: [row] }))).toEqual(['FIXED_WITH_BLUEPRINT'])
    const many = Array.from({ length: QUIZ_LIMITS.questionsMax + 1 }, (_, i) => ({ questionId: `q${i}`, points: 1 }))
    expect(rules(fixed({ items: many }))).toEqual(['ITEMS_TOO_MANY'])
  })
  it('checks a blueprint’s rows', () => {
    expect(rules(blueprint({ blueprint: [] }))).toEqual(['ROWS_REQUIRED'])
    expect(rules(blueprint({ items: [{ questionId: 'q', points: 1 }] }))).toEqual(['BLUEPRINT_WITH_ITEMS'])
    expect(rules(blueprint({ blueprint: [{ ...row, count: 0 }] }))).toEqual(['ROW_COUNT'])
    expect(rules(blueprint({ blueprint: [{ ...row, difficultyMin: 4, difficultyMax: 2 }] }))).toEqual(['ROW_DIFFICULTY'])
    expect(rules(blueprint({ blueprint: [{ ...row, difficultyMax: 6 }] }))).toEqual(['ROW_DIFFICULTY'])
    expect(rules(blueprint({ blueprint: [{ ...row, targetId: '' }] }))).toEqual(['ROW_TARGET'])
    expect(rules(blueprint({ blueprint: [{ ...row, kind: 'ORG' }] }))).toEqual(['ROW_KIND'])
    expect(rules(blueprint({ blueprint: [{ ...row, count: 100 }, { ...row, count: 101 - 0 }] }))).toEqual(['ROW_COUNT'])
    expect(rules(blueprint({ blueprint: [{ ...row, count: 100 }, { ...row, count: 100 }, { ...row, count: 1 }] }))).toEqual(['ITEMS_TOO_MANY'])
  })
  it('names targets the way a trainer reads them', () => {
    expect(targetLabel('LAW', '重大行政决策程序暂行条例', 'x')).toBe('《重大行政决策程序暂行条例》')
    expect(targetLabel('TOPIC', '公众参与', 'x')).toBe('「公众参与」')
  })
})
