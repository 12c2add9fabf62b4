/**
 * Question files and samples: export as file records, import checked rows (questionFile.ts reads and
 * writes the files themselves), and load the sample bank (seeds/questions.json).
 */
import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { NewQuestion, QuestionFilterValues, Run } from './question.repository'
import type { ImportReport } from './question.type'
import type { ArticleRef, ParsedRow, QuestionRecord } from './questionFile'
import type { RuleViolation, TestedArticleCheck } from './questionRules'
import type { QuestionValues } from './questionShape'
import { recordAudit } from '../audit/audit'
import { int } from '../db/database'
import { ARTICLE_STATE, existingTopics, filterParams, insertQuestions, matchQuestions, newQuestionId, runIn } from './question.repository'
import { formatArticleRef } from './questionFile'
import { normalizeDraft, validateQuestion } from './questionRules'

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
