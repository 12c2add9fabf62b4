import type { ScoredAttempt } from './itemStatistics'
import { describe, expect, it } from 'vitest'
import { analyseItems, analyseOptions, unansweredCount } from './itemStatistics'

/** An attempt with 10 points per question: `right` lists the questions answered right, `half` those half right. */
function attempt(id: string, right: string[], wrong: string[], half: string[] = []): ScoredAttempt {
  const items = [
    ...right.map(questionId => ({ questionId, earned: 10, points: 10 })),
    ...half.map(questionId => ({ questionId, earned: 5, points: 10 })),
    ...wrong.map(questionId => ({ questionId, earned: 0, points: 10 })),
  ]
  return { attemptId: id, score: items.reduce((n, i) => n + i.earned, 0), maxScore: items.length * 10, items }
}

describe('item analysis', () => {
  it('gives a question everyone gets right facility 1 and no discrimination', () => {
    const attempts = ['a', 'b', 'c', 'd'].map((id, k) => attempt(id, ['easy', ...(k < 2 ? ['hard'] : [])], k < 2 ? [] : ['hard']))
    const [easy, hard] = analyseItems(attempts)
    expect(easy).toEqual({ questionId: 'easy', attempts: 4, correct: 4, facility: 1, discrimination: 0 })
    // The two best attempts got `hard` right and the two worst wrong: it separates them fully.
    expect(hard).toEqual({ questionId: 'hard', attempts: 4, correct: 2, facility: 0.5, discrimination: 1 })
  })

  it('uses the top and bottom 27 % by total score, counts partial credit as a share, and rounds to 3 decimals', () => {
    // 10 attempts, groups of round(2.7) = 3. q3 right in t0–t6; q1 right in t0, t1, t2 and t5; q2 half right in all.
    // Totals: t0–t2 and t5 25, t3, t4, t6 15, t7–t9 5: upper group t0–t2, lower t7–t9.
    const attempts = Array.from({ length: 10 }, (_, k) => {
      const q1 = k < 3 || k === 5
      const q3 = k < 7
      return attempt(`t${k}`, [...(q1 ? ['q1'] : []), ...(q3 ? ['q3'] : [])], [...(q1 ? [] : ['q1']), ...(q3 ? [] : ['q3'])], ['q2'])
    })
    const byId = new Map(analyseItems(attempts).map(a => [a.questionId, a]))
    expect(byId.get('q1')).toMatchObject({ attempts: 10, correct: 4, facility: 0.4, discrimination: 1 })
    expect(byId.get('q2')).toMatchObject({ attempts: 10, correct: 0, facility: 0.5, discrimination: 0 })
    expect(byId.get('q3')).toMatchObject({ correct: 7, facility: 0.7, discrimination: 1 })
  })

  it('leaves discrimination out when a group never saw the question (blueprint draws) or there is one attempt', () => {
    const attempts = [attempt('a', ['x', 'rare'], []), attempt('b', ['x'], []), attempt('c', [], ['x']), attempt('d', [], ['x'])]
    const byId = new Map(analyseItems(attempts).map(a => [a.questionId, a]))
    expect(byId.get('rare')).toMatchObject({ attempts: 1, facility: 1, discrimination: null })
    expect(analyseItems([attempt('only', ['x'], [])])[0]).toMatchObject({ facility: 1, discrimination: null })
    expect(analyseItems([])).toEqual([])
  })

  it('breaks score ties by attempt id, so the groups are the same on every call', () => {
    const attempts = [attempt('b', ['q'], ['r']), attempt('a', ['r'], ['q'])]
    const sorted = (list: ReturnType<typeof analyseItems>) => [...list].sort((x, y) => x.questionId.localeCompare(y.questionId))
    expect(sorted(analyseItems(attempts))).toEqual(sorted(analyseItems([...attempts].reverse())))
    // a (ranked first by id) is the upper group and got r right.
    expect(analyseItems(attempts).find(x => x.questionId === 'r')!.discrimination).toBe(1)
  })
})

describe('option analysis', () => {
  const question = { id: 'q', type: 'SINGLE', options: ['甲', '乙', '丙', '丁'], answer: ['B'] }
  /** An attempt of one choice question: `given` as shown, `total` its total score out of 100. */
  function chose(id: string, given: string[] | null, total: number, optionOrder: number[] = []): ScoredAttempt {
    const earned = given?.length === 1 && given[0] === 'B' && optionOrder.length === 0 ? 10 : 0
    return { attemptId: id, score: total, maxScore: 100, items: [{ questionId: 'q', earned, points: 10, given, optionOrder }] }
  }

  it('counts how often each option was chosen, overall and in the best and worst 27 %', () => {
    // Ten attempts, groups of 3: the best (t0–t2) chose B, B, C; the worst (t7–t9) chose C, C and nothing.
    const givens: (string[] | null)[] = [['B'], ['B'], ['C'], ['B'], ['B'], ['C'], ['B'], ['C'], ['C'], null]
    const attempts = givens.map((given, k) => chose(`t${k}`, given, 100 - k * 10))
    const options = analyseOptions(attempts, question)
    expect(options.map(o => [o.key, o.text, o.correct, o.chosen, o.share])).toEqual([
      ['A', '甲', false, 0, 0],
      ['B', '乙', true, 5, 0.5],
      ['C', '丙', false, 4, 0.4],
      ['D', '丁', false, 0, 0],
    ])
    const c = options[2]!
    expect([c.upperShare, c.lowerShare]).toEqual([0.333, 0.667])
    expect(unansweredCount(attempts, 'q')).toBe(1)
  })

  it('flags a wrong option nobody chose, and one the best attempts chose more often than the worst', () => {
    // The best two chose C (wrong), the worst two A (wrong): C attracts those who studied; D is never chosen.
    const attempts = [chose('a', ['C'], 90), chose('b', ['C'], 80), chose('c', ['B'], 50), chose('d', ['A'], 20), chose('e', ['A'], 10)]
    const flags = Object.fromEntries(analyseOptions(attempts, question).map(o => [o.key, o.flags]))
    expect(flags).toEqual({ A: [], B: [], C: ['ATTRACTS_BEST'], D: ['NEVER_CHOSEN'] })
  })

  it('reads a shuffled answer back to the original option, and analyses true/false but not fill-in questions', () => {
    // Shown order C, A, D, B: the person clicked the fourth option shown (D), which is the original B.
    const shuffled = [chose('s', ['D'], 100, [2, 0, 3, 1])]
    expect(analyseOptions(shuffled, question).find(o => o.key === 'B')!.chosen).toBe(1)
    const tf = { id: 'q', type: 'TRUE_FALSE', options: [], answer: ['FALSE'] }
    const answers = [chose('x', ['TRUE'], 100), chose('y', ['FALSE'], 0)]
    expect(analyseOptions(answers, tf).map(o => [o.key, o.correct, o.chosen, o.flags])).toEqual([['TRUE', false, 1, ['ATTRACTS_BEST']], ['FALSE', true, 1, []]])
    expect(analyseOptions(answers, { id: 'q', type: 'FILL_BLANK', options: [], answer: ['三十'] })).toEqual([])
  })
})
