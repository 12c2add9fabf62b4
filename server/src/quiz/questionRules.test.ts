import type { QuestionDraft, RuleViolation } from './questionRules'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { countBlanks, normalizeDraft, QUESTION_LIMITS, validateQuestion, violationsMessage } from './questionRules'

const ARTICLE = { ref: 'major-decision-procedure:第二条', found: true, state: 'CURRENT' as const }

function single(overrides: Partial<QuestionDraft> = {}): QuestionDraft {
  return {
    type: 'SINGLE',
    stem: '重大行政决策草案提交讨论前应当经过哪一项审查？',
    options: ['合法性审查', '财务审查', '保密审查', '人事审查'],
    answer: ['A'],
    explanation: '见考查条文。',
    difficulty: 2,
    articles: [ARTICLE],
    ...overrides,
  }
}

const multiple = (overrides: Partial<QuestionDraft> = {}) => single({ type: 'MULTIPLE', answer: ['A', 'C'], ...overrides })
const trueFalse = (overrides: Partial<QuestionDraft> = {}) => single({ type: 'TRUE_FALSE', stem: '决策草案应当经过合法性审查。', options: [], answer: ['TRUE'], ...overrides })
const fillBlank = (overrides: Partial<QuestionDraft> = {}) => single({ type: 'FILL_BLANK', stem: '公开征求意见的期限一般不少于____日。', options: [], answer: ['30|三十'], ...overrides })

function rules(draft: QuestionDraft): string[] {
  return validateQuestion(draft).map(v => v.rule)
}

function only(draft: QuestionDraft, rule: string, field: string): RuleViolation {
  const found = validateQuestion(draft)
  expect(found.map(v => v.rule)).toEqual([rule])
  const v = found[0]!
  expect(v.field).toBe(field)
  // Every message is bilingual and names the field.
  expect(v.message).toMatch(/[\u4E00-\u9FFF]/)
  expect(v.message).toContain(`(${field}:`)
  return v
}

describe('validateQuestion — valid questions of each type pass', () => {
  it.each([['SINGLE', single()], ['MULTIPLE', multiple()], ['TRUE_FALSE', trueFalse()], ['FILL_BLANK', fillBlank()]])('%s', (_type, draft) => {
    expect(validateQuestion(draft)).toEqual([])
  })

  it('accepts every question of the sample bank (articles assumed found)', () => {
    const bank = JSON.parse(readFileSync(new URL('../../../seeds/questions.json', import.meta.url), 'utf8')) as { questions: (Omit<QuestionDraft, 'articles' | 'topics'> & { topics: string[], tests: { lawId: string, article: string }[] })[] }
    for (const q of bank.questions) {
      const draft = normalizeDraft({ ...q, topics: q.topics.map(ref => ({ ref, found: true })), articles: q.tests.map(t => ({ ref: `${t.lawId}:${t.article}`, found: true, state: 'CURRENT' as const })) })
      expect(validateQuestion(draft), q.stem).toEqual([])
    }
  })
})

describe('validateQuestion — common rules', () => {
  it('refuses an unknown type', () => {
    only(single({ type: 'ESSAY' as never }), 'TYPE_UNKNOWN', 'type')
  })
  it('limits the stem length', () => {
    only(single({ stem: '太短' }), 'STEM_LENGTH', 'stem')
    only(single({ stem: '长'.repeat(QUESTION_LIMITS.stemMax + 1) }), 'STEM_LENGTH', 'stem')
    expect(rules(single({ stem: '长'.repeat(QUESTION_LIMITS.stemMax) }))).toEqual([])
  })
  it('limits the explanation length', () => {
    only(single({ explanation: '解'.repeat(QUESTION_LIMITS.explanationMax + 1) }), 'EXPLANATION_TOO_LONG', 'explanation')
  })
  it('needs a whole difficulty from 1 to 5', () => {
    for (const difficulty of [0, 6, 2.5, Number.NaN])
      only(single({ difficulty }), 'DIFFICULTY_RANGE', 'difficulty')
    for (const difficulty of [1, 5])
      expect(rules(single({ difficulty }))).toEqual([])
  })
  it('needs at least one tested article', () => {
    only(single({ articles: [] }), 'ARTICLES_REQUIRED', 'articles')
  })
  it('refuses an article that does not exist', () => {
    const v = only(single({ articles: [{ ref: 'major-decision-procedure:第九十九条', found: false }] }), 'ARTICLE_NOT_FOUND', 'articles')
    expect(v.message).toContain('第九十九条')
  })
  it('refuses an article that is not in the current version, or of a repealed law', () => {
    only(single({ articles: [{ ...ARTICLE, state: 'OUTDATED' }] }), 'ARTICLE_OUTDATED', 'articles')
    only(single({ articles: [{ ...ARTICLE, state: 'REPEALED' }] }), 'ARTICLE_REPEALED', 'articles')
  })
  it('refuses the same article twice and too many articles', () => {
    only(single({ articles: [ARTICLE, ARTICLE] }), 'ARTICLE_DUPLICATE', 'articles')
    const many = Array.from({ length: QUESTION_LIMITS.articlesMax + 1 }, (_, i) => ({ ...ARTICLE, ref: `a${i}` }))
    only(single({ articles: many }), 'ARTICLES_TOO_MANY', 'articles')
  })
  it('refuses unknown topics and too many topics', () => {
    only(single({ topics: [{ ref: 'no-such-topic', found: false }] }), 'TOPIC_NOT_FOUND', 'topics')
    only(single({ topics: Array.from({ length: QUESTION_LIMITS.topicsMax + 1 }, (_, i) => ({ ref: `t${i}`, found: true })) }), 'TOPICS_TOO_MANY', 'topics')
  })
})

describe('validateQuestion — choice questions', () => {
  it('needs 2–8 options', () => {
    only(single({ options: ['唯一选项'] }), 'OPTIONS_COUNT', 'options')
    const nine = Array.from({ length: 9 }, (_, i) => `选项${i}`)
    expect(rules(single({ options: nine }))).toEqual(['OPTIONS_COUNT'])
    expect(rules(single({ options: ['甲', '乙'] }))).toEqual([])
    expect(rules(single({ options: nine.slice(0, 8), answer: ['H'] }))).toEqual([])
  })
  it('refuses an empty option', () => {
    const v = only(single({ options: ['合法性审查', '', '保密审查', '人事审查'] }), 'OPTION_EMPTY', 'options')
    expect(v.message).toContain('B')
  })
  it('refuses an over-long option', () => {
    only(single({ options: ['合法性审查', '长'.repeat(QUESTION_LIMITS.optionMax + 1), '保密审查', '人事审查'] }), 'OPTION_TOO_LONG', 'options')
  })
  it('refuses duplicate options and names both letters', () => {
    const v = only(single({ options: ['合法性审查', '财务审查', '合法性审查', '人事审查'] }), 'OPTION_DUPLICATE', 'options')
    expect(v.message).toContain('C')
    expect(v.message).toContain('A')
  })
  it('single choice needs exactly one correct option', () => {
    only(single({ answer: ['A', 'B'] }), 'SINGLE_ANSWER_COUNT', 'answer')
    only(single({ answer: [] }), 'SINGLE_ANSWER_COUNT', 'answer')
  })
  it('multiple choice needs at least two correct options', () => {
    only(multiple({ answer: ['A'] }), 'MULTIPLE_ANSWER_COUNT', 'answer')
    expect(rules(multiple({ answer: ['A', 'B', 'C', 'D'] }))).toEqual([])
  })
  it('answers must be letters of existing options', () => {
    const v = only(single({ answer: ['E'] }), 'ANSWER_NOT_AN_OPTION', 'answer')
    expect(v.message).toContain('A–D')
    expect(rules(single({ answer: ['a'] }))).toEqual(['ANSWER_NOT_AN_OPTION'])
  })
  it('refuses a repeated answer letter', () => {
    expect(rules(multiple({ answer: ['A', 'A', 'C'] }))).toEqual(['ANSWER_DUPLICATE'])
    expect(rules(multiple({ answer: ['A', 'A'] }))).toEqual(['ANSWER_DUPLICATE', 'MULTIPLE_ANSWER_COUNT'])
  })
})

describe('validateQuestion — true/false', () => {
  it('has no options', () => {
    only(trueFalse({ options: ['对', '错'] }), 'TRUE_FALSE_OPTIONS', 'options')
  })
  it('is answered TRUE or FALSE, once', () => {
    expect(rules(trueFalse({ answer: ['FALSE'] }))).toEqual([])
    only(trueFalse({ answer: ['对'] }), 'TRUE_FALSE_ANSWER', 'answer')
    only(trueFalse({ answer: ['TRUE', 'FALSE'] }), 'TRUE_FALSE_ANSWER', 'answer')
    only(trueFalse({ answer: [] }), 'TRUE_FALSE_ANSWER', 'answer')
  })
})

describe('validateQuestion — fill in the blank', () => {
  it('has no options', () => {
    only(fillBlank({ options: ['30', '15'] }), 'FILL_BLANK_OPTIONS', 'options')
  })
  it('needs one answer per ____ blank', () => {
    const v = only(fillBlank({ answer: ['30', '7'] }), 'BLANK_ANSWER_COUNT', 'answer')
    expect(v.message).toContain('1')
    expect(rules(fillBlank({ stem: '征求意见期限不少于____日，审查期限不少于____个工作日。', answer: ['30', '7|七'] }))).toEqual([])
  })
  it('needs at least one blank', () => {
    expect(rules(fillBlank({ stem: '公开征求意见的期限一般不少于几日？' }))).toEqual(['BLANK_MISSING', 'BLANK_ANSWER_COUNT'])
  })
  it('blanks are exactly four underscores', () => {
    expect(rules(fillBlank({ stem: '公开征求意见的期限一般不少于__日，____。', answer: ['30'] }))).toEqual(['BLANK_MARKER'])
  })
  it('refuses empty or repeated alternatives', () => {
    only(fillBlank({ answer: ['30|'] }), 'BLANK_ANSWER_EMPTY', 'answer')
    only(fillBlank({ answer: ['30|30'] }), 'BLANK_ANSWER_DUPLICATE', 'answer')
    only(fillBlank({ answer: ['长'.repeat(QUESTION_LIMITS.answerTextMax + 1)] }), 'BLANK_ANSWER_TOO_LONG', 'answer')
  })
})

describe('helpers', () => {
  it('counts blanks and malformed runs', () => {
    expect(countBlanks('a____b____c')).toEqual({ blanks: 2, malformed: 0 })
    expect(countBlanks('a___b______c')).toEqual({ blanks: 0, malformed: 2 })
  })
  it('normalizes by trimming every text', () => {
    expect(normalizeDraft({ stem: ' 题干 ', options: [' A '], answer: [' B'], explanation: ' 解 ' })).toEqual({ stem: '题干', options: ['A'], answer: ['B'], explanation: '解' })
  })
  it('lists every violation in one message', () => {
    const message = violationsMessage(validateQuestion(single({ difficulty: 9, answer: ['Z'] })))
    expect(message).toContain('[difficulty]')
    expect(message).toContain('[answer]')
  })
})
