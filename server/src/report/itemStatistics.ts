/**
 * Item analysis of a quiz (试题分析), classical test theory. Pure.
 *
 * - Facility (难度/通过率) of a question: the mean share of its points earned over the submitted attempts
 *   that contained it (unanswered counts 0). 1 = everyone right; below 0.3 the item is hard, above 0.9 easy.
 * - Discrimination (区分度) D = facility among the upper group − facility among the lower group, the groups
 *   being the 27 % of attempts with the highest and the lowest total score (Kelley's groups; at least one
 *   attempt each). D ≥ 0.4 discriminates well, below 0.2 poorly (the item does not tell who studied). Null
 *   when a group has no attempt containing the question (too few attempts, or a blueprint drew it rarely).
 * - Distractor analysis (选项分析), as Moodle's quiz statistics: how often each option of a choice or
 *   true/false question was chosen, overall and in the two groups. A wrong option nobody chose does no
 *   work (NEVER_CHOSEN); a wrong option the upper group chose more often than the lower one misleads those
 *   who studied, so its wording or the key needs a look (ATTRACTS_BEST).
 */
import { displayedToOriginal } from '../quiz/draw'
import { OPTION_LETTERS } from '../quiz/questionRules'
import { isChoiceKind } from '../quiz/questionShape'

/** One submitted attempt: its share of the maximum score and, per question, the points earned of those available. */
export interface ScoredAttempt {
  attemptId: string
  score: number
  maxScore: number
  items: {
    questionId: string
    earned: number
    points: number
    /** The answer as saved (letters as shown in this attempt), null when unanswered; needed for option analysis only. */
    given?: string[] | null
    /** Original index of each option as shown (empty: not shuffled). */
    optionOrder?: number[]
  }[]
}

/** The analysis of one question. */
export interface ItemAnalysis {
  questionId: string
  /** Submitted attempts that contained the question. */
  attempts: number
  /** Attempts that earned the question's full points. */
  correct: number
  facility: number
  discrimination: number | null
}

/** Share of the group's 27 % (Kelley). */
export const GROUP_SHARE = 0.27

function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}

function shareOf(attempt: ScoredAttempt): number {
  return attempt.maxScore > 0 ? attempt.score / attempt.maxScore : 0
}

/** Mean share of the question's points earned in these attempts; null when none contains it. */
function facilityIn(attempts: readonly ScoredAttempt[], questionId: string): number | null {
  let sum = 0
  let n = 0
  for (const attempt of attempts) {
    for (const item of attempt.items) {
      if (item.questionId !== questionId)
        continue
      sum += item.points > 0 ? item.earned / item.points : 0
      n++
    }
  }
  return n === 0 ? null : sum / n
}

/** The best and worst 27 % of the attempts by total score (empty with fewer than two attempts). */
function kelleyGroups(attempts: readonly ScoredAttempt[]): { upper: ScoredAttempt[], lower: ScoredAttempt[] } {
  // Ties broken by id, so the same attempts always give the same groups.
  const ranked = [...attempts].sort((a, b) => shareOf(b) - shareOf(a) || a.attemptId.localeCompare(b.attemptId))
  const groupSize = Math.max(1, Math.round(ranked.length * GROUP_SHARE))
  return {
    upper: ranked.length >= 2 ? ranked.slice(0, groupSize) : [],
    lower: ranked.length >= 2 ? ranked.slice(-groupSize) : [],
  }
}

/** Facility and discrimination of every question that appears in the attempts, in order of first appearance. */
export function analyseItems(attempts: readonly ScoredAttempt[]): ItemAnalysis[] {
  const { upper, lower } = kelleyGroups(attempts)
  const order: string[] = []
  const stats = new Map<string, { attempts: number, correct: number }>()
  for (const attempt of attempts) {
    for (const item of attempt.items) {
      let entry = stats.get(item.questionId)
      if (!entry) {
        entry = { attempts: 0, correct: 0 }
        stats.set(item.questionId, entry)
        order.push(item.questionId)
      }
      entry.attempts++
      if (item.points > 0 && item.earned >= item.points)
        entry.correct++
    }
  }
  return order.map((questionId) => {
    const { attempts: n, correct } = stats.get(questionId)!
    const up = facilityIn(upper, questionId)
    const low = facilityIn(lower, questionId)
    return {
      questionId,
      attempts: n,
      correct,
      facility: round3(facilityIn(attempts, questionId) ?? 0),
      discrimination: up === null || low === null ? null : round3(up - low),
    }
  })
}

/** What option analysis needs to know of a question. */
export interface AnalysedQuestion {
  id: string
  type: string
  /** Options A–H of a choice question, in their original order. */
  options: readonly string[]
  /** Correct option letters, or TRUE / FALSE. */
  answer: readonly string[]
}

/** A distractor's flags: chosen by nobody, or chosen more by the best attempts than by the worst. */
export const DISTRACTOR_FLAGS = ['NEVER_CHOSEN', 'ATTRACTS_BEST'] as const

/** One of DISTRACTOR_FLAGS. */
export type DistractorFlag = typeof DISTRACTOR_FLAGS[number]

/** How one option of a question was chosen. */
export interface OptionAnalysis {
  /** Option letter A–H, or TRUE / FALSE. */
  key: string
  /** The option's text; null for TRUE / FALSE. */
  text: string | null
  /** Part of the correct answer. */
  correct: boolean
  /** Attempts that chose it. */
  chosen: number
  /** Share of the attempts containing the question that chose it, 0–1. */
  share: number
  /** Share of the upper group's attempts containing the question that chose it; null when that group has none. */
  upperShare: number | null
  /** The same in the lower group. */
  lowerShare: number | null
  flags: DistractorFlag[]
}

/** The original option keys an item's saved answer chose. */
function chosenKeys(question: AnalysedQuestion, item: ScoredAttempt['items'][number]): Set<string> {
  const given = item.given ?? []
  if (question.type === 'TRUE_FALSE')
    return new Set(given.map(g => g.trim().toUpperCase()))
  return new Set(displayedToOriginal(item.optionOrder ?? [], given.map(g => g.trim().toUpperCase())))
}

/** Share of `attempts` containing the question whose answer chose `key`; null when none contains it. */
function chosenShare(attempts: readonly ScoredAttempt[], question: AnalysedQuestion, key: string): { chosen: number, share: number | null } {
  let chosen = 0
  let n = 0
  for (const attempt of attempts) {
    for (const item of attempt.items) {
      if (item.questionId !== question.id)
        continue
      n++
      if (chosenKeys(question, item).has(key))
        chosen++
    }
  }
  return { chosen, share: n === 0 ? null : chosen / n }
}

/**
 * How often each option of a choice or true/false question was chosen, with distractor flags; empty for
 * fill-in questions (their answers are free text).
 */
export function analyseOptions(attempts: readonly ScoredAttempt[], question: AnalysedQuestion): OptionAnalysis[] {
  const keys = isChoiceKind(question.type)
    ? question.options.map((text, i) => ({ key: OPTION_LETTERS[i]!, text }))
    : question.type === 'TRUE_FALSE' ? [{ key: 'TRUE', text: null }, { key: 'FALSE', text: null }] : []
  if (keys.length === 0)
    return []
  const { upper, lower } = kelleyGroups(attempts)
  return keys.map(({ key, text }) => {
    const all = chosenShare(attempts, question, key)
    const up = chosenShare(upper, question, key).share
    const low = chosenShare(lower, question, key).share
    const correct = question.answer.includes(key)
    const flags: DistractorFlag[] = []
    if (!correct && all.share !== null && all.chosen === 0)
      flags.push('NEVER_CHOSEN')
    if (!correct && up !== null && low !== null && up > 0 && up > low)
      flags.push('ATTRACTS_BEST')
    return {
      key,
      text,
      correct,
      chosen: all.chosen,
      share: round3(all.share ?? 0),
      upperShare: up === null ? null : round3(up),
      lowerShare: low === null ? null : round3(low),
      flags,
    }
  })
}

/** Attempts that contained the question but left it unanswered. */
export function unansweredCount(attempts: readonly ScoredAttempt[], questionId: string): number {
  return attempts.reduce((n, a) => n + a.items.filter(i => i.questionId === questionId && (!i.given || i.given.length === 0)).length, 0)
}
