import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { ImportReport, Question } from './question.type'
import type { ArticleRef, ParsedRow, QuestionRecord } from './questionFile'
import type { QuestionDraft, QuestionKind, RuleViolation, TestedArticleCheck } from './questionRules'
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit'
import { AppError, badInput, ErrorCode, notFound } from '../common/errors'
import { int } from '../db/database'
import { formatArticleRef } from './questionFile'
import { normalizeDraft, validateQuestion, violationsMessage } from './questionRules'
import { questionTextQuery } from './questionSearch'

/** Reason recorded on a question whose tested article changed or whose law was repealed. */
export const LAW_CHANGE_REASON = '条文已修改/已废止'

/** Runs one statement: `db.read`/`db.write` or `tx.run`, so helpers work inside and outside a transaction. */
type Run = <T = Record<string, unknown>>(cypher: string, params?: Record<string, unknown>) => Promise<T[]>

const runIn = (tx: Tx): Run => (cypher, params) => tx.run(cypher, params)

/** Whether an article `a` (bound) is CURRENT, OUTDATED (only in an older version) or REPEALED (its law is). */
const ARTICLE_STATE = `CASE
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

function filterParams(filter: QuestionFilterValues): Record<string, unknown> & { lucene: string | null } {
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
function matchQuestions(lucene: string | null): string {
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

/** What the user wrote for a question, with articles and topics by id. */
export interface QuestionValues {
  type: QuestionKind
  stem: string
  options: string[]
  answer: string[]
  explanation: string
  difficulty: number
  articleIds: string[]
  topicIds: string[]
}

/** Looks up articles by id: found, and their state. */
async function checkArticleIds(run: Run, ids: string[]): Promise<Map<string, TestedArticleCheck>> {
  const rows = await run<{ id: string, found: boolean, state: TestedArticleCheck['state'] | null, ref: string | null }>(
    `UNWIND $ids AS id OPTIONAL MATCH (a:Article {id: id})
     RETURN id, a IS NOT NULL AS found, ${ARTICLE_STATE} AS state, a.lawId + ':' + a.number AS ref`,
    { ids: [...new Set(ids)] },
  )
  return new Map(rows.map(r => [r.id, { ref: r.ref ?? r.id, found: r.found, state: r.state ?? undefined }]))
}

/** Resolves 'lawId:第N条' references to the article in the current version (else in any version, to say it is outdated). */
export async function resolveArticleRefs(run: Run, refs: ArticleRef[]): Promise<Map<string, { id: string | null, state: TestedArticleCheck['state'] | null, lawLoaded: boolean }>> {
  const keys = [...new Set(refs.map(formatArticleRef))]
  const list = keys.map((key) => {
    const at = key.indexOf(':')
    return { key, lawId: key.slice(0, at), article: key.slice(at + 1) }
  })
  const rows = await run<{ key: string, id: string | null, state: TestedArticleCheck['state'] | null, lawLoaded: boolean }>(
    `UNWIND $refs AS ref
     CALL (ref) {
       OPTIONAL MATCH (:Law {id: ref.lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article)
       WHERE a.number = ref.article OR a.slug = ref.article
       WITH a, v ORDER BY CASE WHEN v.current THEN 0 ELSE 1 END, v.versionDate DESC
       RETURN a LIMIT 1
     }
     RETURN ref.key AS key, a.id AS id, ${ARTICLE_STATE} AS state,
       EXISTS { (:Law {id: ref.lawId})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(:Article) } AS lawLoaded`,
    { refs: list },
  )
  return new Map(rows.map(r => [r.key, { id: r.id, state: r.state, lawLoaded: r.lawLoaded }]))
}

async function existingTopics(run: Run, ids: string[]): Promise<Set<string>> {
  const rows = await run<{ id: string }>('UNWIND $ids AS id MATCH (t:Topic {id: id}) RETURN t.id AS id', { ids: [...new Set(ids)] })
  return new Set(rows.map(r => r.id))
}

function trimValues(values: QuestionValues): QuestionValues {
  const trimmed = normalizeDraft(values)
  return { ...trimmed, articleIds: [...values.articleIds], topicIds: [...new Set(values.topicIds)] }
}

/** Checks a question against every rule, looking its articles and topics up; throws BAD_USER_INPUT listing all. */
async function validateValues(run: Run, values: QuestionValues): Promise<void> {
  const [articles, topics] = [await checkArticleIds(run, values.articleIds), await existingTopics(run, values.topicIds)]
  const draft: QuestionDraft = {
    ...values,
    articles: values.articleIds.map(id => articles.get(id) ?? { ref: id, found: false }),
    topics: values.topicIds.map(id => ({ ref: id, found: topics.has(id) })),
  }
  const violations = validateQuestion(draft)
  if (violations.length > 0)
    throw badInput(violationsMessage(violations), { violations })
}

interface NewQuestion extends QuestionValues {
  id: string
  originId: string
  version: number
  status: 'DRAFT' | 'PUBLISHED'
  sample: boolean
}

const CREATE_QUESTIONS = `UNWIND $questions AS x
  CREATE (q:Question {id: x.id, originId: x.originId, version: x.version, type: x.type, stem: x.stem, options: x.options,
    answer: x.answer, explanation: x.explanation, difficulty: x.difficulty, status: x.status, needsReview: false,
    sample: x.sample, createdBy: $actorId, createdAt: datetime(), updatedAt: datetime()})
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

async function insertQuestions(tx: Tx, actor: SessionUser | null, questions: NewQuestion[]): Promise<void> {
  if (questions.length > 0)
    await tx.run(CREATE_QUESTIONS, { questions, actorId: actor?.id ?? null })
}

async function readQuestion(tx: Tx, id: string): Promise<Question> {
  const [row] = await tx.run<{ question: Question }>(`MATCH (q:Question {id: $id}) RETURN ${QUESTION_PROJECTION} AS question`, { id })
  return row!.question
}

export function newQuestionId(): string {
  return `q-${randomUUID()}`
}

/** A new DRAFT question (or PUBLISHED when asked), after every rule passed. */
export async function createQuestion(db: Database, actor: SessionUser | null, input: QuestionValues, options: { publish?: boolean } = {}): Promise<Question> {
  const values = trimValues(input)
  const id = newQuestionId()
  return db.transaction(async (tx) => {
    await validateValues(runIn(tx), values)
    await insertQuestions(tx, actor, [{ ...values, id, originId: id, version: 1, status: options.publish ? 'PUBLISHED' : 'DRAFT', sample: false }])
    await recordAudit(tx, { actor, operation: 'createQuestion', targetIds: [id] })
    return readQuestion(tx, id)
  })
}

/** Locks the question for this transaction and returns its status (null when missing). */
async function lockQuestion(tx: Tx, id: string): Promise<{ status: string, newer: string | null } | null> {
  const [row] = await tx.run<{ status: string, newer: string | null }>(
    `MATCH (q:Question {id: $id}) SET q._lock = true REMOVE q._lock
     RETURN q.status AS status, [(n:Question)-[:NEW_VERSION_OF]->(q) | n.id][0] AS newer`,
    { id },
  )
  return row ?? null
}

function refuseFinal(id: string, state: { status: string, newer: string | null }): never {
  if (state.status === 'SUPERSEDED')
    throw new AppError(ErrorCode.CONFLICT, `试题 ${id} 已有新版本 ${state.newer ?? ''} (superseded): edit the latest version instead.`, { latestId: state.newer })
  throw new AppError(ErrorCode.CONFLICT, `试题 ${id} 已停用，不能修改 (retired questions cannot be edited): write a new question instead.`)
}

/** Whether saving `values` would change nothing (then no new version is made). */
function sameContent(q: Question, values: QuestionValues): boolean {
  const key = (v: QuestionValues) => JSON.stringify([v.type, v.stem, v.options, v.answer, v.explanation, v.difficulty, v.articleIds, [...v.topicIds].sort()])
  return key(values) === key({
    type: q.type as QuestionKind,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation,
    difficulty: q.difficulty,
    articleIds: q.articles.map(a => a.id),
    topicIds: q.topics.map(t => t.id),
  })
}

/**
 * Edits a question. A DRAFT changes in place. A PUBLISHED question gets a NEW version (new id, version + 1,
 * `(new)-[:NEW_VERSION_OF]->(old)`, published at once); the old node becomes SUPERSEDED and stays for the
 * attempts that answered it; quizzes that included the old version now include the new one. RETIRED and
 * SUPERSEDED questions cannot be edited. Saving unchanged content changes nothing.
 */
export async function updateQuestion(db: Database, actor: SessionUser, id: string, input: QuestionValues): Promise<Question> {
  const values = trimValues(input)
  const newId = newQuestionId()
  return db.transaction(async (tx) => {
    const state = await lockQuestion(tx, id)
    if (!state)
      throw notFound('试题 (question)', id)
    if (state.status !== 'DRAFT' && state.status !== 'PUBLISHED')
      refuseFinal(id, state)
    await validateValues(runIn(tx), values)
    const current = await readQuestion(tx, id)
    if (sameContent(current, values))
      return current
    if (state.status === 'DRAFT') {
      await tx.run(
        `MATCH (q:Question {id: $id})
         SET q.type = $v.type, q.stem = $v.stem, q.options = $v.options, q.answer = $v.answer, q.explanation = $v.explanation,
             q.difficulty = $v.difficulty, q.needsReview = false, q.reviewReason = null, q.updatedAt = datetime()
         WITH q
         CALL (q) { MATCH (q)-[r:TESTS|ABOUT]->() DELETE r }
         WITH q
         CALL (q) { UNWIND range(0, size($v.articleIds) - 1) AS i MATCH (a:Article {id: $v.articleIds[i]}) CREATE (q)-[:TESTS {order: i}]->(a) }
         CALL (q) { UNWIND range(0, size($v.topicIds) - 1) AS i MATCH (t:Topic {id: $v.topicIds[i]}) CREATE (q)-[:ABOUT {order: i}]->(t) }
         RETURN q.id AS id`,
        { id, v: values },
      )
      await recordAudit(tx, { actor, operation: 'updateQuestion', targetIds: [id] })
      return readQuestion(tx, id)
    }
    const [old] = await tx.run<{ originId: string, version: number, sample: boolean }>(
      'MATCH (q:Question {id: $id}) RETURN coalesce(q.originId, q.id) AS originId, coalesce(q.version, 1) AS version, coalesce(q.sample, false) AS sample',
      { id },
    )
    await insertQuestions(tx, actor, [{ ...values, id: newId, originId: old!.originId, version: old!.version + 1, status: 'PUBLISHED', sample: old!.sample }])
    await tx.run(
      `MATCH (q:Question {id: $newId}), (old:Question {id: $id})
       CREATE (q)-[:NEW_VERSION_OF]->(old)
       SET old.status = 'SUPERSEDED', old.supersededAt = datetime(), old.updatedAt = datetime()
       WITH q, old
       CALL (q, old) {
         MATCH (quiz:Quiz)-[r:INCLUDES]->(old)
         CREATE (quiz)-[:INCLUDES {order: r.order, points: r.points}]->(q)
         DELETE r
       }
       RETURN q.id AS id`,
      { id, newId },
    )
    await recordAudit(tx, { actor, operation: 'updateQuestion', targetIds: [newId, id] })
    return readQuestion(tx, newId)
  })
}

/** DRAFT → PUBLISHED, after checking every rule again (an article may have changed since it was written). */
export async function publishQuestion(db: Database, actor: SessionUser, id: string): Promise<Question> {
  return db.transaction(async (tx) => {
    const state = await lockQuestion(tx, id)
    if (!state)
      throw notFound('试题 (question)', id)
    if (state.status === 'PUBLISHED')
      return readQuestion(tx, id)
    if (state.status !== 'DRAFT')
      refuseFinal(id, state)
    const current = await readQuestion(tx, id)
    await validateValues(runIn(tx), {
      type: current.type as QuestionKind,
      stem: current.stem,
      options: current.options,
      answer: current.answer,
      explanation: current.explanation,
      difficulty: current.difficulty,
      articleIds: current.articles.map(a => a.id),
      topicIds: current.topics.map(t => t.id),
    })
    await tx.run(`MATCH (q:Question {id: $id}) SET q.status = 'PUBLISHED', q.publishedAt = datetime(), q.updatedAt = datetime()`, { id })
    await recordAudit(tx, { actor, operation: 'publishQuestion', targetIds: [id] })
    return readQuestion(tx, id)
  })
}

/**
 * Retires a DRAFT or PUBLISHED question: it is no longer drawn, listed by default filters of status, or
 * editable. Refused while a published quiz lists it (remove it from the quiz first).
 */
export async function retireQuestion(db: Database, actor: SessionUser, id: string): Promise<Question> {
  return db.transaction(async (tx) => {
    const state = await lockQuestion(tx, id)
    if (!state)
      throw notFound('试题 (question)', id)
    if (state.status === 'RETIRED')
      return readQuestion(tx, id)
    if (state.status === 'SUPERSEDED')
      refuseFinal(id, state)
    const quizzes = await tx.run<{ title: string }>(
      `MATCH (z:Quiz {status: 'PUBLISHED'})-[:INCLUDES]->(:Question {id: $id}) RETURN z.title AS title ORDER BY title LIMIT 5`,
      { id },
    )
    if (quizzes.length > 0)
      throw new AppError(ErrorCode.CONFLICT, `试题 ${id} 在已发布的试卷《${quizzes.map(q => q.title).join('》《')}》中 (the question is in a published quiz): remove it from the quiz first.`, { quizzes: quizzes.map(q => q.title) })
    await tx.run(
      `MATCH (q:Question {id: $id}) SET q.status = 'RETIRED', q.retiredAt = datetime(), q.updatedAt = datetime(), q.needsReview = false, q.reviewReason = null`,
      { id },
    )
    await recordAudit(tx, { actor, operation: 'retireQuestion', targetIds: [id] })
    return readQuestion(tx, id)
  })
}

/**
 * Clears the review flag. The articles that caused it are remembered, so the next law import does not
 * flag the question again for the same change.
 */
export async function markQuestionReviewed(db: Database, actor: SessionUser, id: string): Promise<Question> {
  return db.transaction(async (tx) => {
    const state = await lockQuestion(tx, id)
    if (!state)
      throw notFound('试题 (question)', id)
    await tx.run(
      `MATCH (q:Question {id: $id})
       SET q.needsReview = false, q.reviewReason = null, q.reviewedAt = datetime(), q.reviewedBy = $actorId,
           q.reviewedStaleArticleIds = COLLECT { MATCH (q)-[:TESTS]->(a:Article) WHERE ${ARTICLE_STATE} <> 'CURRENT' RETURN a.id }`,
      { id, actorId: actor.id },
    )
    await recordAudit(tx, { actor, operation: 'markQuestionReviewed', targetIds: [id] })
    return readQuestion(tx, id)
  })
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

/** Questions matching a filter as file records (at most `limit`), oldest first. */
export async function exportQuestionRecords(db: Database, filter: QuestionFilterValues, limit = 20_000): Promise<QuestionRecord[]> {
  const params = filterParams(filter)
  const rows = await db.read<{ record: QuestionRecord & { tests: ArticleRef[] } }>(
    `${matchQuestions(params.lucene)}
     WITH q LIMIT $limit
     RETURN q {.id, .type, .stem, .difficulty, options: coalesce(q.options, []), answer: coalesce(q.answer, []),
       explanation: coalesce(q.explanation, ''),
       topics: COLLECT { MATCH (q)-[ab:ABOUT]->(t:Topic) RETURN t.id ORDER BY ab.order, t.id },
       tests: COLLECT { MATCH (q)-[r:TESTS]->(a:Article) RETURN {lawId: a.lawId, article: a.number} ORDER BY r.order }} AS record`,
    { ...params, limit: int(limit) },
  )
  return rows.map(r => r.record)
}

/** A file row checked against the rules, with its references resolved. */
interface CheckedRecord {
  values: QuestionValues | null
  errors: string[]
  /** Refs of laws whose articles are not loaded at all (the corpus was not imported). */
  unloadedLaws: string[]
}

/** Resolves and validates file records in two queries (articles, topics). */
async function checkRecords(run: Run, records: QuestionRecord[]): Promise<CheckedRecord[]> {
  const refs = await resolveArticleRefs(run, records.flatMap(r => r.tests))
  const topics = await existingTopics(run, records.flatMap(r => r.topics))
  return records.map((record) => {
    const articles: TestedArticleCheck[] = record.tests.map((ref) => {
      const key = formatArticleRef(ref)
      const found = refs.get(key)
      return { ref: key, found: !!found?.id, state: found?.state ?? undefined }
    })
    const draft = normalizeDraft({ ...record, articles, topics: record.topics.map(id => ({ ref: id, found: topics.has(id) })) })
    const violations: RuleViolation[] = validateQuestion(draft)
    const unloadedLaws = [...new Set(record.tests.filter(ref => !refs.get(formatArticleRef(ref))?.lawLoaded).map(ref => ref.lawId))]
    return {
      values: violations.length === 0
        ? {
            type: draft.type,
            stem: draft.stem,
            options: draft.options,
            answer: draft.answer,
            explanation: draft.explanation,
            difficulty: draft.difficulty,
            articleIds: record.tests.map(ref => refs.get(formatArticleRef(ref))!.id!),
            topicIds: [...new Set(record.topics)],
          }
        : null,
      errors: violations.map(v => `[${v.field}] ${v.message}`),
      unloadedLaws,
    }
  })
}

/**
 * Imports parsed file rows. Every row is checked; when any row is bad nothing is written unless
 * `importValidRows`, in which case the good rows are. New questions are DRAFT (PUBLISHED with `publish`).
 * One transaction.
 */
export async function importQuestionRows(db: Database, actor: SessionUser, rows: ParsedRow[], options: { importValidRows: boolean, publish: boolean }): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const run = runIn(tx)
    const readable = rows.filter(r => r.record)
    const checked = await checkRecords(run, readable.map(r => r.record!))
    const byRow = new Map(readable.map((r, i) => [r.row, checked[i]!]))
    const stems = readable.map(r => r.record!.stem.trim())
    const existing = new Map((await tx.run<{ stem: string, id: string }>(
      `UNWIND $stems AS stem MATCH (q:Question {stem: stem}) WHERE q.status <> 'SUPERSEDED' RETURN stem, min(q.id) AS id`,
      { stems: [...new Set(stems)] },
    )).map(r => [r.stem, r.id]))
    const firstRowOfStem = new Map<string, number>()
    const report = rows.map((row) => {
      const check = byRow.get(row.row)
      const errors = [...row.errors, ...(check?.errors ?? [])]
      const warnings: string[] = []
      const stem = row.record?.stem.trim() ?? null
      if (stem) {
        const same = existing.get(stem)
        if (same)
          warnings.push(`题库中已有相同题干的试题 ${same} (the bank already has a question with this stem)`)
        const earlier = firstRowOfStem.get(stem)
        if (earlier !== undefined)
          warnings.push(`与第 ${earlier} 行题干相同 (same stem as row ${earlier})`)
        else
          firstRowOfStem.set(stem, row.row)
      }
      const ok = errors.length === 0 && !!check?.values
      return { row: row.row, ok, errors, warnings, stem: stem ? stem.slice(0, 40) : null, questionId: null as string | null, values: ok ? check!.values : null }
    })
    const refused = report.filter(r => !r.ok).length
    const commit = refused === 0 || options.importValidRows
    const toCreate: NewQuestion[] = []
    if (commit) {
      for (const r of report) {
        if (!r.values)
          continue
        r.questionId = newQuestionId()
        toCreate.push({ ...r.values, id: r.questionId, originId: r.questionId, version: 1, status: options.publish ? 'PUBLISHED' : 'DRAFT', sample: false })
      }
      await insertQuestions(tx, actor, toCreate)
      if (toCreate.length > 0)
        await recordAudit(tx, { actor, operation: 'importQuestions', targetIds: toCreate.map(q => q.id) })
    }
    return {
      committed: commit && toCreate.length > 0,
      imported: toCreate.length,
      refused,
      rows: report.map(({ values: _values, ...r }) => r),
      questionIds: toCreate.map(q => q.id),
    }
  })
}

/**
 * Loads sample questions (seeds/questions.json) as PUBLISHED, sample, keeping their ids; skips ids already
 * there. A reference that does not resolve is an error naming the question; questions of laws whose texts
 * were not imported (no corpus, or only summaries) are skipped and returned.
 */
export async function seedQuestions(db: Database, records: (QuestionRecord & { id: string })[]): Promise<{ created: string[], skipped: string[] }> {
  return db.transaction(async (tx) => {
    const present = new Set((await tx.run<{ id: string }>('UNWIND $ids AS id MATCH (q:Question {id: id}) RETURN id', { ids: records.map(r => r.id) })).map(r => r.id))
    const todo = records.filter(r => !present.has(r.id))
    const checked = await checkRecords(runIn(tx), todo)
    // Laws held only as summaries (要点, no corpus imported) lack most articles: their questions wait for the texts.
    const corpusLaws = new Set((await tx.run<{ id: string }>(
      `MATCH (l:Law)-[:HAS_VERSION]->(:LawVersion {current: true, source: 'CORPUS'}) RETURN l.id AS id`,
    )).map(r => r.id))
    const problems: string[] = []
    const skipped: string[] = []
    const create: NewQuestion[] = []
    todo.forEach((record, i) => {
      const check = checked[i]!
      if (check.unloadedLaws.length > 0) {
        skipped.push(record.id)
        return
      }
      if (!check.values && record.tests.some(ref => !corpusLaws.has(ref.lawId))) {
        skipped.push(record.id)
        return
      }
      if (!check.values) {
        problems.push(`${record.id}: ${check.errors.join('; ')}`)
        return
      }
      create.push({ ...check.values, id: record.id, originId: record.id, version: 1, status: 'PUBLISHED', sample: true })
    })
    if (problems.length > 0)
      throw new Error(`示例题库有无法解析的条文 (sample questions that do not resolve):\n${problems.join('\n')}`)
    await insertQuestions(tx, null, create)
    if (create.length > 0)
      await recordAudit(tx, { actor: null, operation: 'seedQuestions', targetIds: create.map(q => q.id) })
    return { created: create.map(q => q.id), skipped }
  })
}
