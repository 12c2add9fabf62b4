import type { Database } from '../db/database'
import type { StoredCard } from '../review/spacedRepetition'
import type { StudyProgress } from './progress.type'
import { shanghaiMonth, shanghaiYearBounds } from '../common/time'
import { passes } from '../quiz/scoring'
import { storedCardProjection } from '../review/review.repository'
import { mastery } from '../review/spacedRepetition'
import { SESSION_KINDS } from './studyRules'

/** The person's yearly study record (学法档案). */

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
         RETURN {topicId: tp.id, topicName: coalesce(tp.name, tp.id), card: ${storedCardProjection('r')}} AS x
       } AS cards,
       COLLECT {
         MATCH (p)-[r:REVIEWS]->(q:Question)-[:TESTS]->(a:Article)
         RETURN {articleId: a.id, lawId: a.lawId, number: a.number, card: ${storedCardProjection('r')},
           lawTitle: COLLECT { MATCH (law:Law {id: a.lawId}) RETURN law.title }[0]} AS x
       } AS articleCards`,
    { personId, ...shanghaiYearBounds(year) },
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
