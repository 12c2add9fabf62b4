import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { CardRow } from './presentation'
import type { ReviewRatingValue, StoredCard } from './spacedRepetition'
import type { ReviewCard, ReviewResult, StudyArticle, StudyProgress } from './study.type'
import { recordAudit } from '../audit/audit'
import { badInput, notFound } from '../common/errors'
import { int } from '../db/database'
import { presentCard } from './presentation'
import { passes, scoreItem } from './scoring'
import { mastery, parseCardId, schedule } from './spacedRepetition'
import { ARTICLE_PROJECTION, notYours, requirePerson } from './study.repository'
import { checkGiven, SESSION_KINDS, shanghaiMonth } from './studyRules'

/** Spaced-repetition cards (复习) and the person's yearly study record (学法档案). */

const CARD_FIELDS = `r.due AS due, r.stability AS stability, r.difficulty AS difficulty, r.elapsedDays AS elapsedDays,
  r.scheduledDays AS scheduledDays, coalesce(r.learningSteps, 0) AS learningSteps, r.reps AS reps, r.lapses AS lapses,
  r.state AS state, r.lastReview AS lastReview`

const STORED_CARD = 'r {.due, .stability, .difficulty, .elapsedDays, .scheduledDays, .learningSteps, .reps, .lapses, .state, .lastReview}'

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
         COLLECT { MATCH (q)-[ts:TESTS]->(a:Article) RETURN ${ARTICLE_PROJECTION} AS article ORDER BY ts.order, a.lawId, a.ordinal } AS articles`,
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

/**
 * The person's record for a year (Asia/Shanghai calendar) in one round trip: sessions attended by kind
 * and month, reading time, submitted attempts with average score and pass rate, and mastery per topic
 * from the review cards (see spacedRepetition.ts for the definition), weakest first.
 */
export async function studyProgress(db: Database, personId: string, year: number, now: Date): Promise<StudyProgress> {
  const [row] = await db.read<{
    required: number | null
    sessions: { kind: string, startsAt: string, readingSeconds: number }[]
    attempts: { score: number, maxScore: number, passScore: number, submittedAt: string }[]
    cards: { topicId: string, topicName: string, card: StoredCard }[]
    articleCards: { articleId: string, lawId: string, lawTitle: string | null, number: string, card: StoredCard }[]
  }>(
    `OPTIONAL MATCH (p:Person {id: $personId})
     RETURN [(p)-[:MEMBER_OF]->(o:Organization) | o.requiredPreMeetingSessions][0] AS required,
       COLLECT {
         MATCH (p)-[at:ATTENDED]->(s:StudySession)
         WHERE s.startsAt >= datetime($from) AND s.startsAt < datetime($to)
         RETURN {kind: s.kind, startsAt: s.startsAt, readingSeconds: coalesce(at.readingSeconds, 0)} AS x
       } AS sessions,
       COLLECT {
         MATCH (p)-[:MADE]->(t:Attempt {status: 'SUBMITTED'})-[:OF]->(z:Quiz)
         WHERE t.submittedAt >= datetime($from) AND t.submittedAt < datetime($to)
         RETURN {score: t.score, maxScore: t.maxScore, passScore: z.passScore, submittedAt: t.submittedAt} AS x
       } AS attempts,
       COLLECT {
         MATCH (p)-[r:REVIEWS]->(q:Question)-[:ABOUT]->(tp:Topic)
         RETURN {topicId: tp.id, topicName: coalesce(tp.name, tp.id), card: ${STORED_CARD}} AS x
       } AS cards,
       COLLECT {
         MATCH (p)-[r:REVIEWS]->(q:Question)-[:TESTS]->(a:Article)
         RETURN {articleId: a.id, lawId: a.lawId, number: a.number, card: ${STORED_CARD},
           lawTitle: COLLECT { MATCH (law:Law {id: a.lawId}) RETURN law.title }[0]} AS x
       } AS articleCards`,
    { personId, from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` },
  )
  const sessions = row?.sessions ?? []
  const attempts = row?.attempts ?? []
  const byTopic = new Map<string, { name: string, cards: StoredCard[] }>()
  for (const { topicId, topicName, card } of row?.cards ?? []) {
    const entry = byTopic.get(topicId) ?? { name: topicName, cards: [] }
    entry.cards.push(card)
    byTopic.set(topicId, entry)
  }
  const byArticle = new Map<string, { lawId: string, lawTitle: string | null, number: string, cards: StoredCard[] }>()
  for (const { articleId, lawId, lawTitle, number, card } of row?.articleCards ?? []) {
    const entry = byArticle.get(articleId) ?? { lawId, lawTitle, number, cards: [] }
    entry.cards.push(card)
    byArticle.set(articleId, entry)
  }
  const percents = attempts.map(a => (a.maxScore > 0 ? (a.score / a.maxScore) * 100 : 0))
  const monthOf = (iso: string) => Number(shanghaiMonth(Date.parse(iso)).slice(5, 7))
  return {
    year,
    sessionsAttended: sessions.length,
    preMeetingAttended: sessions.filter(s => s.kind === 'PRE_MEETING').length,
    requiredSessions: row?.required ?? 2,
    byKind: SESSION_KINDS.map(kind => ({ kind: kind as StudyProgress['byKind'][number]['kind'], count: sessions.filter(s => s.kind === kind).length })),
    quizAttempts: attempts.length,
    averageScore: percents.length > 0 ? Math.round((percents.reduce((n, p) => n + p, 0) / percents.length) * 10) / 10 : null,
    passRate: attempts.length > 0 ? Math.round((attempts.filter(a => passes(a.score, a.maxScore, a.passScore)).length / attempts.length) * 1000) / 1000 : null,
    readingMinutes: Math.round(sessions.reduce((n, s) => n + s.readingSeconds, 0) / 60),
    masteryByTopic: [...byTopic.entries()]
      .map(([id, { name, cards }]) => ({ topic: { id, name }, mastery: mastery(cards, now), cards: cards.length }))
      .sort((a, b) => (a.mastery ?? 0) - (b.mastery ?? 0) || a.topic.id.localeCompare(b.topic.id)),
    masteryByArticle: [...byArticle.entries()]
      .map(([id, { lawId, lawTitle, number, cards }]) => ({ articleId: id, lawId, lawTitle, number, mastery: mastery(cards, now), cards: cards.length }))
      .sort((a, b) => (a.mastery ?? 0) - (b.mastery ?? 0) || a.articleId.localeCompare(b.articleId))
      .slice(0, 20),
    monthly: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      sessions: sessions.filter(s => monthOf(s.startsAt) === i + 1).length,
      attempts: attempts.filter(a => monthOf(a.submittedAt) === i + 1).length,
    })),
  }
}
