/**
 * Item analysis of a quiz (试题分析), classical test theory. Pure.
 *
 * - Facility (难度/通过率) of a question: the mean share of its points earned over the submitted attempts
 *   that contained it (unanswered counts 0). 1 = everyone right; below 0.3 the item is hard, above 0.9 easy.
 * - Discrimination (区分度) D = facility among the upper group − facility among the lower group, the groups
 *   being the 27 % of attempts with the highest and the lowest total score (Kelley's groups; at least one
 *   attempt each). D ≥ 0.4 discriminates well, below 0.2 poorly (the item does not tell who studied). Null
 *   when a group has no attempt containing the question (too few attempts, or a blueprint drew it rarely).
 */

/** One submitted attempt: its share of the maximum score and, per question, the points earned of those available. */
export interface ScoredAttempt {
  attemptId: string
  score: number
  maxScore: number
  items: { questionId: string, earned: number, points: number }[]
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

/** Facility and discrimination of every question that appears in the attempts, in order of first appearance. */
export function analyseItems(attempts: readonly ScoredAttempt[]): ItemAnalysis[] {
  // Ties broken by id, so the same attempts always give the same groups.
  const ranked = [...attempts].sort((a, b) => shareOf(b) - shareOf(a) || a.attemptId.localeCompare(b.attemptId))
  const groupSize = Math.max(1, Math.round(ranked.length * GROUP_SHARE))
  const upper = ranked.length >= 2 ? ranked.slice(0, groupSize) : []
  const lower = ranked.length >= 2 ? ranked.slice(-groupSize) : []
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
