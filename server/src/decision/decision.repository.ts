/**
 * A decision: reading it with its full history and compliance, finding articles for its legal basis,
 * and writing its facts (creating and editing).
 */
import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Person } from '../org/org.type'
import type { StoredRecord } from './assessment'
import type { DecisionStatusValue } from './compliance'
import type { Decision, DecisionArticleRef, StepRecord } from './decision.type'
import type { StepCode } from './steps'
import type { DecisionViewer } from './viewer.repository'
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit'
import { PERSON_PROJECTION } from '../auth/user.repository'
import { AppError, badInput, ErrorCode, notFound } from '../common/errors'
import { int } from '../db/database'
import { assess, checkDate, effectiveRecordIds, shanghaiToday, toEvidence } from './assessment'
import { DECISION_STATUSES } from './compliance'
import { ruleSetsFor } from './ruleSet.repository'
import { orgProjection, visible } from './viewer.repository'

interface DecisionDetailRow extends Omit<Decision, 'records' | 'compliance'> {
  records: (StoredRecord & { performedBy: Person | null, correctedByIds: string[] })[]
}

/** One decision with its full history and compliance, in one round trip (rule sets are cached). */
export async function findDecision(db: Database, id: string, viewer: DecisionViewer, today = shanghaiToday()): Promise<Decision | null> {
  const [ruleSets, rows] = await Promise.all([
    ruleSetsFor(db),
    db.read<{ d: DecisionDetailRow }>(
      `MATCH (d:Decision {id: $id})
       WHERE ${visible('d')}
       RETURN d {.id, .title, .summary, .domain, .status, decidedOn: toString(d.decidedOn), .affectsPublic,
         .technical, .stabilityRisk, .confidential, sample: coalesce(d.sample, false),
         organization: [(o:Organization)-[:DECIDES]->(d) | ${orgProjection('o')}][0],
         catalogue: [(d)-[:LISTED_IN]->(c:DecisionCatalogue) | c {.id, .year,
           organization: [(o:Organization)-[:DECIDES]->(d) | ${orgProjection('o')}][0],
           decisionCount: COUNT { MATCH (c)<-[:LISTED_IN]-(listed:Decision) WHERE ${visible('listed')} }}][0],
         basedOn: COLLECT {
           MATCH (d)-[b:BASED_ON]->(a:Article)
           RETURN a {.id, .number, .lawId, .caption, lawTitle: COLLECT { MATCH (l:Law {id: a.lawId}) RETURN l.title }[0]}
           ORDER BY b.position
         },
         records: COLLECT {
           MATCH (d)-[:HAS_STEP]->(r:StepRecord)
           OPTIONAL MATCH (r)-[:PERFORMED_BY]->(p:Person)
           RETURN r {.id, .stepCode, startedOn: toString(r.startedOn), completedOn: toString(r.completedOn), .outcome,
             evidenceTitles: coalesce(r.evidenceTitles, [e IN coalesce(r.evidence, []) | split(e, '|')[0]]),
             evidenceNumbers: coalesce(r.evidenceNumbers, [e IN coalesce(r.evidence, []) | coalesce(split(e, '|')[1], '')]),
             .note, correctsId: [(r)-[:CORRECTS]->(x:StepRecord) | x.id][0], recordedAt: toString(r.recordedAt),
             performedBy: ${PERSON_PROJECTION},
             correctedByIds: [(x:StepRecord)-[:CORRECTS]->(r) | x.id]} AS record
           // In the order they were appended: by the time (the node's, not the text's, whose fraction has
           // no trailing zeros), a correction after what it corrects even within the same millisecond
           // (the length of its chain of corrections), then by id.
           ORDER BY r.recordedAt, COUNT { (r)-[:CORRECTS*]->(:StepRecord) }, r.id
         }
       } AS d`,
      { id, restricted: viewer.restricted },
    ),
  ])
  const row = rows[0]?.d
  if (!row)
    return null
  for (const r of row.records)
    r.recordedAt = new Date(Date.parse(r.recordedAt)).toISOString()
  const year = row.catalogue?.year ?? Number((row.decidedOn ?? today).slice(0, 4))
  const effective = effectiveRecordIds(row.records)
  const records: StepRecord[] = row.records.map(r => ({
    id: r.id,
    stepCode: r.stepCode as StepCode,
    startedOn: r.startedOn ?? null,
    completedOn: r.completedOn ?? null,
    outcome: r.outcome ?? null,
    evidence: toEvidence(r.evidenceTitles, r.evidenceNumbers),
    note: r.note ?? null,
    recordedAt: r.recordedAt,
    performedBy: r.performedBy,
    correctsId: r.correctsId ?? null,
    correctedByIds: r.correctedByIds,
    effective: effective.has(r.id),
  }))
  return {
    ...row,
    summary: row.summary ?? null,
    domain: row.domain ?? null,
    decidedOn: row.decidedOn ?? null,
    affectsPublic: row.affectsPublic ?? false,
    technical: row.technical ?? false,
    stabilityRisk: row.stabilityRisk ?? false,
    confidential: row.confidential ?? false,
    year,
    records,
    compliance: assess({ ...row, records: row.records }, ruleSets, today),
  }
}
const ARTICLE_NUMBER = /第[零一二三四五六七八九十百千〇]+条/

/** Lucene special characters are escaped so any text is a valid full-text query. */
function luceneEscape(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&')
}

/**
 * Articles of current law versions for the legal basis of a decision: "档案法 第十条" finds by law title and
 * number, anything else searches the article texts.
 */
export async function searchBasisArticles(db: Database, text: string, first: number): Promise<DecisionArticleRef[]> {
  const trimmed = text.trim()
  if (trimmed === '')
    return []
  const number = ARTICLE_NUMBER.exec(trimmed)?.[0] ?? null
  if (number) {
    const lawText = trimmed.replace(number, '').trim()
    const rows = await db.read<{ a: DecisionArticleRef }>(
      `MATCH (l:Law)-[:HAS_VERSION]->(v:LawVersion {current: true})-[:CONTAINS]->(a:Article {number: $number})
       WHERE $lawText = '' OR l.title CONTAINS $lawText OR coalesce(l.shortTitle, '') CONTAINS $lawText
       RETURN a {.id, .number, .lawId, .caption, lawTitle: l.title} AS a
       ORDER BY l.title LIMIT $first`,
      { number, lawText, first: int(first) },
    )
    return rows.map(r => r.a)
  }
  const rows = await db.read<{ a: DecisionArticleRef }>(
    `CALL db.index.fulltext.queryNodes('article_text_fulltext', $query) YIELD node, score
     MATCH (l:Law)-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(node)
     RETURN node {.id, .number, .lawId, .caption, lawTitle: l.title} AS a
     ORDER BY score DESC LIMIT $first`,
    { query: luceneEscape(trimmed), first: int(first) },
  )
  return rows.map(r => r.a)
}
/** A decision's editable facts (the API's DecisionInput, or seed data). */
export interface DecisionWrite {
  title: string
  summary?: string | null
  domain?: string | null
  organizationId: string
  decidedOn?: string | null
  year?: number | null
  status: DecisionStatusValue | `${DecisionStatusValue}`
  affectsPublic: boolean
  technical: boolean
  stabilityRisk: boolean
  confidential: boolean
  basedOnArticleIds: string[]
}

/** Checks what can be checked without the database; returns the normalised values to write. */
function normaliseDecision(input: DecisionWrite, today: string) {
  const title = input.title.trim()
  if (title === '' || title.length > 200)
    throw badInput('标题须为 1–200 个字符 (title: 1–200 characters).', { field: 'title' })
  if (!(DECISION_STATUSES as readonly string[]).includes(input.status))
    throw badInput(`未知的决策状态 ${input.status} (unknown status): use one of ${DECISION_STATUSES.join(', ')}.`, { field: 'status' })
  checkDate('decidedOn', '决策日期', input.decidedOn)
  const year = input.year ?? Number((input.decidedOn ?? today).slice(0, 4))
  if (!Number.isInteger(year) || year < 1949 || year > 2100)
    throw badInput(`目录年度 ${year} 无效 (catalogue year must be between 1949 and 2100).`, { field: 'year' })
  const articleIds = [...new Set(input.basedOnArticleIds)]
  return {
    title,
    summary: input.summary?.trim() || null,
    domain: input.domain?.trim() || null,
    organizationId: input.organizationId,
    decidedOn: input.decidedOn ?? null,
    year: int(year),
    catalogueId: `catalogue-${input.organizationId}-${year}`,
    status: input.status,
    affectsPublic: input.affectsPublic,
    technical: input.technical,
    stabilityRisk: input.stabilityRisk,
    confidential: input.confidential,
    articleIds,
  }
}

/** Refuses an unknown organisation or unknown articles, inside the write transaction. */
async function checkReferences(tx: Tx, organizationId: string, articleIds: string[]): Promise<void> {
  const [row] = await tx.run<{ org: boolean, found: string[] }>(
    `OPTIONAL MATCH (o:Organization {id: $organizationId})
     RETURN o IS NOT NULL AS org, COLLECT { MATCH (a:Article) WHERE a.id IN $articleIds RETURN a.id } AS found`,
    { organizationId, articleIds },
  )
  if (!row?.org)
    throw new AppError(ErrorCode.NOT_FOUND, `单位 ${organizationId} 不存在 (organisation not found): choose an existing organisation.`, { field: 'organizationId' })
  const missing = articleIds.filter(id => !row.found.includes(id))
  if (missing.length > 0)
    throw badInput(`决策依据中的条文不存在：${missing.join('、')} (unknown article ids in the legal basis): pick articles from the law library.`, { field: 'basedOnArticleIds', missing })
}

/**
 * Writes catalogue listing, organisation and legal basis of `d` (after removing the old links) from the
 * row `x` (the values normaliseDecision gives).
 */
const LINK_DECISION = `
  WITH d, x
  OPTIONAL MATCH (d)-[old:LISTED_IN|BASED_ON]->()
  DELETE old
  WITH DISTINCT d, x
  OPTIONAL MATCH (:Organization)-[oldOrg:DECIDES]->(d)
  DELETE oldOrg
  WITH DISTINCT d, x
  MATCH (o:Organization {id: x.organizationId})
  MERGE (c:DecisionCatalogue {id: x.catalogueId})
    ON CREATE SET c.year = x.year, c.organizationId = x.organizationId
  MERGE (o)-[:KEEPS]->(c)
  CREATE (o)-[:DECIDES]->(d)
  CREATE (d)-[:LISTED_IN]->(c)
  WITH d, x
  CALL (d, x) {
    UNWIND range(0, size(x.articleIds) - 1) AS i
    MATCH (a:Article {id: x.articleIds[i]})
    CREATE (d)-[:BASED_ON {position: i}]->(a)
  }
  RETURN d.id AS id`

/** A decision ready to be written: normalised values, id and marks. */
export type NewDecision = ReturnType<typeof normaliseDecision> & {
  id: string
  sample: boolean
  /** Benchmark data, so it can be told apart from real data. */
  synthetic?: boolean
}

/**
 * Writes new decisions with their catalogue listing, organisation and legal basis in one statement: the
 * one writer of Decision (the API, the samples and the benchmark). Callers check references first.
 */
export async function writeDecisions(tx: Tx, rows: NewDecision[]): Promise<void> {
  if (rows.length === 0)
    return
  await tx.run(
    `UNWIND $rows AS x
     CREATE (d:Decision {id: x.id, title: x.title, summary: x.summary, domain: x.domain, status: x.status,
       decidedOn: CASE WHEN x.decidedOn IS NULL THEN null ELSE date(x.decidedOn) END,
       affectsPublic: x.affectsPublic, technical: x.technical, stabilityRisk: x.stabilityRisk,
       confidential: x.confidential, sample: x.sample, synthetic: x.synthetic, createdAt: datetime(), updatedAt: datetime()})
     ${LINK_DECISION}`,
    { rows },
  )
}

/** The values writeDecisions needs for a decision as written (checked as the API checks it). */
export function newDecision(input: DecisionWrite, options: { id: string, sample: boolean, synthetic?: boolean, today?: string }): NewDecision {
  const { today, ...marks } = options
  return { ...normaliseDecision(input, today ?? shanghaiToday()), ...marks }
}

/**
 * Creates a decision listed in its organisation's catalogue of the year. Seeds pass a stable `id` and
 * `sample: true`; the API lets the id be generated.
 */
export async function createDecision(
  db: Database,
  actor: SessionUser | null,
  input: DecisionWrite,
  options: { id?: string, sample?: boolean, today?: string } = {},
): Promise<string> {
  const values = normaliseDecision(input, options.today ?? shanghaiToday())
  const id = options.id ?? `decision-${randomUUID()}`
  return db.transaction(async (tx) => {
    await checkReferences(tx, values.organizationId, values.articleIds)
    const [taken] = await tx.run('MATCH (d:Decision {id: $id}) RETURN d.id AS id', { id })
    if (taken)
      throw new AppError(ErrorCode.CONFLICT, `决策 ${id} 已存在 (decision id taken).`, { id })
    await writeDecisions(tx, [{ ...values, id, sample: options.sample ?? false }])
    await recordAudit(tx, { actor, operation: 'createDecision', targetIds: [id] })
    return id
  })
}

/** Replaces a decision's editable facts, catalogue listing and legal basis. Its records are untouched. */
export async function updateDecision(db: Database, actor: SessionUser | null, id: string, input: DecisionWrite, today = shanghaiToday()): Promise<string> {
  const values = normaliseDecision(input, today)
  return db.transaction(async (tx) => {
    const [exists] = await tx.run('MATCH (d:Decision {id: $id}) RETURN d.id AS id', { id })
    if (!exists)
      throw notFound('决策 (decision)', id)
    await checkReferences(tx, values.organizationId, values.articleIds)
    await tx.run(
      `MATCH (d:Decision {id: $id})
       SET d.title = $title, d.summary = $summary, d.domain = $domain, d.status = $status,
           d.decidedOn = CASE WHEN $decidedOn IS NULL THEN null ELSE date($decidedOn) END,
           d.affectsPublic = $affectsPublic, d.technical = $technical, d.stabilityRisk = $stabilityRisk,
           d.confidential = $confidential, d.updatedAt = datetime()
       WITH d, $values AS x
       ${LINK_DECISION}`,
      { ...values, values, id },
    )
    await recordAudit(tx, { actor, operation: 'updateDecision', targetIds: [id] })
    return id
  })
}
/** Whether a decision exists (seeding skips the sample decisions already there). */
export async function decisionExists(db: Database, id: string): Promise<boolean> {
  const [row] = await db.read<{ n: number }>('MATCH (d:Decision {id: $id}) RETURN count(d) AS n', { id })
  return (row?.n ?? 0) > 0
}
