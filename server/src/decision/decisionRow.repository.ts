/**
 * The row a list or an overview reads per decision, and its encoding: the decision's facts as a map
 * projection, its step records as strings (see {@link RECORD_STRINGS}); and the engine's results for
 * such rows, memoised.
 */
import type { Organization } from '../org/org.type'
import type { LoadedRuleSets, StoredDecisionFacts, StoredRecord } from './assessment'
import type { Compliance } from './decision.type'
import { assess } from './assessment'
import { orgProjection } from './viewer.repository'

/** What list queries read per decision: the facts the engine needs and what a list shows. */
export interface DecisionListRow extends StoredDecisionFacts {
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

/**
 * A decision as a list reads it (the decision `d`, its catalogue `c`, its organisation `o`): the facts,
 * the catalogue year, the details a list shows (only when `$details`) and the record strings. Needs the
 * parameters of {@link rowParams}.
 */
export const DECISION_ROW = `d {.id, .status, decidedOn: toString(d.decidedOn), affectsPublic: coalesce(d.affectsPublic, false),
  technical: coalesce(d.technical, false), stabilityRisk: coalesce(d.stabilityRisk, false),
  confidential: coalesce(d.confidential, false), year: c.year,
  details: CASE WHEN $details THEN {title: d.title, domain: d.domain, sample: coalesce(d.sample, false),
    organization: ${orgProjection('o')}} END,
  records: ${RECORD_STRINGS}}`

/** What {@link DECISION_ROW} returns. */
export interface DecisionRow {
  id: string
  status: StoredDecisionFacts['status']
  decidedOn: string | null
  affectsPublic: boolean
  technical: boolean
  stabilityRisk: boolean
  confidential: boolean
  year: number
  details: { title: string | null, domain: string | null, sample: boolean, organization: Organization } | null
  records: string[]
}

/** The parameters {@link DECISION_ROW} needs. */
export function rowParams(details: boolean): { details: boolean, sep: string } {
  return { details, sep: SEP }
}

/** A decision row without its records parsed (only needed when its compliance is not cached). */
function fromRow(r: DecisionRow): DecisionListRow {
  const details = r.details
  return {
    id: r.id,
    status: r.status,
    decidedOn: r.decidedOn,
    affectsPublic: r.affectsPublic,
    technical: r.technical,
    stabilityRisk: r.stabilityRisk,
    confidential: r.confidential,
    year: r.year,
    title: details?.title ?? '',
    domain: details?.domain ?? null,
    sample: details?.sample ?? false,
    organization: details?.organization ?? null,
    records: [],
    recordCount: r.records.length,
  }
}

const assessCache = new WeakMap<LoadedRuleSets, Map<string, Compliance>>()
const MAX_CACHED_ASSESSMENTS = 20_000

/**
 * The engine's result for a decision row, memoised: the key is everything the result depends on (the
 * day, the decision's facts and every record's facts, in a fixed order) and the rule sets are the cache's
 * owner, so a cached result is never stale. Overviews evaluate thousands of mostly unchanged decisions.
 */
export function assessRow(r: DecisionRow, ruleSets: LoadedRuleSets, today: string): { row: DecisionListRow, compliance: Compliance } {
  r.records.sort()
  const row = fromRow(r)
  let cache = assessCache.get(ruleSets)
  if (!cache) {
    cache = new Map()
    assessCache.set(ruleSets, cache)
  }
  const key = [today, r.id, r.status, r.decidedOn, r.affectsPublic, r.technical, r.stabilityRisk, r.confidential, ...r.records].join('\u001E')
  let compliance = cache.get(key)
  if (!compliance) {
    compliance = assess({ ...row, records: r.records.map(parseRecord) }, ruleSets, today)
    if (cache.size >= MAX_CACHED_ASSESSMENTS)
      cache.delete(cache.keys().next().value!)
    cache.set(key, compliance)
  }
  return { row, compliance }
}
