import type { DrawCandidate, DrawRow } from './draw'
import { describe, expect, it } from 'vitest'
import {
  blueprintShortages,
  displayedToOriginal,
  drawQuiz,
  drawQuizItems,
  DrawShortError,
  hashSeed,
  mulberry32,
  originalToDisplayed,
  rowCapacity,
  seededShuffle,
  shortageMessage,
  shuffleOptions,
} from './draw'

function pool(prefix: string, n: number, difficulty: (i: number) => number = () => 2): DrawCandidate[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(3, '0')}`, difficulty: difficulty(i) }))
}

const row = (count: number, overrides: Partial<DrawRow> = {}): DrawRow => ({ count, difficultyMin: 1, difficultyMax: 5, points: 2, ...overrides })

describe('drawQuiz', () => {
  it('draws the count of every row, with the row’s points, rows in blueprint order', () => {
    const items = drawQuizItems([row(3, { points: 5 }), row(2)], [pool('a', 10), pool('b', 10)], new Set(), 's')
    expect(items).toHaveLength(5)
    expect(items.map(i => i.rowIndex)).toEqual([0, 0, 0, 1, 1])
    expect(items.slice(0, 3).every(i => i.questionId.startsWith('a') && i.points === 5)).toBe(true)
    expect(items.slice(3).every(i => i.questionId.startsWith('b') && i.points === 2)).toBe(true)
  })

  it('respects the difficulty band', () => {
    const candidates = pool('q', 50, i => (i % 5) + 1)
    const ids = drawQuiz([row(10, { difficultyMin: 2, difficultyMax: 3 })], [candidates], new Set(), 'band')
    const difficulty = new Map(candidates.map(c => [c.id, c.difficulty]))
    expect(ids).toHaveLength(10)
    for (const id of ids)
      expect([2, 3]).toContain(difficulty.get(id))
  })

  it('never repeats a question, even when pools overlap', () => {
    const shared = pool('s', 6)
    for (let k = 0; k < 50; k++) {
      const ids = drawQuiz([row(3), row(3)], [shared, shared], new Set(), `seed-${k}`)
      expect(new Set(ids).size).toBe(6)
    }
  })

  it('solves overlapping pools a greedy pick could get wrong', () => {
    // Row 0 may take x or y; row 1 only x. Whatever row 0 picks first, both rows are filled.
    for (let k = 0; k < 20; k++) {
      const ids = drawQuiz([row(1), row(1)], [[{ id: 'x', difficulty: 2 }, { id: 'y', difficulty: 2 }], [{ id: 'x', difficulty: 2 }]], new Set(), `g${k}`)
      expect(ids).toEqual(['y', 'x'])
    }
  })

  it('is reproducible: same seed → same draw, whatever order the pool comes in', () => {
    const candidates = pool('q', 100)
    const a = drawQuiz([row(10), row(5)], [candidates, pool('r', 40)], new Set(), 'attempt-1')
    const b = drawQuiz([row(10), row(5)], [[...candidates].reverse(), pool('r', 40)], new Set(), 'attempt-1')
    expect(b).toEqual(a)
  })

  it('differs with a different seed', () => {
    const candidates = pool('q', 100)
    const a = drawQuiz([row(10)], [candidates], new Set(), 'attempt-1')
    const b = drawQuiz([row(10)], [candidates], new Set(), 'attempt-2')
    expect(b).not.toEqual(a)
    const draws = new Set(Array.from({ length: 20 }, (_, k) => drawQuiz([row(10)], [candidates], new Set(), `s${k}`).join()))
    expect(draws.size).toBe(20)
  })

  it('prefers questions the person has not seen', () => {
    const candidates = pool('q', 20)
    const seen = new Set(candidates.slice(0, 15).map(c => c.id))
    for (let k = 0; k < 20; k++) {
      const ids = drawQuiz([row(5)], [candidates], seen, `p${k}`)
      expect(ids.filter(id => seen.has(id))).toEqual([])
    }
    // When unseen ones run out, seen ones fill the rest.
    const ids = drawQuiz([row(8)], [candidates], seen, 'more')
    expect(ids.filter(id => !seen.has(id))).toHaveLength(5)
    expect(new Set(ids).size).toBe(8)
  })

  it('refuses when a pool is short, naming the row, what it needs and what the bank has', () => {
    let error: unknown
    try {
      drawQuiz([row(3), row(10, { difficultyMin: 2, difficultyMax: 3, label: '《重大行政决策程序暂行条例》' })], [pool('a', 5), pool('b', 7)], new Set(), 'x')
    }
    catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DrawShortError)
    const short = error as DrawShortError
    expect(short.code).toBe('short')
    expect(short.shortages).toEqual([{ rowIndex: 1, label: '《重大行政决策程序暂行条例》', difficultyMin: 2, difficultyMax: 3, needed: 10, available: 7, assignable: 7 }])
    expect(short.message).toContain('《重大行政决策程序暂行条例》难度2–3 需要 10 题，题库仅有 7 题已发布')
  })

  it('refuses when overlapping pools are jointly short, though each alone is enough', () => {
    const shared = pool('s', 5)
    const shortages = blueprintShortages([row(3), row(3)], [shared, shared])
    expect(shortages).toHaveLength(1)
    expect(shortages[0]).toMatchObject({ needed: 3, available: 5, assignable: 2 })
    expect(shortageMessage(shortages[0]!)).toContain('仅余 2 题')
    expect(blueprintShortages([row(3), row(2)], [shared, shared])).toEqual([])
  })

  it('counts what a row can draw', () => {
    expect(rowCapacity({ difficultyMin: 1, difficultyMax: 2 }, pool('q', 10, i => (i % 5) + 1))).toBe(4)
    expect(rowCapacity({ difficultyMin: 1, difficultyMax: 5 }, [{ id: 'a', difficulty: 1 }, { id: 'a', difficulty: 1 }])).toBe(1)
  })

  it('treats a row of count 0 as empty', () => {
    expect(drawQuiz([row(0), row(1)], [[], pool('b', 1)], new Set(), 's')).toEqual(['b000'])
  })
})

describe('the seeded generator', () => {
  it('is deterministic and spreads values over [0, 1)', () => {
    const a = mulberry32(hashSeed('x'))
    const b = mulberry32(hashSeed('x'))
    const values = Array.from({ length: 1000 }, () => a())
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    const mean = values.reduce((s, v) => s + v, 0) / values.length
    expect(mean).toBeGreaterThan(0.45)
    expect(mean).toBeLessThan(0.55)
  })
  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 30 }, (_, i) => i)
    const shuffled = seededShuffle(items, mulberry32(1))
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items)
    expect(shuffled).not.toEqual(items)
  })
})

describe('shuffleOptions', () => {
  const question = { id: 'q-1', type: 'MULTIPLE', options: ['甲', '乙', '丙', '丁', '戊'] }

  it('returns a permutation of the options, the same for the same seed', () => {
    const a = shuffleOptions(question, 'attempt-1')
    expect([...a.order].sort()).toEqual([0, 1, 2, 3, 4])
    expect(a.options).toEqual(a.order.map(i => question.options[i]))
    expect(shuffleOptions(question, 'attempt-1')).toEqual(a)
    const orders = new Set(Array.from({ length: 20 }, (_, k) => shuffleOptions(question, `s${k}`).order.join()))
    expect(orders.size).toBeGreaterThan(10)
  })

  it('gives each question of an attempt its own order', () => {
    const other = { ...question, id: 'q-2' }
    const orders = Array.from({ length: 10 }, (_, k) => [shuffleOptions(question, `a${k}`).order.join(), shuffleOptions(other, `a${k}`).order.join()])
    expect(orders.some(([x, y]) => x !== y)).toBe(true)
  })

  it('maps the letters a person chose back to the original letters, and answers to the shown letters', () => {
    const { order, options } = shuffleOptions(question, 'attempt-9')
    // The person picks the shown positions of 乙 and 丁 (original B and D).
    const shownB = 'ABCDE'[options.indexOf('乙')]!
    const shownD = 'ABCDE'[options.indexOf('丁')]!
    expect(displayedToOriginal(order, [shownD, shownB])).toEqual(['B', 'D'])
    expect(originalToDisplayed(order, ['B', 'D'])).toEqual([shownB, shownD].sort())
    for (const letter of 'ABCDE')
      expect(displayedToOriginal(order, originalToDisplayed(order, [letter]))).toEqual([letter])
  })

  it('leaves true/false and fill-in questions alone', () => {
    expect(shuffleOptions({ id: 'q', type: 'TRUE_FALSE', options: [] }, 's')).toEqual({ order: [], options: [] })
    expect(displayedToOriginal([], ['TRUE'])).toEqual(['TRUE'])
    expect(originalToDisplayed([], ['30|三十'])).toEqual(['30|三十'])
  })
})
