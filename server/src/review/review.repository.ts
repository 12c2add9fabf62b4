import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { StudyArticle } from '../quiz/quizView.type'
import type { CardRow } from './presentation'
import type { ReviewCard, ReviewResult } from './review.type'
import type { ReviewRatingValue } from './spacedRepetition'
import { requirePerson } from '../auth/access'
import { badInput, notFound, notYours } from '../common/errors'
import { recordAudit } from '../db/audit.repository'
import { int } from '../db/database'
import { checkGiven } from '../quiz/answerRules'
import { articleProjection } from '../quiz/quizView.repository'
import { scoreItem } from '../quiz/scoring'
import { presentCard } from './presentation'
import { parseCardId, schedule } from './spacedRepetition'

/** Spaced-repetition cards (复习): the due list and rating a card. */

const CARD_FIELDS = `r.due AS due, r.stability AS stability, r.difficulty AS difficulty, r.elapsedDays AS elapsedDays,
  r.scheduledDays AS scheduledDays, coalesce(r.learningSteps, 0) AS learningSteps, r.reps AS reps, r.lapses AS lapses,
  r.state AS state, r.lastReview AS lastReview`

/** Map projection of a card (a REVIEWS relationship) bound to `r`, as stored (`StoredCard`). */
export function storedCardProjection(r: string): string {
  return `${r} {.due, .stability, .difficulty, .elapsedDays, .scheduledDays, .learningSteps, .reps, .lapses, .state, .lastReview}`
}

const CARD_ROW = `r.id AS id, q.id AS questionId, q.type AS type, q.stem AS stem, coalesce(q.options, []) AS options,
  size(coalesce(q.answer, [])) AS answerCount, ${CARD_FIELDS}`

/** The person's cards due at `now`, soonest first, without answers. */
export async function listDueReviews(db: Database, personId: string, first: number, now: Date): Promise<ReviewCard[]> {
  const rows = await db.read<CardRow>(
    `MATCH (:Person {id: $personId})-[r:REVIEWS]->(q:Question)
     WHERE r.due <= datetime($now)
     RETURN ${CARD_ROW} ORDER BY r.due, r.id LIMIT $first`,
    { personId, now: now.toISOString(), first: int(first) },
  )
  return rows.map(presentCard)
}

/** How many of the person's cards are due at `now`. */
export async function countDueReviews(db: Database, personId: string, now: Date): Promise<number> {
  const [row] = await db.read<{ n: number }>(
    'RETURN COUNT { MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question) WHERE r.due <= datetime($now) } AS n',
    { personId, now: now.toISOString() },
  )
  return row?.n ?? 0
}

/**
 * Reviews one of the person's cards: reschedules it with the rating (ts-fsrs) and only now returns the
 * answer, explanation and articles; when the person typed or chose an answer, says whether it was right.
 */
export async function reviewCard(db: Database, user: SessionUser, id: string, rating: ReviewRatingValue, given: string[] | null, now: Date): Promise<ReviewResult> {
  const personId = requirePerson(user)
  const parsed = parseCardId(id)
  if (!parsed)
    throw badInput('复习卡 id 格式为 <personId>:<questionId> (cardId: use the id from dueReviews).', { field: 'cardId' })
  if (parsed.personId !== personId)
    throw notYours('只能复习自己的复习卡 (you can review only your own cards).')
  return db.transaction(async (tx) => {
    await tx.run('MATCH (p:Person {id: $personId}) SET p._lock = true REMOVE p._lock', { personId })
    const [row] = await tx.run<CardRow & { answer: string[], explanation: string, articles: StudyArticle[] }>(
      `MATCH (:Person {id: $personId})-[r:REVIEWS]->(q:Question {id: $questionId})
       RETURN ${CARD_ROW}, coalesce(q.answer, []) AS answer, coalesce(q.explanation, '') AS explanation,
         COLLECT { MATCH (q)-[ts:TESTS]->(a:Article) RETURN ${articleProjection('a')} AS article ORDER BY ts.order, a.lawId, a.ordinal } AS articles`,
      { personId, questionId: parsed.questionId },
    )
    if (!row)
      throw notFound('复习卡 (review card)', id)
    const answer = given && given.length > 0
      ? checkGiven({ type: row.type, optionCount: row.options.length, blanks: row.type === 'FILL_BLANK' ? row.answer.length : 0 }, given)
      : null
    const next = schedule(row, rating, now)
    await tx.run(
      `MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question {id: $questionId})
       SET r.due = datetime($c.due), r.stability = $c.stability, r.difficulty = $c.difficulty, r.elapsedDays = $c.elapsedDays,
           r.scheduledDays = $c.scheduledDays, r.learningSteps = $c.learningSteps, r.reps = $c.reps, r.lapses = $c.lapses,
           r.state = $c.state, r.lastReview = datetime($c.lastReview), r.lastRating = $rating`,
      {
        personId,
        questionId: parsed.questionId,
        rating,
        c: { ...next, elapsedDays: int(next.elapsedDays), scheduledDays: int(next.scheduledDays), learningSteps: int(next.learningSteps), reps: int(next.reps), lapses: int(next.lapses) },
      },
    )
    await recordAudit(tx, { actor: user, operation: 'review', targetIds: [id] })
    const correct = answer
      ? scoreItem({ type: row.type, answer: row.answer, points: 1, optionOrder: [], given: answer }, { multiplePartialCredit: false }).correct
      : null
    return {
      card: presentCard({ ...row, ...next }),
      given: answer,
      correct,
      answer: row.answer,
      explanation: row.explanation,
      articles: row.articles,
    }
  })
}
