import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { StudyArticle } from '../quiz/quizView.type'
import type { MetThrough } from '../quiz/reveal'
import type { CardRow } from './presentation'
import type { ReviewCard, ReviewCheck, ReviewResult } from './review.type'
import type { ReviewRatingValue } from './spacedRepetition'
import { requirePerson } from '../auth/access'
import { badInput, notFound, notYours } from '../common/errors'
import { recordAudit } from '../db/audit.repository'
import { int, isoText } from '../db/database'
import { checkGiven } from '../quiz/answerRules'
import { articleProjection } from '../quiz/quizView.repository'
import { answerRevealed } from '../quiz/reveal'
import { scoreItem } from '../quiz/scoring'
import { presentCard } from './presentation'
import { ratingRefusal } from './reviewRules'
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

type CardWithAnswer = CardRow & {
  answer: string[]
  explanation: string
  articles: StudyArticle[]
  checkedCorrect: boolean | null
  metThrough: MetThrough[]
}

/** The person's own card `id` with its answer and the quizzes they met it in, read in `tx`; refuses another person's card. */
async function ownCard(tx: Parameters<Parameters<Database['transaction']>[0]>[0], user: SessionUser, id: string): Promise<{ personId: string, questionId: string, row: CardWithAnswer }> {
  const personId = requirePerson(user)
  const parsed = parseCardId(id)
  if (!parsed)
    throw badInput('复习卡 id 格式为 <personId>:<questionId> (cardId: use the id from dueReviews).', { field: 'cardId' })
  if (parsed.personId !== personId)
    throw notYours('只能复习自己的复习卡 (you can review only your own cards).')
  await tx.run('MATCH (p:Person {id: $personId}) SET p._lock = true REMOVE p._lock', { personId })
  const [row] = await tx.run<CardWithAnswer>(
    `MATCH (:Person {id: $personId})-[r:REVIEWS]->(q:Question {id: $questionId})
     RETURN ${CARD_ROW}, coalesce(q.answer, []) AS answer, coalesce(q.explanation, '') AS explanation, r.checkedCorrect AS checkedCorrect,
       COLLECT { MATCH (q)-[ts:TESTS]->(a:Article) RETURN ${articleProjection('a')} AS article ORDER BY ts.order, a.lawId, a.ordinal } AS articles,
       COLLECT {
         MATCH (:Person {id: $personId})-[:MADE]->(t:Attempt {status: 'SUBMITTED'})-[:ITEM]->(q)
         MATCH (t)-[:OF]->(z:Quiz)
         RETURN DISTINCT {reveal: z.reveal, closesAt: ${isoText('z.closesAt')}} AS m
       } AS metThrough`,
    { personId, questionId: parsed.questionId },
  )
  if (!row)
    throw notFound('复习卡 (review card)', id)
  return { personId, questionId: parsed.questionId, row }
}

/**
 * The answer as given, checked for shape, and whether it is right — null when none was given, or when
 * no quiz policy has revealed the question's answer to the person (saying "wrong" would reveal it too).
 */
function judge(row: CardWithAnswer, given: string[] | null, revealed: boolean): { answer: string[] | null, correct: boolean | null } {
  const answer = given && given.length > 0
    ? checkGiven({ type: row.type, optionCount: row.options.length, blanks: row.type === 'FILL_BLANK' ? row.answer.length : 0 }, given)
    : null
  const correct = answer && revealed
    ? scoreItem({ type: row.type, answer: row.answer, points: 1, optionOrder: [], given: answer }, { multiplePartialCredit: false }).correct
    : null
  return { answer, correct }
}

/**
 * Checks an answer to one of the person's cards before they rate it (答题 → 核对): says whether it was
 * right and shows the answer, explanation and articles — when some quiz through which the person met the
 * question already reveals its answers to them (quiz/reveal.ts); otherwise only the articles to re-read.
 * The card keeps its schedule; a wrong result is kept on it so that the rating that follows must be AGAIN.
 */
export async function checkReviewCard(db: Database, user: SessionUser, id: string, given: string[], now: Date): Promise<ReviewCheck> {
  return db.transaction(async (tx) => {
    const { personId, questionId, row } = await ownCard(tx, user, id)
    const revealed = answerRevealed(row.metThrough, now)
    const { answer, correct } = judge(row, given, revealed)
    await tx.run(
      `MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question {id: $questionId})
       SET r.checkedCorrect = $correct, r.checkedAt = datetime($now)`,
      { personId, questionId, correct, now: now.toISOString() },
    )
    return {
      given: answer,
      correct,
      revealed,
      answer: revealed ? row.answer : [],
      explanation: revealed ? row.explanation : '',
      articles: row.articles,
    }
  })
}

/**
 * Reviews one of the person's cards: reschedules it with the rating (ts-fsrs) and returns the articles the
 * question tests. The answer and explanation — and whether the answer the person gave was right, which
 * would tell it just as well — only when some quiz through which the person met the question (a submitted
 * attempt) already reveals its answers to them (quiz/reveal.ts): a card of a question met only in a NEVER
 * quiz, or an AFTER_CLOSE one still open, sends the person back to the articles instead. A wrong answer
 * (given now, or found by checkReviewCard) may only be rated AGAIN.
 */
export async function reviewCard(db: Database, user: SessionUser, id: string, rating: ReviewRatingValue, given: string[] | null, now: Date): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const { personId, questionId, row } = await ownCard(tx, user, id)
    const revealed = answerRevealed(row.metThrough, now)
    const { answer, correct } = judge(row, given, revealed)
    const refusal = ratingRefusal(correct ?? row.checkedCorrect ?? null, rating)
    if (refusal)
      throw badInput(refusal, { field: 'rating' })
    const next = schedule(row, rating, now)
    await tx.run(
      `MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question {id: $questionId})
       SET r.due = datetime($c.due), r.stability = $c.stability, r.difficulty = $c.difficulty, r.elapsedDays = $c.elapsedDays,
           r.scheduledDays = $c.scheduledDays, r.learningSteps = $c.learningSteps, r.reps = $c.reps, r.lapses = $c.lapses,
           r.state = $c.state, r.lastReview = datetime($c.lastReview), r.lastRating = $rating
       REMOVE r.checkedCorrect, r.checkedAt`,
      {
        personId,
        questionId,
        rating,
        c: { ...next, elapsedDays: int(next.elapsedDays), scheduledDays: int(next.scheduledDays), learningSteps: int(next.learningSteps), reps: int(next.reps), lapses: int(next.lapses) },
      },
    )
    await recordAudit(tx, { actor: user, operation: 'review', targetIds: [id] })
    return {
      card: presentCard({ ...row, ...next }),
      given: answer,
      correct,
      revealed,
      answer: revealed ? row.answer : [],
      explanation: revealed ? row.explanation : '',
      articles: row.articles,
    }
  })
}
