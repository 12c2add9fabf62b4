import type { ScoredAttempt } from './itemStatistics'
import { describe, expect, it } from 'vitest'
import { analyseItems } from './itemStatistics'

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
