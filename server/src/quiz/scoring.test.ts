import type { ScoringItem } from './scoring'
import { describe, expect, it } from 'vitest'
import { shuffleOptions } from '../quiz/draw'
import { blankMatches, normalizeBlank, passes, scoreAttempt, scoreItem } from './scoring'

const allOrNothing = { multiplePartialCredit: false }
const partial = { multiplePartialCredit: true }

function item(overrides: Partial<ScoringItem>): ScoringItem {
  return { type: 'SINGLE', answer: ['B'], points: 10, optionOrder: [], given: null, ...overrides }
}

describe('sINGLE and TRUE_FALSE: exact match', () => {
  it('gives full points for the right letter and none otherwise', () => {
    expect(scoreItem(item({ given: ['B'] }), allOrNothing)).toEqual({ earned: 10, correct: true })
    expect(scoreItem(item({ given: ['b'] }), allOrNothing)).toEqual({ earned: 10, correct: true })
    expect(scoreItem(item({ given: ['A'] }), allOrNothing)).toEqual({ earned: 0, correct: false })
    expect(scoreItem(item({ given: ['A', 'B'] }), allOrNothing)).toEqual({ earned: 0, correct: false })
    expect(scoreItem(item({ given: null }), allOrNothing)).toEqual({ earned: 0, correct: false })
    expect(scoreItem(item({ given: [] }), allOrNothing)).toEqual({ earned: 0, correct: false })
  })

  it('scores TRUE_FALSE on TRUE/FALSE', () => {
    const tf = item({ type: 'TRUE_FALSE', answer: ['FALSE'], points: 5 })
    expect(scoreItem({ ...tf, given: ['FALSE'] }, allOrNothing)).toEqual({ earned: 5, correct: true })
    expect(scoreItem({ ...tf, given: ['false'] }, allOrNothing)).toEqual({ earned: 5, correct: true })
    expect(scoreItem({ ...tf, given: ['TRUE'] }, allOrNothing)).toEqual({ earned: 0, correct: false })
    expect(scoreItem({ ...tf, given: [] }, allOrNothing)).toEqual({ earned: 0, correct: false })
  })
})

describe('option order: the given letters are of the options as shown', () => {
  it('maps shown letters back through optionOrder before comparing', () => {
    // Shown: C, A, D, B (original indexes 2, 0, 3, 1). The original answer B is shown at position D.
    const order = [2, 0, 3, 1]
    expect(scoreItem(item({ optionOrder: order, given: ['D'] }), allOrNothing).correct).toBe(true)
    expect(scoreItem(item({ optionOrder: order, given: ['B'] }), allOrNothing).correct).toBe(false)
    const multiple = item({ type: 'MULTIPLE', answer: ['A', 'C'], optionOrder: order })
    // A is shown at B, C is shown at A.
    expect(scoreItem({ ...multiple, given: ['A', 'B'] }, allOrNothing).correct).toBe(true)
    expect(scoreItem({ ...multiple, given: ['A', 'C'] }, allOrNothing).correct).toBe(false)
  })

  it('agrees with the quiz feature’s shuffle: the right original option, wherever it is shown, scores', () => {
    const question = { id: 'q-1', type: 'SINGLE', options: ['甲', '乙', '丙', '丁'] }
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const { order, options } = shuffleOptions(question, seed)
      const shownLetter = 'ABCD'[options.indexOf('丙')]!
      expect(scoreItem(item({ answer: ['C'], optionOrder: order, given: [shownLetter] }), allOrNothing).correct).toBe(true)
    }
  })
})

describe('mULTIPLE', () => {
  const multiple = item({ type: 'MULTIPLE', answer: ['A', 'B', 'D'], points: 6 })

  it('is all-or-nothing without partial credit', () => {
    expect(scoreItem({ ...multiple, given: ['D', 'B', 'A'] }, allOrNothing)).toEqual({ earned: 6, correct: true })
    expect(scoreItem({ ...multiple, given: ['A', 'B'] }, allOrNothing)).toEqual({ earned: 0, correct: false })
    expect(scoreItem({ ...multiple, given: ['A', 'B', 'C', 'D'] }, allOrNothing)).toEqual({ earned: 0, correct: false })
  })

  it('gives points × max(0, (correct chosen − wrong chosen) / correct count) with partial credit', () => {
    expect(scoreItem({ ...multiple, given: ['A', 'B', 'D'] }, partial)).toEqual({ earned: 6, correct: true })
    expect(scoreItem({ ...multiple, given: ['A', 'B'] }, partial)).toEqual({ earned: 4, correct: false })
    expect(scoreItem({ ...multiple, given: ['A'] }, partial)).toEqual({ earned: 2, correct: false })
    expect(scoreItem({ ...multiple, given: ['A', 'B', 'C'] }, partial)).toEqual({ earned: 2, correct: false })
    expect(scoreItem({ ...multiple, given: ['A', 'C'] }, partial)).toEqual({ earned: 0, correct: false })
    expect(scoreItem({ ...multiple, given: ['C'] }, partial)).toEqual({ earned: 0, correct: false })
    expect(scoreItem({ ...multiple, given: [] }, partial)).toEqual({ earned: 0, correct: false })
    // 10 × (1 − 0) / 3 = 3.33…, rounded to 2 decimals.
    expect(scoreItem({ ...multiple, points: 10, given: ['D'] }, partial).earned).toBe(3.33)
  })
})

describe('fILL_BLANK', () => {
  it('normalises: trims, full-width → half-width, ignores case', () => {
    expect(normalizeBlank('  ＡＢＣ１２３ ')).toBe('abc123')
    expect(normalizeBlank('\u3000同级党委\u3000')).toBe('同级党委')
    expect(blankMatches('３０', '30')).toBe(true)
    expect(blankMatches('Thirty', 'thirty')).toBe(true)
    expect(blankMatches('', '30')).toBe(false)
    expect(blankMatches('   ', '30')).toBe(false)
  })

  it('accepts any | alternative', () => {
    expect(blankMatches('三十', '30|三十')).toBe(true)
    expect(blankMatches('30日', '30|三十')).toBe(false)
  })

  it('scores each blank for its share of the points', () => {
    const blanks = item({ type: 'FILL_BLANK', answer: ['公众参与', '专家论证|专家咨询论证'], points: 10 })
    expect(scoreItem({ ...blanks, given: [' 公众参与', '专家咨询论证'] }, allOrNothing)).toEqual({ earned: 10, correct: true })
    expect(scoreItem({ ...blanks, given: ['公众参与', '风险评估'] }, allOrNothing)).toEqual({ earned: 5, correct: false })
    expect(scoreItem({ ...blanks, given: ['公众参与'] }, allOrNothing)).toEqual({ earned: 5, correct: false })
    expect(scoreItem({ ...blanks, given: null }, allOrNothing)).toEqual({ earned: 0, correct: false })
    const three = item({ type: 'FILL_BLANK', answer: ['a', 'b', 'c'], points: 10 })
    expect(scoreItem({ ...three, given: ['A', 'x', 'x'] }, allOrNothing).earned).toBe(3.33)
  })
})

describe('an attempt', () => {
  it('adds up the items and tells pass from fail', () => {
    const result = scoreAttempt([
      item({ given: ['B'] }),
      item({ type: 'TRUE_FALSE', answer: ['TRUE'], given: ['FALSE'] }),
      item({ type: 'FILL_BLANK', answer: ['x', 'y'], given: ['x', ''] }),
    ], allOrNothing)
    expect(result.score).toBe(15)
    expect(result.maxScore).toBe(30)
    expect(result.items.map(i => i.correct)).toEqual([true, false, false])
    expect(passes(15, 30, 50)).toBe(true)
    expect(passes(15, 30, 60)).toBe(false)
    expect(passes(0, 0, 0)).toBe(false)
  })
})
