import type { Database } from '../db/database'
import type { AttemptRow, AttemptSummaryRow } from './presentation'
import { PERSON_PROJECTION } from '../auth/user.repository'
import { isoText } from '../db/database'
import { articleProjection, quizSummaryProjection } from '../quiz/quizView.repository'

/** How an attempt is read: the summary of lists, and the whole attempt before presentation decides what a viewer sees. */

/** Map projection of an attempt bound to `t` of a quiz bound to `z`, for lists. */
export function attemptSummaryProjection(t: string, z: string): string {
  return `${t} {
  .id, .status, startedAt: ${isoText(`${t}.startedAt`)}, deadline: ${isoText(`${t}.deadline`)}, submittedAt: ${isoText(`${t}.submittedAt`)}, .score, .maxScore, autoSubmitted: coalesce(${t}.autoSubmitted, false),
  quizId: ${z}.id, quizTitle: ${z}.title, passScore: ${z}.passScore
}`
}

/** An attempt as the API presents it, before deciding what the viewer may see. */
export interface AttemptView {
  summary: AttemptSummaryRow
  ownerId: string | null
  ownerOrganizationIds: string[]
  person: AttemptRow['person']
  quiz: AttemptRow['quiz']
  items: AttemptRow['items']
}

/** Which costly parts of an attempt a request asks for (the rest is always there). */
export interface ViewDetail {
  /** The questions, answers and article texts. */
  items: boolean
  /** Whose attempt it is, with their organisation. */
  person: boolean
}

export const FULL_DETAIL: ViewDetail = { items: true, person: true }

/** The summary only (the score and the times), as the timer and a score-only response need. */
export const NO_DETAIL: ViewDetail = { items: false, person: false }

/**
 * Map projection of an attempt `t` of quiz `z` by person `p` (may be null): everything presentation
 * needs, answers included — without the parts `detail` leaves out (a submission whose response shows only
 * the score does not read every article text). The parts are left out of the query text, not skipped
 * with CASE: Neo4j evaluates a subquery inside CASE whatever the condition.
 */
export function attemptView(detail: ViewDetail): string {
  return `{
  summary: ${attemptSummaryProjection('t', 'z')},
  ownerId: p.id,
  ownerOrganizationIds: [(p)-[:MEMBER_OF]->(o:Organization) | o.id],
  person: ${detail.person ? PERSON_PROJECTION : 'null'},
  quiz: ${quizSummaryProjection('z')},
  items: ${detail.items
    ? `COLLECT {
    MATCH (t)-[i:ITEM]->(q:Question)
    OPTIONAL MATCH (t)-[an:ANSWERED]->(q)
    RETURN {
      order: i.order, points: i.points, optionOrder: i.optionOrder,
      earned: CASE WHEN t.status <> 'IN_PROGRESS' THEN coalesce(an.earned, 0.0) END,
      correct: CASE WHEN t.status <> 'IN_PROGRESS' THEN coalesce(an.correct, false) END,
      questionId: q.id, type: q.type, stem: q.stem, options: coalesce(q.options, []), answer: coalesce(q.answer, []),
      explanation: coalesce(q.explanation, ''), given: an.given, savedAt: ${isoText('an.savedAt')},
      articles: COLLECT { MATCH (q)-[ts:TESTS]->(a:Article) RETURN ${articleProjection('a')} AS article ORDER BY ts.order, a.lawId, a.ordinal }
    } AS item ORDER BY i.order
  }`
    : '[]'}
}`
}

/** The whole attempt (answers included), or null when there is no such attempt. */
export async function readView(db: Database, attemptId: string): Promise<AttemptView | null> {
  const [row] = await db.read<{ view: AttemptView }>(
    `MATCH (t:Attempt {id: $attemptId})-[:OF]->(z:Quiz)
     OPTIONAL MATCH (p:Person)-[:MADE]->(t)
     RETURN ${attemptView(FULL_DETAIL)} AS view`,
    { attemptId },
  )
  return row?.view ?? null
}
