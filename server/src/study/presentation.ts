/**
 * Turns rows read from the graph into what the API returns, deciding what a viewer may see. Pure, so
 * the rule "no answer reaches a cadre before the reveal policy allows" is tested without a database:
 * the repository reads answers (scoring and results need them) and ONLY this module decides whether
 * they leave the server.
 */
import type { Person } from '../org/org.type'
import type { StoredCard } from './spacedRepetition'
import type { Attempt, AttemptItem, AttemptSummary, AttendanceRow, ReviewCard, StudyArticle, StudyQuiz, StudySession } from './study.type'
import { originalToDisplayed } from '../quiz/draw'
import { passes } from './scoring'
import { blanksOf, checkInOpen, checkInWindow, revealAllowed } from './studyRules'

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

/** A session as the projection reads it. */
export interface SessionRow extends Omit<StudySession, 'checkInOpensAt' | 'checkInClosesAt' | 'my'> {
  invited: boolean
  attendance: { checkedInAt: string | null, readingSeconds: number | null } | null
  attempts: AttemptSummaryRow[]
}

export function presentSession(row: SessionRow, now: Date): StudySession {
  const startsAt = Date.parse(row.startsAt)
  const window = checkInWindow(startsAt)
  const { invited, attendance, attempts, ...session } = row
  return {
    ...session,
    checkInOpensAt: new Date(window.opens).toISOString(),
    checkInClosesAt: new Date(window.closes).toISOString(),
    my: {
      invited,
      checkedInAt: attendance?.checkedInAt ?? null,
      readingSeconds: attendance?.readingSeconds ?? 0,
      canCheckIn: invited && !attendance && checkInOpen(startsAt, now.getTime()),
      attempts: attempts.map(presentSummary),
    },
  }
}

/** An attendance row as read: the person's attempts at the session's quiz in start order. */
export interface AttendanceRowData {
  person: Person
  invited: boolean
  checkedInAt: string | null
  minutes: number
  readingSeconds: number
  attempts: { status: 'IN_PROGRESS' | 'SUBMITTED', score: number | null, maxScore: number }[]
}

/** The attempt that counts: the best or the last submitted one (per the quiz's scoring), else one in progress. */
export function presentAttendance(row: AttendanceRowData, quiz: { scoring: string, passScore: number } | null): AttendanceRow {
  const submitted = row.attempts.filter(a => a.status === 'SUBMITTED')
  let counted: AttendanceRowData['attempts'][number] | undefined
  if (submitted.length > 0) {
    counted = quiz?.scoring === 'LAST'
      ? submitted[submitted.length - 1]
      : submitted.reduce((best, a) => ((a.score ?? 0) / (a.maxScore || 1) > (best.score ?? 0) / (best.maxScore || 1) ? a : best))
  }
  else {
    counted = row.attempts[row.attempts.length - 1]
  }
  const done = counted?.status === 'SUBMITTED'
  return {
    person: row.person,
    invited: row.invited,
    checkedInAt: row.checkedInAt,
    minutes: row.checkedInAt ? row.minutes : 0,
    readingSeconds: row.readingSeconds,
    attemptStatus: (counted?.status ?? null) as AttendanceRow['attemptStatus'],
    score: done ? counted!.score ?? 0 : null,
    maxScore: counted ? counted.maxScore : null,
    passed: done && quiz ? passes(counted!.score ?? 0, counted!.maxScore, quiz.passScore) : null,
  }
}

/** A due card as read. */
export interface CardRow extends StoredCard {
  id: string
  questionId: string
  type: string
  stem: string
  options: string[]
  answerCount: number
}

/** A card without its answer. */
export function presentCard(row: CardRow): ReviewCard {
  return {
    id: row.id,
    questionId: row.questionId,
    type: row.type as ReviewCard['type'],
    stem: row.stem,
    options: row.type === 'SINGLE' || row.type === 'MULTIPLE' ? row.options : [],
    blanks: row.type === 'FILL_BLANK' ? row.answerCount : 0,
    due: row.due,
    state: row.state as ReviewCard['state'],
    reps: row.reps,
    lapses: row.lapses,
    stability: row.stability,
    lastReview: row.lastReview,
  }
}
