import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { DrawCandidate, DrawPoolRow, DrawPools } from './draw'
import type { BlueprintCapacity, Quiz, QuizPreview } from './quiz.type'
import type { QuizDraft } from './quizRules'
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit'
import { AppError, badInput, ErrorCode, notFound } from '../common/errors'
import { int } from '../db/database'
import { blueprintShortages, drawAttempt, DrawShortError, originalToDisplayed, rowCapacity, shortageMessage, shuffleOptions } from './draw'
import { findQuestions, QUESTION_PROJECTION } from './question.repository'
import { violationsMessage } from './questionRules'
import { isChoiceKind } from './questionShape'
import { targetLabel, validateQuiz } from './quizRules'

/** A quiz as the API receives it (QuizInput). */
export interface QuizValues extends QuizDraft {
  mode: string
  scoring: string
  reveal: string
  shuffleOptions: boolean
  multiplePartialCredit: boolean
}

/**
 * The published questions a blueprint row may draw, as {id, difficulty, originId}. `t` is the Law or Topic;
 * `lo`/`hi` the band. A law row draws questions testing an article of any version of the law; questions
 * awaiting review are left out (their article changed).
 */
function poolOf(lo: string, hi: string): string {
  const where = `q.status = 'PUBLISHED' AND NOT coalesce(q.needsReview, false) AND q.difficulty >= ${lo} AND q.difficulty <= ${hi}`
  const item = '{id: q.id, difficulty: q.difficulty, originId: coalesce(q.originId, q.id)}'
  return `CASE
    WHEN t IS NULL THEN []
    WHEN t:Law THEN COLLECT { MATCH (t)-[:HAS_VERSION]->(:LawVersion)-[:CONTAINS]->(:Article)<-[:TESTS]-(q:Question) WHERE ${where} RETURN DISTINCT ${item} AS c }
    ELSE COLLECT { MATCH (t)<-[:ABOUT]-(q:Question) WHERE ${where} RETURN DISTINCT ${item} AS c } END`
}

const TARGET_KIND = `CASE WHEN t:Law THEN 'LAW' ELSE 'TOPIC' END`
const TARGET_NAME = `coalesce(t.title, t.name, t.id)`

/** Map projection of a quiz; `z` must be bound. */
const QUIZ_PROJECTION = `z {
  .id, .title, .mode, .kind, .status, .timeLimitSec, .passScore, .attemptsAllowed, .scoring, .opensAt, .closesAt, .reveal,
  .createdAt, .updatedAt,
  shuffleOptions: coalesce(z.shuffleOptions, false), multiplePartialCredit: coalesce(z.multiplePartialCredit, false),
  sample: coalesce(z.sample, false),
  items: COLLECT {
    MATCH (z)-[i:INCLUDES]->(q:Question)
    RETURN {order: i.order, points: i.points, question: ${QUESTION_PROJECTION}} AS item ORDER BY i.order
  },
  blueprint: COLLECT {
    MATCH (z)-[d:DRAWS]->(t)
    RETURN {order: d.order, kind: ${TARGET_KIND}, targetId: t.id, targetName: ${TARGET_NAME}, count: d.count,
      difficultyMin: d.difficultyMin, difficultyMax: d.difficultyMax, points: d.points,
      available: size(${poolOf('d.difficultyMin', 'd.difficultyMax')})} AS row ORDER BY d.order
  }
}`

type QuizRow = Omit<Quiz, 'questionCount' | 'maxScore'>

function withTotals(quiz: QuizRow): Quiz {
  const fixed = quiz.kind === 'FIXED'
  return {
    ...quiz,
    questionCount: fixed ? quiz.items.length : quiz.blueprint.reduce((n, r) => n + r.count, 0),
    maxScore: fixed ? quiz.items.reduce((n, i) => n + i.points, 0) : quiz.blueprint.reduce((n, r) => n + r.count * r.points, 0),
  }
}

export async function findQuiz(db: Database, id: string): Promise<Quiz | null> {
  const [row] = await db.read<{ quiz: QuizRow }>(`MATCH (z:Quiz {id: $id}) RETURN ${QUIZ_PROJECTION} AS quiz`, { id })
  return row ? withTotals(row.quiz) : null
}

async function readQuiz(tx: Tx, id: string): Promise<Quiz> {
  const [row] = await tx.run<{ quiz: QuizRow }>(`MATCH (z:Quiz {id: $id}) RETURN ${QUIZ_PROJECTION} AS quiz`, { id })
  return withTotals(row!.quiz)
}

export async function listQuizzes(db: Database, skip: number, first: number): Promise<{ total: number, items: Quiz[] }> {
  const [row] = await db.read<{ total: number, items: QuizRow[] }>(
    `MATCH (z:Quiz) WITH count(z) AS total
     RETURN total, COLLECT {
       MATCH (z:Quiz) WITH z ORDER BY z.createdAt DESC, z.id SKIP $skip LIMIT $first
       RETURN ${QUIZ_PROJECTION} AS quiz
     } AS items`,
    { skip: int(skip), first: int(first) },
  )
  return { total: row?.total ?? 0, items: (row?.items ?? []).map(withTotals) }
}

/** Rows as given, each with its target (null when it does not exist) and pool, in one query. */
async function rowPools(run: (cypher: string, params: Record<string, unknown>) => Promise<unknown[]>, rows: QuizDraft['blueprint']): Promise<(DrawPoolRow & { exists: boolean })[]> {
  const result = await run(
    `UNWIND range(0, size($rows) - 1) AS i
     WITH i, $rows[i] AS r
     OPTIONAL MATCH (law:Law {id: r.targetId})
     OPTIONAL MATCH (topic:Topic {id: r.targetId})
     WITH i, r, CASE r.kind WHEN 'LAW' THEN law ELSE topic END AS t
     RETURN {order: i + 1, kind: r.kind, targetId: r.targetId, targetName: ${TARGET_NAME}, exists: t IS NOT NULL,
       count: r.count, difficultyMin: r.difficultyMin, difficultyMax: r.difficultyMax, points: r.points,
       candidates: ${poolOf('r.difficultyMin', 'r.difficultyMax')}} AS row
     ORDER BY i`,
    { rows: rows.map(r => ({ ...r, count: int(r.count), difficultyMin: int(r.difficultyMin), difficultyMax: int(r.difficultyMax), points: int(r.points) })) },
  ) as { row: DrawPoolRow & { exists: boolean } }[]
  return result.map(({ row }) => ({ ...row, label: targetLabel(row.kind, row.exists ? row.targetName : null, row.targetId) }))
}

/** Live capacity of blueprint rows, for the builder. One query. */
export async function blueprintCapacity(db: Database, rows: QuizDraft['blueprint']): Promise<BlueprintCapacity> {
  if (rows.length === 0)
    return { rows: [], feasible: false, shortages: [] }
  const pools = await rowPools((c, p) => db.read(c, p), rows)
  const shortages = blueprintShortages(pools, pools.map(p => p.candidates))
  const short = new Set(shortages.map(s => s.rowIndex))
  return {
    rows: pools.map((p, i) => ({
      order: i + 1,
      kind: p.kind as never,
      targetId: p.targetId,
      targetName: p.exists ? p.targetName : null,
      requested: p.count,
      available: rowCapacity(p, p.candidates),
      enough: p.exists && !short.has(i),
    })),
    feasible: shortages.length === 0 && pools.every(p => p.exists),
    shortages: [
      ...pools.filter(p => !p.exists).map(p => missingTarget(p)),
      ...shortages.filter(s => pools[s.rowIndex]!.exists).map(shortageMessage),
    ],
  }
}

function missingTarget(p: { order: number, kind: string, targetId: string }): string {
  return `第 ${p.order} 行的${p.kind === 'LAW' ? '法规' : '知识点'} ${p.targetId} 不存在 (blueprint row ${p.order}: no ${p.kind === 'LAW' ? 'law' : 'topic'} ${p.targetId}): choose one from the list.`
}

/** Throws BAD_USER_INPUT naming what is wrong with the quiz's contents, looking up its questions or pools. */
async function checkContents(tx: Tx, values: QuizValues): Promise<void> {
  const violations = validateQuiz(values)
  if (violations.length > 0)
    throw badInput(violationsMessage(violations).replace('试题', '试卷').replace('the question', 'the quiz'), { violations })
  if (values.kind === 'FIXED') {
    const rows = await tx.run<{ id: string, status: string | null, newer: string | null }>(
      `UNWIND $ids AS id OPTIONAL MATCH (q:Question {id: id})
       RETURN id, q.status AS status, COLLECT { MATCH (n:Question)-[:NEW_VERSION_OF*1..]->(q) WHERE n.status <> 'SUPERSEDED' RETURN n.id }[0] AS newer`,
      { ids: values.items.map(i => i.questionId) },
    )
    const problems = rows.flatMap((r) => {
      if (!r.status)
        return [`试题 ${r.id} 不存在 (question ${r.id} not found)`]
      if (r.status === 'SUPERSEDED')
        return [`试题 ${r.id} 已有新版本 ${r.newer ?? ''} (question ${r.id} was superseded): use the latest version`]
      if (r.status !== 'PUBLISHED')
        return [`试题 ${r.id} 未发布 (question ${r.id} is ${r.status}): publish it first, or leave it out`]
      return []
    })
    if (problems.length > 0)
      throw badInput(`试卷中的试题不可用 (some questions cannot be used):\n${problems.map(p => `- ${p}`).join('\n')}`, { field: 'items', problems })
    return
  }
  const pools = await rowPools((c, p) => tx.run(c, p), values.blueprint)
  const missing = pools.filter(p => !p.exists).map(missingTarget)
  if (missing.length > 0)
    throw badInput(missing.join('\n'), { field: 'blueprint', problems: missing })
  const shortages = blueprintShortages(pools, pools.map(p => p.candidates))
  if (shortages.length > 0)
    throw badInput(`题库不足以按规则抽题 (the bank cannot satisfy the blueprint):\n${shortages.map(s => `- ${shortageMessage(s)}`).join('\n')}`, { field: 'blueprint', shortages })
}

/**
 * The INCLUDES and DRAWS links of the bound quiz `z` from `items` and `rows` (a parameter such as `$items`,
 * or a property of the bound row `x`, such as `x.items`; `scope` is what the subqueries import).
 */
function contentsCypher(items: string, rows: string, scope: string): string {
  return `CALL (${scope}) {
    UNWIND range(0, size(${items}) - 1) AS i
    MATCH (q:Question {id: ${items}[i].questionId})
    CREATE (z)-[:INCLUDES {order: i + 1, points: ${items}[i].points}]->(q)
  }
  CALL (${scope}) {
    UNWIND range(0, size(${rows}) - 1) AS i
    WITH i, ${rows}[i] AS r
    OPTIONAL MATCH (law:Law {id: r.targetId})
    OPTIONAL MATCH (topic:Topic {id: r.targetId})
    WITH i, r, CASE r.kind WHEN 'LAW' THEN law ELSE topic END AS t
    WHERE t IS NOT NULL
    CREATE (z)-[:DRAWS {order: i + 1, count: r.count, difficultyMin: r.difficultyMin, difficultyMax: r.difficultyMax, points: r.points}]->(t)
  }`
}

const WRITE_CONTENTS = `MATCH (z:Quiz {id: $id})
  CALL (z) { MATCH (z)-[r:INCLUDES|DRAWS]->() DELETE r }
  WITH z
  ${contentsCypher('$items', '$rows', 'z')}
  RETURN z.id AS id`

function settings(values: QuizValues) {
  return {
    title: values.title.trim(),
    mode: values.mode,
    kind: values.kind,
    timeLimitSec: values.timeLimitSec ?? null,
    passScore: values.passScore,
    attemptsAllowed: values.attemptsAllowed ?? null,
    scoring: values.scoring,
    opensAt: values.opensAt ?? null,
    closesAt: values.closesAt ?? null,
    reveal: values.reveal,
    shuffleOptions: values.shuffleOptions,
    multiplePartialCredit: values.multiplePartialCredit,
  }
}

function contents(values: QuizValues) {
  return {
    items: values.kind === 'FIXED' ? values.items.map(i => ({ questionId: i.questionId, points: int(i.points) })) : [],
    rows: values.kind === 'BLUEPRINT' ? values.blueprint.map(r => ({ kind: r.kind, targetId: r.targetId, count: int(r.count), difficultyMin: int(r.difficultyMin), difficultyMax: int(r.difficultyMax), points: int(r.points) })) : [],
  }
}

/** SET of the bound quiz `z`'s settings from `s` (the parameter `$s`, or `x.s` of a bound row). */
function setSettings(s: string): string {
  return `SET z.title = ${s}.title, z.mode = ${s}.mode, z.kind = ${s}.kind, z.timeLimitSec = ${s}.timeLimitSec, z.passScore = ${s}.passScore,
  z.attemptsAllowed = ${s}.attemptsAllowed, z.scoring = ${s}.scoring,
  z.opensAt = CASE WHEN ${s}.opensAt IS NULL THEN null ELSE datetime(${s}.opensAt) END,
  z.closesAt = CASE WHEN ${s}.closesAt IS NULL THEN null ELSE datetime(${s}.closesAt) END,
  z.reveal = ${s}.reveal, z.shuffleOptions = ${s}.shuffleOptions, z.multiplePartialCredit = ${s}.multiplePartialCredit, z.updatedAt = datetime()`
}

const SET_SETTINGS = setSettings('$s')

/** A quiz ready to be written: settings and contents as settings() and contents() give them. */
export interface NewQuiz extends ReturnType<typeof contents> {
  id: string
  status: 'DRAFT' | 'PUBLISHED'
  sample: boolean
  s: ReturnType<typeof settings>
  /** When it was written (ISO 8601); now when left out. Data loaded from elsewhere keeps its own time (and, published, is published then). */
  createdAt?: string
  /** Benchmark data, so it can be told apart from real data. */
  synthetic?: boolean
}

/**
 * Writes new quizzes with their INCLUDES and DRAWS links in one statement: the one writer of Quiz
 * (the trainer's createQuiz, the samples and the benchmark). Callers check the contents first.
 */
export async function writeQuizzes(tx: Tx, actor: SessionUser | null, quizzes: NewQuiz[]): Promise<void> {
  if (quizzes.length === 0)
    return
  await tx.run(
    `UNWIND $quizzes AS x
     CREATE (z:Quiz {id: x.id, status: x.status, sample: x.sample, synthetic: x.synthetic, createdBy: $actorId,
       createdAt: coalesce(datetime(x.createdAt), datetime()),
       publishedAt: CASE WHEN x.createdAt IS NOT NULL AND x.status = 'PUBLISHED' THEN datetime(x.createdAt) END})
     WITH z, x ${setSettings('x.s')}
     WITH z, x
     ${contentsCypher('x.items', 'x.rows', 'z, x')}`,
    { quizzes, actorId: actor?.id ?? null },
  )
}

/** What writeQuizzes needs of a quiz's values. */
export function newQuiz(id: string, values: QuizValues, options: { status: 'DRAFT' | 'PUBLISHED', sample: boolean, createdAt?: string, synthetic?: boolean }): NewQuiz {
  return { id, s: settings(values), ...contents(values), ...options }
}

/**
 * A new quiz, DRAFT unless `status` says otherwise. A fixed quiz lists published questions; a blueprint the
 * bank cannot satisfy is refused saying what is short.
 */
export async function createQuiz(db: Database, actor: SessionUser | null, values: QuizValues, options: { id?: string, sample?: boolean, status?: 'DRAFT' | 'PUBLISHED' } = {}): Promise<Quiz> {
  const id = options.id ?? `quiz-${randomUUID()}`
  return db.transaction(async (tx) => {
    await checkContents(tx, values)
    await writeQuizzes(tx, actor, [newQuiz(id, values, { status: options.status ?? 'DRAFT', sample: options.sample ?? false })])
    await recordAudit(tx, { actor, operation: 'createQuiz', targetIds: [id] })
    return readQuiz(tx, id)
  })
}

interface ItemLike { questionId: string, points: number }
interface RowLike { kind: string, targetId: string, count: number, difficultyMin: number, difficultyMax: number, points: number }
const itemKey = (i: ItemLike) => `${i.questionId}:${i.points}`
const rowKey = (r: RowLike) => `${r.kind}:${r.targetId}:${r.count}:${r.difficultyMin}:${r.difficultyMax}:${r.points}`

/**
 * Replaces a quiz's settings and contents. Its questions or blueprint cannot change once someone made an
 * attempt at it (the settings still can).
 */
export async function updateQuiz(db: Database, actor: SessionUser, id: string, values: QuizValues): Promise<Quiz> {
  return db.transaction(async (tx) => {
    const [state] = await tx.run<{ attempts: number, kind: string, items: ItemLike[], rows: RowLike[] }>(
      `MATCH (z:Quiz {id: $id}) SET z._lock = true REMOVE z._lock
       RETURN z.kind AS kind, COUNT { (:Attempt)-[:OF]->(z) } AS attempts,
         COLLECT { MATCH (z)-[i:INCLUDES]->(q:Question) RETURN {questionId: q.id, points: i.points} AS x ORDER BY i.order } AS items,
         COLLECT { MATCH (z)-[d:DRAWS]->(t) RETURN {kind: ${TARGET_KIND}, targetId: t.id, count: d.count, difficultyMin: d.difficultyMin, difficultyMax: d.difficultyMax, points: d.points} AS x ORDER BY d.order } AS rows`,
      { id },
    )
    if (!state)
      throw notFound('试卷 (quiz)', id)
    const next = contents(values)
    const stored = { kind: state.kind, items: state.items.map(itemKey), rows: state.rows.map(rowKey) }
    const wanted = { kind: values.kind, items: values.kind === 'FIXED' ? values.items.map(itemKey) : [], rows: values.kind === 'BLUEPRINT' ? values.blueprint.map(rowKey) : [] }
    const changed = JSON.stringify(stored) !== JSON.stringify(wanted)
    if (changed && state.attempts > 0)
      throw new AppError(ErrorCode.CONFLICT, `已有 ${state.attempts} 人次作答，试卷题目不能再改 (the quiz has attempts; its questions cannot change): change only the settings, or make a new quiz.`)
    await checkContents(tx, values)
    await tx.run(`MATCH (z:Quiz {id: $id}) ${SET_SETTINGS}`, { id, s: settings(values) })
    if (changed)
      await tx.run(WRITE_CONTENTS, { id, ...next })
    await recordAudit(tx, { actor, operation: 'updateQuiz', targetIds: [id] })
    return readQuiz(tx, id)
  })
}

/** DRAFT → PUBLISHED, checking again that its questions are published or the bank can satisfy the blueprint. */
export async function publishQuiz(db: Database, actor: SessionUser, id: string): Promise<Quiz> {
  return db.transaction(async (tx) => {
    const [row] = await tx.run<{ status: string }>('MATCH (z:Quiz {id: $id}) SET z._lock = true REMOVE z._lock RETURN z.status AS status', { id })
    if (!row)
      throw notFound('试卷 (quiz)', id)
    const quiz = await readQuiz(tx, id)
    if (row.status === 'PUBLISHED')
      return quiz
    await checkContents(tx, {
      ...quiz,
      items: quiz.items.map(i => ({ questionId: i.question.id, points: i.points })),
      blueprint: quiz.blueprint.map(r => ({ kind: r.kind, targetId: r.targetId, count: r.count, difficultyMin: r.difficultyMin, difficultyMax: r.difficultyMax, points: r.points })),
    })
    await tx.run(`MATCH (z:Quiz {id: $id}) SET z.status = 'PUBLISHED', z.publishedAt = datetime(), z.updatedAt = datetime()`, { id })
    await recordAudit(tx, { actor, operation: 'publishQuiz', targetIds: [id] })
    return readQuiz(tx, id)
  })
}

/**
 * Everything drawing an attempt needs, in ONE query: the quiz's settings, its fixed items, each blueprint
 * row with its candidate pool (published, not awaiting review, in band), and which candidates the person
 * has seen — answered in an attempt ((:Person)-[:MADE]->(:Attempt)-[:ANSWERED]->(:Question)) or has in
 * review ((:Person)-[:REVIEWS]->(:Question)), any version of the question counting. `personId` null: no one.
 * Returns null when the quiz does not exist.
 */
export async function loadDrawPools(db: Database, quizId: string, personId: string | null): Promise<DrawPools | null> {
  const [row] = await db.read<{
    quiz: DrawPools['quiz']
    items: DrawPools['items']
    rows: (DrawPoolRow & { candidates: (DrawCandidate & { originId: string })[] })[]
    seenOrigins: string[]
  }>(
    `MATCH (z:Quiz {id: $quizId})
     RETURN z {.id, .title, .kind, .status, .mode, .timeLimitSec, .passScore, .attemptsAllowed, .scoring, .opensAt, .closesAt, .reveal,
         shuffleOptions: coalesce(z.shuffleOptions, false), multiplePartialCredit: coalesce(z.multiplePartialCredit, false)} AS quiz,
       COLLECT { MATCH (z)-[i:INCLUDES]->(q:Question) RETURN {questionId: q.id, order: i.order, points: i.points} AS item ORDER BY i.order } AS items,
       COLLECT {
         MATCH (z)-[d:DRAWS]->(t)
         RETURN {order: d.order, kind: ${TARGET_KIND}, targetId: t.id, targetName: ${TARGET_NAME}, count: d.count,
           difficultyMin: d.difficultyMin, difficultyMax: d.difficultyMax, points: d.points,
           candidates: ${poolOf('d.difficultyMin', 'd.difficultyMax')}} AS row ORDER BY d.order
       } AS rows,
       COLLECT {
         MATCH (:Person {id: $personId})-[:MADE]->(:Attempt)-[:ANSWERED]->(x:Question) RETURN coalesce(x.originId, x.id) AS origin
         UNION
         MATCH (:Person {id: $personId})-[:REVIEWS]->(x:Question) RETURN coalesce(x.originId, x.id) AS origin
       } AS seenOrigins`,
    { quizId, personId },
  )
  if (!row)
    return null
  const origins = new Set(row.seenOrigins)
  const seen = new Set<string>()
  for (const r of row.rows) {
    for (const c of r.candidates) {
      if (origins.has(c.originId))
        seen.add(c.id)
    }
  }
  return {
    quiz: row.quiz,
    items: row.items,
    rows: row.rows.map(r => ({ ...r, label: targetLabel(r.kind, r.targetName, r.targetId), candidates: r.candidates.map(c => ({ id: c.id, difficulty: c.difficulty })) })),
    seen,
  }
}

/**
 * A sample draw for the trainer: what a cadre would get with this seed (options shuffled when the quiz
 * shuffles them), with answers. Two round trips: the pools, then the drawn questions.
 */
export async function previewQuiz(db: Database, quizId: string, seed: string): Promise<QuizPreview> {
  const pools = await loadDrawPools(db, quizId, null)
  if (!pools)
    throw notFound('试卷 (quiz)', quizId)
  let drawn: ReturnType<typeof drawAttempt>
  try {
    drawn = drawAttempt(pools, seed)
  }
  catch (error) {
    if (error instanceof DrawShortError)
      throw badInput(`题库已不足以按规则抽题 (the bank can no longer satisfy the blueprint):\n${error.shortages.map(s => `- ${shortageMessage(s)}`).join('\n')}`, { shortages: error.shortages })
    throw error
  }
  const questions = new Map((await findQuestions(db, drawn.map(d => d.questionId))).map(q => [q.id, q]))
  const items = drawn.flatMap((d, i) => {
    const question = questions.get(d.questionId)
    if (!question)
      return []
    const shuffle = pools.quiz.shuffleOptions ? shuffleOptions(question, seed) : { order: question.options.map((_, k) => k), options: question.options }
    const choice = isChoiceKind(question.type)
    return [{
      order: i + 1,
      points: d.points,
      row: d.rowIndex === null ? null : d.rowIndex + 1,
      question,
      displayedOptions: shuffle.options,
      displayedAnswer: choice ? originalToDisplayed(shuffle.order, question.answer) : question.answer,
    }]
  })
  return { quizId, seed, maxScore: items.reduce((n, i) => n + i.points, 0), items }
}
