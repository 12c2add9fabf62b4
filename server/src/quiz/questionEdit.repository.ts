/**
 * Writing a question by hand: create, edit (a new version once published), publish, retire and clear
 * the review flag, each after every rule in questionRules.ts passed.
 */
import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Run } from './question.repository'
import type { Question } from './question.type'
import type { QuestionDraft, TestedArticleCheck } from './questionRules'
import type { QuestionValues } from './questionShape'
import { recordAudit } from '../audit/audit'
import { AppError, badInput, ErrorCode, notFound } from '../common/errors'
import { ARTICLE_STATE, existingTopics, insertQuestions, newQuestionId, readQuestion, runIn } from './question.repository'
import { normalizeDraft, validateQuestion, violationsMessage } from './questionRules'

/** Looks up articles by id: found, and their state. */
async function checkArticleIds(run: Run, ids: string[]): Promise<Map<string, TestedArticleCheck>> {
  const rows = await run<{ id: string, found: boolean, state: TestedArticleCheck['state'] | null, ref: string | null }>(
    `UNWIND $ids AS id OPTIONAL MATCH (a:Article {id: id})
     RETURN id, a IS NOT NULL AS found, ${ARTICLE_STATE} AS state, a.lawId + ':' + a.number AS ref`,
    { ids: [...new Set(ids)] },
  )
  return new Map(rows.map(r => [r.id, { ref: r.ref ?? r.id, found: r.found, state: r.state ?? undefined }]))
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
    type: q.type,
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
      type: current.type,
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
