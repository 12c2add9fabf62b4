/**
 * Scoring of an attempt (判分). Pure: the server scores, never the browser. The person answers in the
 * letters of the options AS SHOWN (shuffled per attempt); `optionOrder[i]` is the original index of the
 * option shown at position i, so letters are mapped back before comparing with the question's answer.
 *
 * - SINGLE, TRUE_FALSE: exact match → full points, else 0.
 * - MULTIPLE: all-or-nothing (the chosen set equals the answer set), or, when the quiz allows partial
 *   credit, points × max(0, (correct chosen − wrong chosen) / number of correct options).
 * - FILL_BLANK: each blank is worth points / blanks; a blank is right when the given text, trimmed,
 *   full-width → half-width (NFKC) and case-folded, equals one of the '|' alternatives treated alike.
 */
import { displayedToOriginal } from '../quiz/draw'

export type ScoredType = 'SINGLE' | 'MULTIPLE' | 'TRUE_FALSE' | 'FILL_BLANK'

/** One item of an attempt as scoring needs it. */
export interface ScoringItem {
  type: ScoredType | string
  /** The question's answer, original letters / TRUE|FALSE / one accepted text per blank ('|' alternatives). */
  answer: readonly string[]
  points: number
  /** Original index of each shown option; empty when options were not shuffled (or not a choice question). */
  optionOrder: readonly number[]
  /** What the person gave, in shown letters (choice), TRUE|FALSE, or one text per blank; null when unanswered. */
  given: readonly string[] | null
}

/** The outcome for one item. */
export interface ItemScore {
  /** Points earned, rounded to 2 decimals. */
  earned: number
  /** True when the full points were earned. */
  correct: boolean
}

const LETTERS = 'ABCDEFGH'

/** Rounds to 2 decimals (scores are shown as e.g. 6.67). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/** Text of a blank as compared: trimmed, NFKC (full-width letters, digits and spaces → half-width), lower case, inner spaces collapsed. */
export function normalizeBlank(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Whether a given blank text matches an accepted answer with '|' alternatives. */
export function blankMatches(given: string, accepted: string): boolean {
  const value = normalizeBlank(given)
  if (!value)
    return false
  return accepted.split('|').some(alt => normalizeBlank(alt) === value)
}

/** Shown letters → original letters, de-duplicated and sorted; letters outside A–H are kept as given (they then never match). */
export function originalLetters(given: readonly string[], optionOrder: readonly number[]): string[] {
  const letters = [...new Set(given.map(g => g.trim().toUpperCase()))].filter(Boolean)
  return [...new Set(displayedToOriginal(optionOrder, letters))].sort()
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = [...new Set(a)].sort()
  const y = [...new Set(b)].sort()
  return x.length === y.length && x.every((v, i) => v === y[i])
}

/** Scores one item. */
export function scoreItem(item: ScoringItem, options: { multiplePartialCredit: boolean }): ItemScore {
  const given = item.given ?? []
  const points = item.points
  const full = (ok: boolean): ItemScore => ({ earned: ok ? points : 0, correct: ok })
  switch (item.type) {
    case 'SINGLE': {
      const chosen = originalLetters(given, item.optionOrder)
      return full(chosen.length === 1 && sameSet(chosen, item.answer))
    }
    case 'TRUE_FALSE': {
      const value = given.length === 1 ? given[0]!.trim().toUpperCase() : ''
      return full(value !== '' && value === item.answer[0])
    }
    case 'MULTIPLE': {
      const chosen = originalLetters(given, item.optionOrder).filter(l => LETTERS.includes(l))
      const answer = new Set(item.answer)
      if (sameSet(chosen, item.answer))
        return { earned: points, correct: true }
      if (!options.multiplePartialCredit || answer.size === 0)
        return { earned: 0, correct: false }
      const right = chosen.filter(l => answer.has(l)).length
      const wrong = chosen.length - right
      return { earned: round2(points * Math.max(0, (right - wrong) / answer.size)), correct: false }
    }
    case 'FILL_BLANK': {
      const blanks = item.answer.length
      if (blanks === 0)
        return { earned: 0, correct: false }
      const right = item.answer.filter((accepted, i) => blankMatches(given[i] ?? '', accepted)).length
      return { earned: round2(points * right / blanks), correct: right === blanks }
    }
    default:
      return { earned: 0, correct: false }
  }
}

/** Scores a whole attempt: per item, and the total (rounded to 2 decimals). */
export function scoreAttempt(items: readonly ScoringItem[], options: { multiplePartialCredit: boolean }): { items: ItemScore[], score: number, maxScore: number } {
  const scored = items.map(item => scoreItem(item, options))
  return {
    items: scored,
    score: round2(scored.reduce((n, s) => n + s.earned, 0)),
    maxScore: items.reduce((n, i) => n + i.points, 0),
  }
}

/** Whether a score passes: at least `passScore` percent of the maximum. */
export function passes(score: number, maxScore: number, passScore: number): boolean {
  if (maxScore <= 0)
    return false
  return (score / maxScore) * 100 >= passScore - 1e-9
}
