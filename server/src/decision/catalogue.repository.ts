/**
 * The catalogue of decisions: a page of decisions with their verdicts, the compliance overview, the
 * yearly catalogues and the organisations that decide.
 */
import type { Database } from '../db/database'
import type { Organization } from '../org/org.type'
import type { DecisionStatusValue, Verdict } from './compliance'
import type { Compliance, DecisionCatalogue, DecisionSummary } from './decision.type'
import type { DecisionListRow, DecisionRow } from './decisionRow.repository'
import type { StepCode } from './steps'
import type { DecisionViewer } from './viewer.repository'
import { int } from '../db/database'
import { shanghaiToday, summarize } from './assessment'
import { assessRow, DECISION_ROW, rowParams } from './decisionRow.repository'
import { ruleSetsFor } from './ruleSet.repository'
import { orgProjection, visible } from './viewer.repository'

/** The decisions a list filter matches (the decision, its catalogue `c` and organisation `o`). */
const MATCH_DECISIONS = `MATCH (o:Organization)-[:DECIDES]->(d:Decision)-[:LISTED_IN]->(c:DecisionCatalogue)
  WHERE ($year IS NULL OR c.year = $year)
    AND ($organizationId IS NULL OR o.id = $organizationId)
    AND ($status IS NULL OR d.status = $status)
    AND ${visible('d')}
    AND ($text IS NULL OR d.title CONTAINS $text OR coalesce(d.summary, '') CONTAINS $text OR coalesce(d.domain, '') CONTAINS $text)`

const ORDER_DECISIONS = 'ORDER BY c.year DESC, d.decidedOn DESC, d.title, d.id'

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
    ...rowParams(details),
  }
}

/** Every decision matching the stored-property filters, with its records, in one round trip, evaluated. */
async function evaluateAll(db: Database, query: DecisionQuery, viewer: DecisionViewer, today: string, forList: boolean): Promise<{ row: DecisionListRow, compliance: Compliance }[]> {
  const [ruleSets, rows] = await Promise.all([
    ruleSetsFor(db),
    db.read<{ row: DecisionRow }>(
      // Counting needs neither the order nor the details of a list.
      `${MATCH_DECISIONS}
       WITH d, c, o ${forList ? ORDER_DECISIONS : ''}
       RETURN ${DECISION_ROW} AS row`,
      filterParams(query, viewer, forList),
    ),
  ])
  return rows
    .map(({ row }) => assessRow(row, ruleSets, today))
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
    db.read<{ total: number, rows: DecisionRow[] }>(
      `${MATCH_DECISIONS}
       WITH count(d) AS total
       RETURN total, COLLECT {
         ${MATCH_DECISIONS}
         WITH d, c, o ${ORDER_DECISIONS} SKIP $skip LIMIT $first
         RETURN ${DECISION_ROW} AS row
       } AS rows`,
      { ...filterParams(query, viewer, true), skip: int(skip), first: int(first) },
    ),
  ])
  const items = (page?.rows ?? []).map(row => toSummary(assessRow(row, ruleSets, today)))
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
/** The yearly catalogues with the number of decisions the viewer may see (empty ones left out). */
export async function listCatalogues(db: Database, viewer: DecisionViewer): Promise<DecisionCatalogue[]> {
  const rows = await db.read<{ c: DecisionCatalogue }>(
    `MATCH (c:DecisionCatalogue)
     WITH c, COUNT { MATCH (c)<-[:LISTED_IN]-(d:Decision) WHERE ${visible('d')} } AS decisionCount
     WHERE decisionCount > 0
     WITH c, decisionCount, [(c)<-[:LISTED_IN]-(:Decision)<-[:DECIDES]-(org:Organization) | org][0] AS o
     RETURN c {.id, .year, organization: ${orgProjection('o')}, decisionCount: decisionCount} AS c
     ORDER BY c.year DESC, c.organization.name`,
    { restricted: viewer.restricted },
  )
  return rows.map(r => r.c)
}

/** Every organisation, for the choice of the deciding organisation. */
export async function listDecisionOrganizations(db: Database): Promise<Organization[]> {
  const rows = await db.read<{ o: Organization }>(`MATCH (o:Organization) RETURN ${orgProjection('o')} AS o ORDER BY o.name`)
  return rows.map(r => r.o)
}
