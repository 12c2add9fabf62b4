import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Organization, Person } from '../org/org.type'
import type { LoadedRuleSets, RuleSetRow, StoredDecisionFacts, StoredRecord } from './assessment'
import type { DecisionStatusValue, RuleSet, StepCode, Verdict } from './compliance'
import type { Compliance, Decision, DecisionArticleRef, DecisionCatalogue, DecisionSummary, ProcedureStep, StepRecord } from './decision.type'
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit'
import { PERSON_PROJECTION } from '../auth/user.repository'
import { AppError, badInput, ErrorCode, notFound } from '../common/errors'
import { int } from '../db/database'
import { logger } from '../logger'
import { assess, buildRuleSets, checkDate, checkStepRecord, effectiveRecordIds, fromEvidence, shanghaiToday, summarize, toEvidence } from './assessment'
import { STEP_NAMES, STEP_ORDER } from './compliance'

/** Who is reading: cadres see only published, non-confidential decisions (enforced in every query here). */
export interface DecisionViewer {
  /** True for a viewer who may read only PUBLISHED/ARCHIVED decisions that are not confidential. */
  restricted: boolean
}

/** Roles that read every decision; anyone else (a cadre) is restricted. */
export function viewerOf(user: SessionUser | null): DecisionViewer {
  const full = ['ADVISOR', 'ADMIN', 'TRAINER']
  return { restricted: !user || !user.roles.some(role => full.includes(role)) }
}

/** Cypher condition a decision must meet for the viewer (`$restricted` parameter). */
function visible(d: string): string {
  return `(NOT $restricted OR (${d}.status IN ['PUBLISHED', 'ARCHIVED'] AND NOT coalesce(${d}.confidential, false)))`
}
const VISIBLE = visible('d')

/** Map projection of an organisation `o` (may be null). */
const ORG_PROJECTION = `CASE WHEN o IS NULL THEN null ELSE o {.id, .name, .kind, sample: coalesce(o.sample, false),
  parentId: [(o)-[:PART_OF]->(parent:Organization) | parent.id][0]} END`

// ---------------------------------------------------------------------------------------------------
// Reference data: procedure steps and rule sets
// ---------------------------------------------------------------------------------------------------

/** What seeding the rules reports: rule articles that could not be found in the law graph. */
export interface RuleSeedReport {
  rules: number
  unresolved: { ruleId: string, number: string }[]
  lawsMissing: string[]
}

/**
 * Writes the procedure steps and the rule sets into the graph (idempotent). Each rule is linked to the
 * articles that create it, resolved in the current version of its law (CREATED_BY, role MAIN or PERIOD);
 * a rule whose article is unknown is linked to the law instead (CREATED_BY_LAW) and cites no number.
 */
export async function upsertReferenceRules(db: Database, ruleSets: RuleSet[]): Promise<RuleSeedReport> {
  const steps = STEP_ORDER.map((code, i) => ({ code, name: STEP_NAMES[code], order: int(i + 1) }))
  const report: RuleSeedReport = { rules: 0, unresolved: [], lawsMissing: [] }
  await db.transaction(async (tx) => {
    report.rules = 0
    report.unresolved = []
    report.lawsMissing = []
    await tx.run(
      `UNWIND $steps AS step
       MERGE (p:ProcedureStep {code: step.code}) SET p.name = step.name, p.order = step.order`,
      { steps },
    )
    for (const set of ruleSets) {
      const [setRow] = await tx.run<{ lawFound: boolean }>(
        `MERGE (s:RuleSet {id: $id})
         SET s.lawId = $lawId, s.lawTitle = $lawTitle, s.effectiveFrom = date($effectiveFrom),
             s.effectiveTo = CASE WHEN $effectiveTo IS NULL THEN null ELSE date($effectiveTo) END,
             s.appliesToTownsBy = $appliesToTownsBy
         WITH s
         OPTIONAL MATCH (s)-[old:FROM_LAW]->()
         DELETE old
         WITH DISTINCT s
         OPTIONAL MATCH (l:Law {id: $lawId})
         FOREACH (_ IN CASE WHEN l IS NULL THEN [] ELSE [1] END | MERGE (s)-[:FROM_LAW]->(l))
         WITH s, l
         OPTIONAL MATCH (s)-[:HAS_RULE]->(stale:StepRule) WHERE NOT stale.id IN $ruleIds
         DETACH DELETE stale
         RETURN DISTINCT l IS NOT NULL AS lawFound`,
        {
          id: set.id,
          lawId: set.lawId,
          lawTitle: set.lawTitle,
          effectiveFrom: set.effectiveFrom,
          effectiveTo: set.effectiveTo,
          appliesToTownsBy: set.appliesToTownsBy ?? null,
          ruleIds: set.rules.map(r => r.id),
        },
      )
      if (!setRow?.lawFound)
        report.lawsMissing.push(set.lawId)
      for (const [order, rule] of set.rules.entries()) {
        const refs = [
          ...rule.articleNumbers.map((number, i) => ({ number, role: 'MAIN', position: int(i) })),
          ...(rule.periodArticleNumber ? [{ number: rule.periodArticleNumber, role: 'PERIOD', position: int(rule.articleNumbers.length) }] : []),
        ]
        const [row] = await tx.run<{ resolved: string[] }>(
          `MATCH (s:RuleSet {id: $setId}), (p:ProcedureStep {code: $step})
           MERGE (r:StepRule {id: $id})
           SET r.condition = $condition, r.exceptIfConfidential = $exceptIfConfidential, r.minDays = $minDays,
               r.minWorkingDays = $minWorkingDays, r.before = $before, r.description = $description,
               r.articleUnknown = $articleUnknown, r.articleNumbers = $articleNumbers,
               r.periodArticleNumber = $periodArticleNumber
           MERGE (s)-[h:HAS_RULE]->(r) SET h.order = $order
           WITH r, p
           OPTIONAL MATCH (r)-[old:REQUIRES|CREATED_BY|CREATED_BY_LAW]->()
           DELETE old
           WITH DISTINCT r, p
           MERGE (r)-[:REQUIRES]->(p)
           WITH r
           CALL (r) {
             UNWIND $refs AS ref
             CALL (ref) {
               MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article {number: ref.number})
               WITH a, v ORDER BY coalesce(v.current, false) DESC, v.versionDate DESC LIMIT 1
               RETURN a
             }
             MERGE (r)-[c:CREATED_BY {role: ref.role}]->(a) SET c.position = ref.position
             RETURN collect(ref.number) AS resolved
           }
           WITH r, resolved
           OPTIONAL MATCH (l:Law {id: $lawId})
           FOREACH (_ IN CASE WHEN l IS NOT NULL AND ($articleUnknown OR size(resolved) < size($refs)) THEN [1] ELSE [] END |
             MERGE (r)-[:CREATED_BY_LAW]->(l))
           RETURN resolved`,
          {
            setId: set.id,
            lawId: set.lawId,
            step: rule.step,
            id: rule.id,
            condition: rule.condition,
            exceptIfConfidential: rule.exceptIfConfidential ?? false,
            minDays: rule.minDays === null ? null : int(rule.minDays),
            minWorkingDays: rule.minWorkingDays === null ? null : int(rule.minWorkingDays),
            before: rule.before,
            description: rule.description,
            articleUnknown: rule.articleUnknown,
            articleNumbers: rule.articleNumbers,
            periodArticleNumber: rule.periodArticleNumber,
            order: int(order),
            refs,
          },
        )
        report.rules++
        const resolved = new Set(row?.resolved ?? [])
        for (const ref of refs) {
          if (!resolved.has(ref.number))
            report.unresolved.push({ ruleId: rule.id, number: ref.number })
        }
      }
    }
  })
  forgetRuleSets(db)
  return report
}

const ruleSetCache = new WeakMap<Database, Promise<LoadedRuleSets>>()

/** Drops the cached rule sets of `db` (after the reference data changed). */
export function forgetRuleSets(db: Database): void {
  ruleSetCache.delete(db)
}

async function readRuleSets(db: Database): Promise<LoadedRuleSets> {
  const rows = await db.read<{ ruleSet: RuleSetRow }>(
    `MATCH (s:RuleSet)
     RETURN s {.id, .lawId, .lawTitle, effectiveFrom: toString(s.effectiveFrom), effectiveTo: toString(s.effectiveTo),
       .appliesToTownsBy,
       law: [(s)-[:FROM_LAW]->(l:Law) | l {.id, .title}][0],
       rules: COLLECT {
         MATCH (s)-[h:HAS_RULE]->(r:StepRule)-[:REQUIRES]->(p:ProcedureStep)
         RETURN r {.id, step: p.code, .condition, exceptIfConfidential: coalesce(r.exceptIfConfidential, false),
           .description, .minDays, .minWorkingDays, before: coalesce(r.before, []),
           articleUnknown: coalesce(r.articleUnknown, false), articleNumbers: coalesce(r.articleNumbers, []),
           .periodArticleNumber,
           articles: COLLECT {
             MATCH (r)-[c:CREATED_BY]->(a:Article)
             RETURN a {.id, .number, .lawId, .caption, role: c.role, position: c.position} ORDER BY c.position
           }
         } ORDER BY h.order
       }
     } AS ruleSet
     ORDER BY s.effectiveFrom`,
  )
  return buildRuleSets(rows.map(r => r.ruleSet))
}

/**
 * The rule sets, read from the graph once per process and database and then kept: they are reference
 * data that changes only when the seed runs (which calls {@link forgetRuleSets}). So a request that
 * evaluates compliance makes one round trip, for the decision.
 */
export function ruleSetsFor(db: Database): Promise<LoadedRuleSets> {
  let loaded = ruleSetCache.get(db)
  if (!loaded) {
    loaded = readRuleSets(db)
    ruleSetCache.set(db, loaded)
    loaded.then(
      // An empty graph (rules not seeded yet) is not worth keeping.
      (sets) => {
        if (sets.engine.length === 0)
          forgetRuleSets(db)
      },
      () => forgetRuleSets(db),
    )
  }
  return loaded
}

/** The procedure steps in order. */
export async function listProcedureSteps(db: Database): Promise<ProcedureStep[]> {
  return db.read<ProcedureStep>('MATCH (p:ProcedureStep) RETURN p.code AS code, p.name AS name, p.order AS order ORDER BY p.order')
}

// ---------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------

/** What list queries read per decision: the facts the engine needs and what a list shows. */
interface DecisionListRow extends StoredDecisionFacts {
  recordCount: number
  title: string
  domain: string | null
  sample: boolean
  year: number
  organization: Organization | null
}

/**
 * A step record's facts as one string, fields separated by U+001F: id, stepCode, startedOn, completedOn,
 * correctsId, recordedAt, and number and title of the first evidence item with a title ('' for none).
 * One string decodes several times faster than a map or list, which matters when an overview reads
 * 40,000 records; the engine needs no more of the evidence than its first titled item. Titles and numbers
 * never contain control characters (they are stripped on write), so the title, last, may be split off
 * safely. Evidence stored as 'title|number' strings is read too. `correctsId` mirrors the CORRECTS
 * relationship ('' for none) so the relationship is only followed for records written elsewhere.
 */
const RECORD_STRINGS = `COLLECT {
  MATCH (d)-[:HAS_STEP]->(r:StepRecord)
  WITH r, coalesce(r.evidenceTitles, [e IN coalesce(r.evidence, []) | split(e, '|')[0]]) AS titles,
    coalesce(r.evidenceNumbers, [e IN coalesce(r.evidence, []) | coalesce(split(e, '|')[1], '')]) AS numbers
  WITH r, titles, numbers, [i IN range(0, size(titles) - 1) WHERE trim(titles[i]) <> ''][0] AS first
  RETURN r.id + $sep + r.stepCode + $sep + coalesce(toString(r.startedOn), '') + $sep + coalesce(toString(r.completedOn), '')
    + $sep + CASE WHEN r.correctsId IS NULL THEN coalesce([(r)-[:CORRECTS]->(x:StepRecord) | x.id][0], '') ELSE r.correctsId END
    + $sep + toString(r.recordedAt)
    + $sep + coalesce(numbers[first], '') + $sep + coalesce(titles[first], '')
}`

/** Field separator of {@link RECORD_STRINGS}. */
const SEP = '\u001F'

function parseRecord(text: string): StoredRecord {
  const [id = '', stepCode = '', startedOn = '', completedOn = '', correctsId = '', recordedAt = '', number = '', ...title] = text.split(SEP)
  const evidenceTitle = title.join(SEP)
  return {
    id,
    stepCode: stepCode as StoredRecord['stepCode'],
    startedOn: startedOn || null,
    completedOn: completedOn || null,
    correctsId: correctsId || null,
    recordedAt,
    outcome: null,
    evidenceTitles: evidenceTitle ? [evidenceTitle] : [],
    evidenceNumbers: evidenceTitle ? [number] : [],
  }
}

/** A decision as a list: facts, catalogue year, organisation (details only when `$details`), records. */
const DECISION_TUPLE = `[d.id, d.status, toString(d.decidedOn), coalesce(d.affectsPublic, false), coalesce(d.technical, false),
  coalesce(d.stabilityRisk, false), coalesce(d.confidential, false), c.year,
  CASE WHEN $details THEN [d.title, d.domain, coalesce(d.sample, false), o.id, o.name, o.kind, coalesce(o.sample, false),
    [(o)-[:PART_OF]->(parent:Organization) | parent.id][0]] END,
  ${RECORD_STRINGS}]`

type DecisionTuple = [
  string,
  StoredDecisionFacts['status'],
  string | null,
  boolean,
  boolean,
  boolean,
  boolean,
  number,
  [string, string | null, boolean, string, string, string, boolean, string | null] | null,
  string[],
]

/** The decisions a list filter matches (the decision, its catalogue `c` and organisation `o`). */
const MATCH_DECISIONS = `MATCH (o:Organization)-[:DECIDES]->(d:Decision)-[:LISTED_IN]->(c:DecisionCatalogue)
  WHERE ($year IS NULL OR c.year = $year)
    AND ($organizationId IS NULL OR o.id = $organizationId)
    AND ($status IS NULL OR d.status = $status)
    AND ${VISIBLE}
    AND ($text IS NULL OR d.title CONTAINS $text OR coalesce(d.summary, '') CONTAINS $text OR coalesce(d.domain, '') CONTAINS $text)`

const ORDER_DECISIONS = 'ORDER BY c.year DESC, d.decidedOn DESC, d.title, d.id'

/** A decision tuple with its records parsed (only needed when its compliance is not cached). */
function fromTuple(t: DecisionTuple): DecisionListRow {
  const details = t[8]
  return {
    id: t[0],
    status: t[1],
    decidedOn: t[2],
    affectsPublic: t[3],
    technical: t[4],
    stabilityRisk: t[5],
    confidential: t[6],
    year: t[7],
    title: details?.[0] ?? '',
    domain: details?.[1] ?? null,
    sample: details?.[2] ?? false,
    organization: details ? { id: details[3], name: details[4], kind: details[5] as Organization['kind'], sample: details[6], parentId: details[7] } : null,
    records: [],
    recordCount: t[9].length,
  }
}

/** Filters of list reads. */
export interface DecisionQuery {
  year?: number | null
  organizationId?: string | null
  status?: DecisionStatusValue | null
  text?: string | null
  verdict?: Verdict | null
  step?: StepCode | null
}

function filterParams(query: DecisionQuery, viewer: DecisionViewer, details: boolean) {
  return {
    year: query.year == null ? null : int(query.year),
    organizationId: query.organizationId ?? null,
    status: query.status ?? null,
    text: query.text?.trim() || null,
    restricted: viewer.restricted,
    details,
    sep: SEP,
  }
}

/** Every decision matching the stored-property filters, with its records, in one round trip, evaluated. */
const assessCache = new WeakMap<LoadedRuleSets, Map<string, Compliance>>()
const MAX_CACHED_ASSESSMENTS = 20_000

/**
 * The engine's result for a decision tuple, memoised: the key is everything the result depends on (the
 * day, the decision's facts and every record's facts, in a fixed order) and the rule sets are the cache's
 * owner, so a cached result is never stale. Overviews evaluate thousands of mostly unchanged decisions.
 */
function assessTuple(t: DecisionTuple, ruleSets: LoadedRuleSets, today: string): { row: DecisionListRow, compliance: Compliance } {
  t[9].sort()
  const row = fromTuple(t)
  let cache = assessCache.get(ruleSets)
  if (!cache) {
    cache = new Map()
    assessCache.set(ruleSets, cache)
  }
  const key = [today, t[0], t[1], t[2], t[3], t[4], t[5], t[6], ...t[9]].join('\u001E')
  let compliance = cache.get(key)
  if (!compliance) {
    compliance = assess({ ...row, records: t[9].map(parseRecord) }, ruleSets, today)
    if (cache.size >= MAX_CACHED_ASSESSMENTS)
      cache.delete(cache.keys().next().value!)
    cache.set(key, compliance)
  }
  return { row, compliance }
}

async function evaluateAll(db: Database, query: DecisionQuery, viewer: DecisionViewer, today: string, forList: boolean): Promise<{ row: DecisionListRow, compliance: Compliance }[]> {
  const [ruleSets, rows] = await Promise.all([
    ruleSetsFor(db),
    db.read<{ row: DecisionTuple }>(
      // Counting needs neither the order nor the details of a list.
      `${MATCH_DECISIONS}
       WITH d, c, o ${forList ? ORDER_DECISIONS : ''}
       RETURN ${DECISION_TUPLE} AS row`,
      filterParams(query, viewer, forList),
    ),
  ])
  return rows
    .map(({ row }) => assessTuple(row, ruleSets, today))
    .filter(({ compliance }) => (!query.verdict || compliance.verdict === query.verdict)
      && (!query.step || compliance.missingSteps.includes(query.step)))
}

function toSummary({ row, compliance }: { row: DecisionListRow, compliance: Compliance }): DecisionSummary {
  return {
    id: row.id,
    title: row.title,
    domain: row.domain,
    status: row.status as DecisionStatusValue,
    decidedOn: row.decidedOn,
    year: row.year,
    confidential: row.confidential,
    sample: row.sample,
    organization: row.organization,
    recordCount: row.recordCount,
    compliance,
  }
}

/**
 * A page of decisions with their verdicts, latest catalogue year first, in one round trip. Without a
 * verdict or missing-step filter the page is cut in the database; those two filters need the engine, so
 * then every decision matching the other filters is read with its records and evaluated here.
 */
export async function listDecisions(
  db: Database,
  query: DecisionQuery,
  viewer: DecisionViewer,
  skip: number,
  first: number,
  today = shanghaiToday(),
): Promise<{ total: number, items: DecisionSummary[] }> {
  if (query.verdict || query.step) {
    const evaluated = await evaluateAll(db, query, viewer, today, true)
    return { total: evaluated.length, items: evaluated.slice(skip, skip + first).map(toSummary) }
  }
  const [ruleSets, [page]] = await Promise.all([
    ruleSetsFor(db),
    db.read<{ total: number, rows: DecisionTuple[] }>(
      `${MATCH_DECISIONS}
       WITH count(d) AS total
       RETURN total, COLLECT {
         ${MATCH_DECISIONS}
         WITH d, c, o ${ORDER_DECISIONS} SKIP $skip LIMIT $first
         RETURN ${DECISION_TUPLE} AS row
       } AS rows`,
      { ...filterParams(query, viewer, true), skip: int(skip), first: int(first) },
    ),
  ])
  const items = (page?.rows ?? []).map(tuple => toSummary(assessTuple(tuple, ruleSets, today)))
  return { total: page?.total ?? 0, items }
}

/** Counts by verdict and by missing step over the decisions of a year and/or organisation. */
export async function complianceOverview(
  db: Database,
  query: { year?: number | null, organizationId?: string | null },
  viewer: DecisionViewer,
  today = shanghaiToday(),
) {
  const evaluated = await evaluateAll(db, query, viewer, today, false)
  return {
    year: query.year ?? null,
    organizationId: query.organizationId ?? null,
    evaluatedOn: today,
    ...summarize(evaluated.map(e => e.compliance)),
  }
}

interface DecisionDetailRow extends Omit<Decision, 'records' | 'compliance'> {
  records: (StoredRecord & { performedBy: Person | null, correctedByIds: string[] })[]
}

/** One decision with its full history and compliance, in one round trip (rule sets are cached). */
export async function findDecision(db: Database, id: string, viewer: DecisionViewer, today = shanghaiToday()): Promise<Decision | null> {
  const [ruleSets, rows] = await Promise.all([
    ruleSetsFor(db),
    db.read<{ d: DecisionDetailRow }>(
      `MATCH (d:Decision {id: $id})
       WHERE ${VISIBLE}
       RETURN d {.id, .title, .summary, .domain, .status, decidedOn: toString(d.decidedOn), .affectsPublic,
         .technical, .stabilityRisk, .confidential, sample: coalesce(d.sample, false),
         organization: [(o:Organization)-[:DECIDES]->(d) | ${ORG_PROJECTION}][0],
         catalogue: [(d)-[:LISTED_IN]->(c:DecisionCatalogue) | c {.id, .year,
           organization: [(o:Organization)-[:DECIDES]->(d) | ${ORG_PROJECTION}][0],
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

/** The yearly catalogues with the number of decisions the viewer may see (empty ones left out). */
export async function listCatalogues(db: Database, viewer: DecisionViewer): Promise<DecisionCatalogue[]> {
  const rows = await db.read<{ c: DecisionCatalogue }>(
    `MATCH (c:DecisionCatalogue)
     WITH c, COUNT { MATCH (c)<-[:LISTED_IN]-(d:Decision) WHERE ${VISIBLE} } AS decisionCount
     WHERE decisionCount > 0
     WITH c, decisionCount, [(c)<-[:LISTED_IN]-(:Decision)<-[:DECIDES]-(org:Organization) | org][0] AS o
     RETURN c {.id, .year, organization: ${ORG_PROJECTION}, decisionCount: decisionCount} AS c
     ORDER BY c.year DESC, c.organization.name`,
    { restricted: viewer.restricted },
  )
  return rows.map(r => r.c)
}

/** Every organisation, for the choice of the deciding organisation. */
export async function listDecisionOrganizations(db: Database): Promise<Organization[]> {
  const rows = await db.read<{ o: Organization }>(`MATCH (o:Organization) RETURN ${ORG_PROJECTION} AS o ORDER BY o.name`)
  return rows.map(r => r.o)
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

// ---------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------

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

const STATUSES = ['DRAFT', 'IN_PROGRESS', 'DECIDED', 'PUBLISHED', 'ARCHIVED']

/** Checks what can be checked without the database; returns the normalised values to write. */
function normaliseDecision(input: DecisionWrite, today: string) {
  const title = input.title.trim()
  if (title === '' || title.length > 200)
    throw badInput('标题须为 1–200 个字符 (title: 1–200 characters).', { field: 'title' })
  if (!STATUSES.includes(input.status))
    throw badInput(`未知的决策状态 ${input.status} (unknown status): use one of ${STATUSES.join(', ')}.`, { field: 'status' })
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

/** Writes catalogue listing, organisation and legal basis of `d` (after removing the old links). */
const LINK_DECISION = `
  WITH d
  OPTIONAL MATCH (d)-[old:LISTED_IN|BASED_ON]->()
  DELETE old
  WITH DISTINCT d
  OPTIONAL MATCH (:Organization)-[oldOrg:DECIDES]->(d)
  DELETE oldOrg
  WITH DISTINCT d
  MATCH (o:Organization {id: $organizationId})
  MERGE (c:DecisionCatalogue {id: $catalogueId})
    ON CREATE SET c.year = $year, c.organizationId = $organizationId
  MERGE (o)-[:KEEPS]->(c)
  CREATE (o)-[:DECIDES]->(d)
  CREATE (d)-[:LISTED_IN]->(c)
  WITH d
  CALL (d) {
    UNWIND range(0, size($articleIds) - 1) AS i
    MATCH (a:Article {id: $articleIds[i]})
    CREATE (d)-[:BASED_ON {position: i}]->(a)
  }
  RETURN d.id AS id`

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
    await tx.run(
      `CREATE (d:Decision {id: $id, title: $title, summary: $summary, domain: $domain, status: $status,
         decidedOn: CASE WHEN $decidedOn IS NULL THEN null ELSE date($decidedOn) END,
         affectsPublic: $affectsPublic, technical: $technical, stabilityRisk: $stabilityRisk,
         confidential: $confidential, sample: $sample, createdAt: datetime(), updatedAt: datetime()})
       ${LINK_DECISION}`,
      { ...values, id, sample: options.sample ?? false },
    )
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
       ${LINK_DECISION}`,
      { ...values, id },
    )
    await recordAudit(tx, { actor, operation: 'updateDecision', targetIds: [id] })
    return id
  })
}

/** A new step record (the API's AppendStepRecordInput, or seed data). */
export interface StepRecordWrite {
  decisionId: string
  clientId: string
  stepCode: string
  startedOn?: string | null
  completedOn?: string | null
  outcome?: string | null
  evidence: { title: string, number?: string | null }[]
  note?: string | null
  correctsId?: string | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Appends a step record, performed by the actor's person. Records are never changed or deleted; a
 * correction is a new record that CORRECTS an earlier one of the same decision. The same `clientId`
 * twice records once: the second call returns the first record with `created: false`. Everything is
 * checked before anything is written, in one transaction.
 */
export async function appendStepRecord(
  db: Database,
  actor: SessionUser | null,
  input: StepRecordWrite,
  today = shanghaiToday(),
): Promise<{ id: string, created: boolean }> {
  if (!UUID.test(input.clientId))
    throw badInput('clientId 须为 UUID (clientId must be a UUID generated by the client).', { field: 'clientId' })
  const startedOn = input.startedOn || null
  const completedOn = input.completedOn || null
  checkStepRecord({ stepCode: input.stepCode, startedOn, completedOn, evidence: input.evidence }, today)
  const evidence = fromEvidence(input.evidence)
  const id = `record-${randomUUID()}`
  return db.transaction(async (tx) => {
    const [check] = await tx.run<{ decision: boolean, existing: { id: string, decisionId: string | null } | null, corrected: { id: string, decisionId: string | null } | null }>(
      `OPTIONAL MATCH (d:Decision {id: $decisionId})
       OPTIONAL MATCH (existing:StepRecord {clientId: $clientId})
       OPTIONAL MATCH (corrected:StepRecord {id: $correctsId})
       RETURN d IS NOT NULL AS decision,
         CASE WHEN existing IS NULL THEN null ELSE {id: existing.id, decisionId: [(x:Decision)-[:HAS_STEP]->(existing) | x.id][0]} END AS existing,
         CASE WHEN corrected IS NULL THEN null ELSE {id: corrected.id, decisionId: [(x:Decision)-[:HAS_STEP]->(corrected) | x.id][0]} END AS corrected`,
      { decisionId: input.decisionId, clientId: input.clientId, correctsId: input.correctsId ?? null },
    )
    if (check?.existing) {
      if (check.existing.decisionId !== input.decisionId)
        throw new AppError(ErrorCode.CONFLICT, `clientId ${input.clientId} 已用于另一项决策的记录 (clientId already used for a record of another decision): generate a new UUID for each record.`, { field: 'clientId' })
      return { id: check.existing.id, created: false }
    }
    if (!check?.decision)
      throw notFound('决策 (decision)', input.decisionId)
    if (input.correctsId) {
      if (!check.corrected)
        throw badInput(`要更正的记录 ${input.correctsId} 不存在 (the record to correct does not exist): pick a record of this decision.`, { field: 'correctsId' })
      if (check.corrected.decisionId !== input.decisionId)
        throw badInput(`记录 ${input.correctsId} 属于另一项决策，不能在此更正 (that record belongs to another decision): pick a record of this decision.`, { field: 'correctsId' })
    }
    const [row] = await tx.run<{ id: string }>(
      `MATCH (d:Decision {id: $decisionId})
       MERGE (r:StepRecord {clientId: $clientId})
         ON CREATE SET r.id = $id, r.stepCode = $stepCode,
           r.startedOn = CASE WHEN $startedOn IS NULL THEN null ELSE date($startedOn) END,
           r.completedOn = CASE WHEN $completedOn IS NULL THEN null ELSE date($completedOn) END,
           r.outcome = $outcome, r.evidenceTitles = $evidenceTitles, r.evidenceNumbers = $evidenceNumbers,
           r.note = $note, r.correctsId = coalesce($correctsId, ''), r.recordedAt = datetime(), r.recordedBy = $userId
       WITH d, r
       WHERE r.id = $id
       CREATE (d)-[:HAS_STEP]->(r)
       WITH r
       CALL (r) {
         MATCH (old:StepRecord {id: $correctsId})
         CREATE (r)-[:CORRECTS]->(old)
       }
       CALL (r) {
         MATCH (p:Person {id: $personId})
         CREATE (r)-[:PERFORMED_BY]->(p)
       }
       RETURN r.id AS id`,
      {
        decisionId: input.decisionId,
        clientId: input.clientId,
        id,
        stepCode: input.stepCode,
        startedOn,
        completedOn,
        outcome: input.outcome?.trim() || null,
        evidenceTitles: evidence.titles,
        evidenceNumbers: evidence.numbers,
        note: input.note?.trim() || null,
        correctsId: input.correctsId ?? null,
        userId: actor?.id ?? null,
        personId: actor?.personId ?? null,
      },
    )
    if (!row) {
      // Another request with the same clientId committed in between: that one is the record.
      const [other] = await tx.run<{ id: string }>('MATCH (r:StepRecord {clientId: $clientId}) RETURN r.id AS id', { clientId: input.clientId })
      return { id: other!.id, created: false }
    }
    await recordAudit(tx, { actor, operation: 'appendStepRecord', targetIds: [id, input.decisionId] })
    return { id, created: true }
  })
}

/** Number of step records of a decision (tests count before and after a refused write). */
export async function countStepRecords(db: Database, decisionId: string): Promise<number> {
  const [row] = await db.read<{ n: number }>('MATCH (:Decision {id: $decisionId})-[:HAS_STEP]->(r:StepRecord) RETURN count(r) AS n', { decisionId })
  return row?.n ?? 0
}

/** Whether a decision exists (seeding skips the sample decisions already there). */
export async function decisionExists(db: Database, id: string): Promise<boolean> {
  const [row] = await db.read<{ n: number }>('MATCH (d:Decision {id: $id}) RETURN count(d) AS n', { id })
  return (row?.n ?? 0) > 0
}

/** Logs rules whose articles are missing from the law graph (the law library was not imported). */
export function logRuleSeedReport(report: RuleSeedReport): void {
  if (report.lawsMissing.length > 0 || report.unresolved.length > 0)
    logger.warn({ lawsMissing: report.lawsMissing, unresolved: report.unresolved }, 'compliance rules: some articles are not in the law graph; the rules cite them by number and link the law')
  else
    logger.info({ rules: report.rules }, 'compliance rules ready')
}

/**
 * Ids of articles by law and number, resolved in the current version of each law (the law graph
 * contract). References that cannot be resolved are absent from the map (key `lawId|number`).
 */
export async function findArticleIds(db: Database, refs: { lawId: string, number: string }[]): Promise<Map<string, string>> {
  if (refs.length === 0)
    return new Map()
  const rows = await db.read<{ key: string, id: string }>(
    `UNWIND $refs AS ref
     CALL (ref) {
       MATCH (:Law {id: ref.lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article {number: ref.number})
       WITH a, v ORDER BY coalesce(v.current, false) DESC, v.versionDate DESC LIMIT 1
       RETURN a.id AS id
     }
     RETURN ref.lawId + '|' + ref.number AS key, id`,
    { refs },
  )
  return new Map(rows.map(r => [r.key, r.id]))
}
