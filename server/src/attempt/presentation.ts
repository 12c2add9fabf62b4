/**
 * Turns rows read from the graph into what the API returns, deciding what a viewer may see. Pure, so
 * the rule "no answer reaches a cadre before the reveal policy allows" is tested without a database:
 * the repository reads answers (scoring and results need them) and ONLY this module decides whether
 * they leave the server.
 */
import type { Person } from '../org/org.type'
import type { StudyArticle, StudyQuiz } from '../quiz/quizView.type'
import type { Attempt, AttemptItem, AttemptSummary } from './attempt.type'
import { blanksOf } from '../quiz/answerRules'
import { originalToDisplayed } from '../quiz/draw'
import { passes } from '../quiz/scoring'
import { revealAllowed } from './attemptRules'

/** An attempt as the summary projection reads it. */
export interface AttemptSummaryRow {
  id: string
  quizId: string
  quizTitle: string
  passScore: number
  status: 'IN_PROGRESS' | 'SUBMITTED'
  startedAt: string
  deadline: string | null
  submittedAt: string | null
  score: number | null
  maxScore: number
  autoSubmitted: boolean
}

export function presentSummary(row: AttemptSummaryRow): AttemptSummary {
  const submitted = row.status === 'SUBMITTED'
  return {
    id: row.id,
    quizId: row.quizId,
    quizTitle: row.quizTitle,
    status: row.status as AttemptSummary['status'],
    startedAt: row.startedAt,
    deadline: row.deadline,
    submittedAt: row.submittedAt,
    score: submitted ? row.score ?? 0 : null,
    maxScore: row.maxScore,
    passed: submitted ? passes(row.score ?? 0, row.maxScore, row.passScore) : null,
    autoSubmitted: row.autoSubmitted,
  }
}

/** One item as the attempt query reads it (answers included: they never leave unless revealed). */
export interface AttemptItemRow {
  order: number
  points: number
  optionOrder: number[] | null
  earned: number | null
  correct: boolean | null
  questionId: string
  type: string
  stem: string
  options: string[]
  answer: string[]
  explanation: string
  given: string[] | null
  savedAt: string | null
  articles: StudyArticle[]
}

/** A whole attempt as read. */
export interface AttemptRow extends AttemptSummaryRow {
  ownerId: string | null
  ownerOrganizationIds: string[]
  person: Person | null
  quiz: StudyQuiz & { closesAt: string | null }
  items: AttemptItemRow[]
}

/** The options in the order the attempt shows them. */
export function shownOptions(options: readonly string[], optionOrder: readonly number[] | null): string[] {
  if (!optionOrder || optionOrder.length === 0)
    return [...options]
  return optionOrder.map(i => options[i]!)
}

/**
 * The attempt for a viewer. `full` (a trainer or admin reading someone else's attempt) sees everything;
 * the person who made it sees answers, explanations, correctness and articles only when the quiz's
 * reveal policy allows at `now`.
 */
export function presentAttempt(row: AttemptRow, options: { full: boolean, now: Date }): Attempt {
  const summary = presentSummary(row)
  const submitted = row.status === 'SUBMITTED'
  const closesAt = row.quiz.closesAt ? Date.parse(row.quiz.closesAt) : null
  const revealed = submitted && (options.full || revealAllowed(row.quiz.reveal, submitted, closesAt, options.now.getTime()))
  const items: AttemptItem[] = row.items.map((item) => {
    const choice = item.type === 'SINGLE' || item.type === 'MULTIPLE'
    const base: AttemptItem = {
      order: item.order,
      points: item.points,
      questionId: item.questionId,
      type: item.type as AttemptItem['type'],
      stem: item.stem,
      options: choice ? shownOptions(item.options, item.optionOrder) : [],
      blanks: blanksOf(item.type, item.answer),
      given: item.given,
      savedAt: item.savedAt,
      earned: null,
      correct: null,
      answer: null,
      explanation: null,
      articles: null,
    }
    if (!revealed)
      return base
    return {
      ...base,
      earned: item.earned ?? 0,
      correct: item.correct ?? false,
      answer: choice ? originalToDisplayed(item.optionOrder ?? [], item.answer) : [...item.answer],
      explanation: item.explanation,
      articles: item.articles,
    }
  })
  return {
    ...summary,
    quiz: row.quiz,
    person: row.person,
    serverNow: options.now.toISOString(),
    revealed,
    items,
  }
}
