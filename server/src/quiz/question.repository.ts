/**
 * The question bank's shared ground: the projection and filter every read uses, the one writer of
 * Question nodes, and the law-change flag the law import raises. Editing lives in
 * questionEdit.repository.ts, files (import, export, samples) in questionFile.repository.ts.
 */
import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Question } from './question.type'
import type { QuestionValues } from './questionShape'
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit'
import { int } from '../db/database'
import { questionTextQuery } from './questionSearch'

/** Reason recorded on a question whose tested article changed or whose law was repealed. */
export const LAW_CHANGE_REASON = '条文已修改/已废止'

/** Runs one statement: `db.read`/`db.write` or `tx.run`, so helpers work inside and outside a transaction. */
export type Run = <T = Record<string, unknown>>(cypher: string, params?: Record<string, unknown>) => Promise<T[]>

export const runIn = (tx: Tx): Run => (cypher, params) => tx.run(cypher, params)

/** Whether an article `a` (bound) is CURRENT, OUTDATED (only in an older version) or REPEALED (its law is). */
export const ARTICLE_STATE = `CASE
  WHEN a IS NULL THEN null
  WHEN EXISTS { MATCH (law:Law {id: a.lawId}) WHERE law.status = 'REPEALED' } THEN 'REPEALED'
  WHEN EXISTS { (:LawVersion {current: true})-[:CONTAINS]->(a) } THEN 'CURRENT'
  ELSE 'OUTDATED' END`

/** Map projection of a question; `q` must be bound. One query returns it with its articles and topics. */
export const QUESTION_PROJECTION = `q {
  .id, .type, .stem, .difficulty, .status, .version, .reviewReason, .createdAt, .updatedAt,
  options: coalesce(q.options, []), answer: coalesce(q.answer, []), explanation: coalesce(q.explanation, ''),
  originId: coalesce(q.originId, q.id), needsReview: coalesce(q.needsReview, false), sample: coalesce(q.sample, false),
  previousVersionId: [(q)-[:NEW_VERSION_OF]->(prev:Question) | prev.id][0],
  nextVersionId: [(next:Question)-[:NEW_VERSION_OF]->(q) | next.id][0],
  articles: COLLECT {
    MATCH (q)-[t:TESTS]->(a:Article)
    RETURN a {.id, .lawId, .number, .caption, .text, .summary, ref: a.lawId + ':' + a.number,
      lawTitle: COLLECT { MATCH (law:Law {id: a.lawId}) RETURN law.title }[0],
      current: ${ARTICLE_STATE} = 'CURRENT'} AS article
    ORDER BY t.order, a.lawId, a.ordinal
  },
  topics: COLLECT { MATCH (q)-[ab:ABOUT]->(tp:Topic) RETURN tp {.id, name: coalesce(tp.name, tp.id)} AS topic ORDER BY ab.order, tp.id }
}`

/** Filter of the bank (see QuestionFilter). */
export interface QuestionFilterValues {
  text?: string | null
  articleId?: string | null
  topicId?: string | null
  lawId?: string | null
  type?: string | null
  status?: string | null
  needsReview?: boolean | null
  sample?: boolean | null
}

const FILTER_WHERE = `($type IS NULL OR q.type = $type)
  AND (CASE WHEN $status IS NULL THEN q.status <> 'SUPERSEDED' ELSE q.status = $status END)
  AND ($needsReview IS NULL OR coalesce(q.needsReview, false) = $needsReview)
  AND ($sample IS NULL OR coalesce(q.sample, false) = $sample)
  AND ($contains IS NULL OR q.stem CONTAINS $contains OR q.explanation CONTAINS $contains)
  AND ($articleId IS NULL OR EXISTS { (q)-[:TESTS]->(:Article {id: $articleId}) })
  AND ($lawId IS NULL OR EXISTS { (q)-[:TESTS]->(:Article {lawId: $lawId}) })
  AND ($topicId IS NULL OR EXISTS { (q)-[:ABOUT]->(:Topic {id: $topicId}) })`

/** The Cypher parameters of a filter (FILTER_WHERE's and, for words, the full-text query). */
export function filterParams(filter: QuestionFilterValues): Record<string, unknown> & { lucene: string | null } {
  const { lucene, contains } = filter.text ? questionTextQuery(filter.text) : { lucene: null, contains: null }
  return {
    lucene,
    contains,
    type: filter.type ?? null,
    status: filter.status ?? null,
    needsReview: filter.needsReview ?? null,
    sample: filter.sample ?? null,
    articleId: filter.articleId ?? null,
    lawId: filter.lawId ?? null,
    topicId: filter.topicId ?? null,
  }
}

/** The matching questions, best text match first (or newest first), as `q` ordered rows. */
export function matchQuestions(lucene: string | null): string {
  return lucene
    ? `CALL db.index.fulltext.queryNodes('question_stem_fulltext', $lucene) YIELD node AS q, score
       WITH q, score WHERE q:Question AND ${FILTER_WHERE}
       WITH q ORDER BY score DESC, q.id`
    : `MATCH (q:Question) WHERE ${FILTER_WHERE}
       WITH q ORDER BY q.createdAt DESC, q.id`
}

/** One page of the bank and the total, in one round trip. */
export async function listQuestions(db: Database, filter: QuestionFilterValues, skip: number, first: number): Promise<{ total: number, items: Question[] }> {
  const params = filterParams(filter)
  const [row] = await db.read<{ total: number, items: Question[] }>(
    `${matchQuestions(params.lucene)}
     WITH collect(q) AS matched
     WITH size(matched) AS total, matched[$skip..($skip + $first)] AS page
     CALL (page) { UNWIND page AS q RETURN collect(${QUESTION_PROJECTION}) AS items }
     RETURN total, items`,
    { ...params, skip: int(skip), first: int(first) },
  )
  return row ?? { total: 0, items: [] }
}

/** One question by id, or null. */
export async function findQuestion(db: Database, id: string): Promise<Question | null> {
  const [row] = await db.read<{ question: Question }>(`MATCH (q:Question {id: $id}) RETURN ${QUESTION_PROJECTION} AS question`, { id })
  return row?.question ?? null
}

/** Questions by id, in the order asked (missing ids are left out). */
export async function findQuestions(db: Database, ids: string[]): Promise<Question[]> {
  const rows = await db.read<{ question: Question }>(
    `UNWIND range(0, size($ids) - 1) AS i MATCH (q:Question {id: $ids[i]}) RETURN ${QUESTION_PROJECTION} AS question ORDER BY i`,
    { ids },
  )
  return rows.map(r => r.question)
}

/** The ids among `ids` that name a topic. */
export async function existingTopics(run: Run, ids: string[]): Promise<Set<string>> {
  const rows = await run<{ id: string }>('UNWIND $ids AS id MATCH (t:Topic {id: id}) RETURN t.id AS id', { ids: [...new Set(ids)] })
  return new Set(rows.map(r => r.id))
}

/** A question ready to be written: its values, identity, version and status. */
export interface NewQuestion extends QuestionValues {
  id: string
  originId: string
  version: number
  /** DRAFT or PUBLISHED; RETIRED only for data loaded from elsewhere. */
  status: 'DRAFT' | 'PUBLISHED' | 'RETIRED'
  sample: boolean
  /** When it was written (ISO 8601); now when left out. Data loaded from elsewhere keeps its own time. */
  createdAt?: string
  /** When it was published (ISO 8601), for a PUBLISHED question loaded from elsewhere. */
  publishedAt?: string
  /** Benchmark data, so it can be told apart from real data. */
  synthetic?: boolean
}

const CREATE_QUESTIONS = `UNWIND $questions AS x
  CREATE (q:Question {id: x.id, originId: x.originId, version: x.version, type: x.type, stem: x.stem, options: x.options,
    answer: x.answer, explanation: x.explanation, difficulty: x.difficulty, status: x.status, needsReview: false,
    sample: x.sample, synthetic: x.synthetic, createdBy: $actorId, createdAt: coalesce(datetime(x.createdAt), datetime()),
    updatedAt: coalesce(datetime(x.createdAt), datetime()), publishedAt: datetime(x.publishedAt)})
  WITH q, x
  CALL (q, x) {
    UNWIND range(0, size(x.articleIds) - 1) AS i
    MATCH (a:Article {id: x.articleIds[i]}) CREATE (q)-[:TESTS {order: i}]->(a)
  }
  CALL (q, x) {
    UNWIND range(0, size(x.topicIds) - 1) AS i
    MATCH (t:Topic {id: x.topicIds[i]}) CREATE (q)-[:ABOUT {order: i}]->(t)
  }
  RETURN count(q) AS n`

/**
 * Writes new questions with their TESTS and ABOUT links in one statement: the one writer of Question
 * (hand-written, imported, sample and benchmark questions all come through here).
 */
export async function insertQuestions(tx: Tx, actor: SessionUser | null, questions: NewQuestion[]): Promise<void> {
  if (questions.length > 0)
    await tx.run(CREATE_QUESTIONS, { questions, actorId: actor?.id ?? null })
}

/** A question inside a transaction (it must exist). */
export async function readQuestion(tx: Tx, id: string): Promise<Question> {
  const [row] = await tx.run<{ question: Question }>(`MATCH (q:Question {id: $id}) RETURN ${QUESTION_PROJECTION} AS question`, { id })
  return row!.question
}

/** A fresh question id. */
export function newQuestionId(): string {
  return `q-${randomUUID()}`
}

/**
 * Flags DRAFT and PUBLISHED questions whose tested article is no longer in the current version of its law
 * (a changed article was replaced by a new node) or whose law is REPEALED: needsReview = true, reviewReason
 * '条文已修改/已废止'. A change a trainer already reviewed (markQuestionReviewed) is not flagged again.
 *
 * The law import calls this after it imported a new version (or changed a law's status):
 *   import { flagQuestionsForLawChange } from '../quiz/question.repository'
 *   await flagQuestionsForLawChange(db)               // or { lawIds: ['legislation-law'] } to check only those
 * seeds/seed.ts also calls it after the law step. Idempotent; returns the ids it flagged.
 */
export async function flagQuestionsForLawChange(db: Database, options: { lawIds?: string[] } = {}): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await tx.run<{ id: string }>(
      `MATCH (q:Question)-[:TESTS]->(a:Article)
       WHERE q.status IN ['DRAFT', 'PUBLISHED'] AND ($lawIds IS NULL OR a.lawId IN $lawIds) AND ${ARTICLE_STATE} <> 'CURRENT'
         AND NOT a.id IN coalesce(q.reviewedStaleArticleIds, [])
       WITH q, collect(a.id) AS stale
       WHERE NOT coalesce(q.needsReview, false)
       SET q.needsReview = true, q.reviewReason = $reason, q.flaggedAt = datetime(), q.staleArticleIds = stale
       RETURN q.id AS id`,
      { lawIds: options.lawIds ?? null, reason: LAW_CHANGE_REASON },
    )
    const ids = rows.map(r => r.id)
    if (ids.length > 0)
      await recordAudit(tx, { actor: null, operation: 'flagQuestionsForLawChange', targetIds: ids })
    return ids
  })
}
