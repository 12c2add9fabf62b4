/**
 * Drawing a quiz from a blueprint (抽题) and shuffling options — pure and deterministic given a seed, so
 * an attempt can be re-created from its seed, tests can pin results, and the server never needs to store
 * a permutation it can recompute.
 *
 * Used by the trainer's preview here and by the cadre side when an attempt starts:
 *   const pools = await loadDrawPools(db, quizId, personId)                     // one query (quiz.repository)
 *   const items = drawAttempt(pools, seed)  // fixed: items; blueprint: drawQuizItems(rows, pools, seen, seed)
 *   const perm = shuffleOptions(question, seed)                                // when quiz.shuffleOptions
 *   const original = displayedToOriginal(perm.order, givenLetters)             // score against question.answer
 */
import { isChoiceKind } from './questionShape'

/** One blueprint row: draw `count` questions with difficulty in [difficultyMin, difficultyMax]. */
export interface DrawRow {
  count: number
  difficultyMin: number
  difficultyMax: number
  /** Points each drawn question is worth. */
  points: number
  /** How a person names the row in an error ('《…条例》' or '「公众参与」'). */
  label?: string
}

/** A question a row may draw. */
export interface DrawCandidate {
  id: string
  difficulty: number
}

/** One drawn question, in quiz order. */
export interface DrawnItem {
  questionId: string
  /** Index of the blueprint row it was drawn for. */
  rowIndex: number
  points: number
}

/** A row the pools cannot fill. */
export interface DrawShortage {
  rowIndex: number
  label?: string
  difficultyMin: number
  difficultyMax: number
  /** Questions the row asks for. */
  needed: number
  /** Distinct questions in its pool and band, ignoring the other rows. */
  available: number
  /** What it could get once the other rows took theirs (pools may overlap; no question is drawn twice). */
  assignable: number
}

/** Thrown when the pools cannot supply the blueprint; `code` is 'short'. */
export class DrawShortError extends Error {
  readonly code = 'short'
  constructor(readonly shortages: DrawShortage[]) {
    super(shortages.map(shortageMessage).join('；'))
    this.name = 'DrawShortError'
  }
}

/** '《重大行政决策程序暂行条例》难度2–3 需要 10 题，题库仅有 7 题已发布' (with the English after it). */
export function shortageMessage(s: DrawShortage): string {
  const band = s.difficultyMin === s.difficultyMax ? `难度${s.difficultyMin}` : `难度${s.difficultyMin}–${s.difficultyMax}`
  const label = s.label ?? `第 ${s.rowIndex + 1} 行`
  if (s.available >= s.needed)
    return `${label}${band} 需要 ${s.needed} 题，与其他行共用题目后仅余 ${s.assignable} 题 (row ${s.rowIndex + 1} needs ${s.needed} questions but only ${s.assignable} remain after the other rows take theirs from the same questions): lower a count or widen the band`
  return `${label}${band} 需要 ${s.needed} 题，题库仅有 ${s.available} 题已发布 (row ${s.rowIndex + 1} needs ${s.needed} questions at difficulty ${s.difficultyMin}–${s.difficultyMax}; the bank has ${s.available} published): lower the count, widen the band or publish more questions`
}

/** 32-bit hash of a string (cyrb53 folded to 32 bits); the seed of the generator. */
export function hashSeed(seed: string): number {
  let h1 = 0xDEADBEEF
  let h2 = 0x41C6CE57
  for (let i = 0; i < seed.length; i++) {
    const ch = seed.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (h1 ^ h2) >>> 0
}

/** mulberry32: a small, fast, good-enough PRNG; returns floats in [0, 1). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A generator for a seed string. */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed))
}

/** Fisher–Yates with the given generator; returns a new array. */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** The candidates of a pool within the row's band, each once, in a stable order (by id). */
function inBand(row: DrawRow, pool: readonly DrawCandidate[]): string[] {
  const ids = new Set<string>()
  for (const c of pool) {
    if (c.difficulty >= row.difficultyMin && c.difficulty <= row.difficultyMax)
      ids.add(c.id)
  }
  return [...ids].sort()
}

/**
 * Draws the questions of one attempt: for each row, `count` distinct questions from its pool within the
 * difficulty band, never the same question twice in the attempt even when pools overlap (a maximum
 * bipartite matching, so overlap never causes a false 'short'), questions `seen` by the person first.
 * Rows keep blueprint order; questions within a row are in seeded random order.
 *
 * @throws DrawShortError (code 'short') listing every row that cannot be filled.
 */
export function drawQuizItems(rows: readonly DrawRow[], pools: readonly (readonly DrawCandidate[])[], seen: ReadonlySet<string>, seed: string): DrawnItem[] {
  if (pools.length !== rows.length)
    throw new Error(`drawQuiz: ${rows.length} rows but ${pools.length} pools`)
  const random = seededRandom(seed)
  const bands = rows.map((row, i) => inBand(row, pools[i]!))
  // Preference per row: unseen questions (shuffled), then seen ones (shuffled).
  const prefs = bands.map(ids => [
    ...seededShuffle(ids.filter(id => !seen.has(id)), random),
    ...seededShuffle(ids.filter(id => seen.has(id)), random),
  ])

  const slotRow: number[] = []
  rows.forEach((row, r) => {
    for (let k = 0; k < Math.max(0, Math.trunc(row.count)); k++)
      slotRow.push(r)
  })
  const owner = new Map<string, number>()
  const choice: (string | null)[] = slotRow.map(() => null)

  const augment = (slot: number, visited: Set<string>): boolean => {
    for (const id of prefs[slotRow[slot]!]!) {
      if (visited.has(id))
        continue
      visited.add(id)
      const current = owner.get(id)
      if (current === undefined || augment(current, visited)) {
        owner.set(id, slot)
        choice[slot] = id
        return true
      }
    }
    return false
  }

  const cursor = rows.map(() => 0)
  slotRow.forEach((r, slot) => {
    // Fast path: the next free question in this row's preference order.
    const pref = prefs[r]!
    while (cursor[r]! < pref.length && owner.has(pref[cursor[r]!]!))
      cursor[r]!++
    const free = pref[cursor[r]!]
    if (free !== undefined) {
      owner.set(free, slot)
      choice[slot] = free
      cursor[r]!++
      return
    }
    augment(slot, new Set())
  })

  const shortages: DrawShortage[] = []
  rows.forEach((row, r) => {
    const slots = slotRow.map((rr, s) => (rr === r ? s : -1)).filter(s => s >= 0)
    const assignable = slots.filter(s => choice[s] !== null).length
    if (assignable < slots.length)
      shortages.push({ rowIndex: r, label: row.label, difficultyMin: row.difficultyMin, difficultyMax: row.difficultyMax, needed: slots.length, available: bands[r]!.length, assignable })
  })
  if (shortages.length > 0)
    throw new DrawShortError(shortages)

  return rows.flatMap((row, r) => {
    const ids = slotRow.flatMap((rr, s) => (rr === r ? [choice[s]!] : []))
    return seededShuffle(ids, random).map(questionId => ({ questionId, rowIndex: r, points: row.points }))
  })
}

/** `drawQuizItems` reduced to the ordered question ids. */
export function drawQuiz(rows: readonly DrawRow[], pools: readonly (readonly DrawCandidate[])[], seen: ReadonlySet<string>, seed: string): string[] {
  return drawQuizItems(rows, pools, seen, seed).map(item => item.questionId)
}

/** How many distinct questions each row could draw alone, and whether the whole blueprint can be drawn. */
export function blueprintShortages(rows: readonly DrawRow[], pools: readonly (readonly DrawCandidate[])[]): DrawShortage[] {
  try {
    drawQuizItems(rows, pools, new Set(), 'capacity')
    return []
  }
  catch (error) {
    if (error instanceof DrawShortError)
      return error.shortages
    throw error
  }
}

/** Distinct questions of a pool within a row's band. */
export function rowCapacity(row: Pick<DrawRow, 'difficultyMin' | 'difficultyMax'>, pool: readonly DrawCandidate[]): number {
  return inBand({ ...row, count: 0, points: 0 }, pool).length
}

/** A blueprint row with its candidate pool, as `loadDrawPools` returns it. */
export interface DrawPoolRow extends DrawRow {
  /** Position in the blueprint, from 1. */
  order: number
  kind: string
  targetId: string
  targetName: string
  candidates: DrawCandidate[]
}

/** What `loadDrawPools(db, quizId, personId)` returns: everything needed to draw one attempt. */
export interface DrawPools {
  quiz: {
    id: string
    title: string
    kind: 'FIXED' | 'BLUEPRINT'
    status: 'DRAFT' | 'PUBLISHED'
    mode: string
    timeLimitSec: number | null
    passScore: number
    attemptsAllowed: number | null
    scoring: string
    opensAt: string | null
    closesAt: string | null
    reveal: string
    shuffleOptions: boolean
    multiplePartialCredit: boolean
  }
  /** A fixed quiz's questions in order (empty for a blueprint). */
  items: { questionId: string, order: number, points: number }[]
  /** A blueprint's rows in order (empty for a fixed quiz). */
  rows: DrawPoolRow[]
  /** Candidate ids the person has seen (any version answered or under review). */
  seen: Set<string>
}

/** The questions of one attempt: a fixed quiz's items in order, or a seeded draw of a blueprint. */
export function drawAttempt(pools: DrawPools, seed: string): { questionId: string, points: number, rowIndex: number | null }[] {
  if (pools.quiz.kind === 'FIXED')
    return pools.items.map(item => ({ questionId: item.questionId, points: item.points, rowIndex: null }))
  return drawQuizItems(pools.rows, pools.rows.map(r => r.candidates), pools.seen, seed)
}

const LETTERS = 'ABCDEFGH'

/** An option order for one question of one attempt. */
export interface OptionShuffle {
  /** `order[i]` is the original index of the option shown at position i. Empty for TRUE_FALSE and FILL_BLANK. */
  order: number[]
  /** The options as shown. */
  options: string[]
}

/**
 * The option order a person sees for this question in the attempt with this seed (a different order per
 * question). Only choice questions are shuffled.
 */
export function shuffleOptions(question: { id: string, type: string, options: readonly string[] }, seed: string): OptionShuffle {
  if (!isChoiceKind(question.type))
    return { order: [], options: [] }
  const order = seededShuffle(question.options.map((_, i) => i), seededRandom(`${seed}\u0000${question.id}`))
  return { order, options: order.map(i => question.options[i]!) }
}

/** Letters the person chose among the shown options → letters of the original options (to score against `answer`). */
export function displayedToOriginal(order: readonly number[], letters: readonly string[]): string[] {
  if (order.length === 0)
    return [...letters]
  return letters.map((letter) => {
    const shown = LETTERS.indexOf(letter)
    const original = shown >= 0 ? order[shown] : undefined
    return original === undefined ? letter : LETTERS[original]!
  }).sort()
}

/** Original answer letters → the letters as shown (to reveal the answer in the shuffled order). */
export function originalToDisplayed(order: readonly number[], letters: readonly string[]): string[] {
  if (order.length === 0)
    return [...letters]
  return letters.map((letter) => {
    const shown = order.indexOf(LETTERS.indexOf(letter))
    return shown >= 0 ? LETTERS[shown]! : letter
  }).sort()
}
