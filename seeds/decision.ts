import type { SessionUser } from '../server/src/context'
import type { Database } from '../server/src/db/database'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findLoginRecord } from '../server/src/auth/user.repository'
import { createDecision, decisionExists } from '../server/src/decision/decision.repository'
import { findArticleIds, logRuleSeedReport, upsertReferenceRules } from '../server/src/decision/ruleSet.repository'
import { loadRuleSets } from '../server/src/decision/rulesFile'
import { appendStepRecord } from '../server/src/decision/stepRecord.repository'
import { logger } from '../server/src/logger'

const SEEDS_DIR = path.dirname(fileURLToPath(import.meta.url))

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(SEEDS_DIR, name), 'utf8')) as T
}

/**
 * Reference data of decision compliance (always, idempotent): the procedure steps and the rule sets of
 * seeds/rules.json, each rule linked to the articles that create it. Runs after the law library.
 */
export async function seedDecisionReference(db: Database): Promise<void> {
  const ruleSets = loadRuleSets(readJson<unknown>('rules.json'), () => null)
  logRuleSeedReport(await upsertReferenceRules(db, ruleSets))
}

/** One step record of a sample decision (seeds/decisions.json). */
export interface SampleRecord {
  key: string
  step: string
  startedOn?: string | null
  completedOn?: string | null
  outcome?: string | null
  note?: string | null
  evidence: { title: string, number: string | null }[]
  /** `advisor`: performed by the demo legal advisor; otherwise recorded by the system. */
  by?: 'advisor'
  /** Key of the earlier record this one corrects. */
  corrects?: string
}

/** A sample decision (示例) with its records and the compliance result the engine must reach. */
export interface SampleDecision {
  id: string
  title: string
  summary: string
  domain: string
  organizationId: string
  decidedOn: string | null
  status: 'DRAFT' | 'IN_PROGRESS' | 'DECIDED' | 'PUBLISHED' | 'ARCHIVED'
  affectsPublic: boolean
  technical: boolean
  stabilityRisk: boolean
  confidential: boolean
  basedOn: { lawId: string, number: string }[]
  expected: {
    ruleSetId: string | null
    verdict: 'COMPLIANT' | 'INCOMPLETE' | 'NON_COMPLIANT'
    /** [step, finding code, text the message must contain?] */
    findings: [string | null, string, string?][]
  }
  records: SampleRecord[]
}

/** The sample decisions of seeds/decisions.json. */
export function sampleDecisions(): SampleDecision[] {
  return readJson<{ decisions: SampleDecision[] }>('decisions.json').decisions
}

/** A stable UUID-shaped id from a name, so re-running the seed records each sample record once. */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/**
 * Creates one sample decision and appends its records through the API's repository functions.
 * Idempotent for a given id. `options.id`/`options.title` make a copy (tests use their own copies).
 */
export async function seedSampleDecision(
  db: Database,
  sample: SampleDecision,
  options: { id?: string, title?: string, advisor?: SessionUser | null } = {},
): Promise<string> {
  const id = options.id ?? sample.id
  const advisor = options.advisor !== undefined ? options.advisor : (await findLoginRecord(db, 'advisor'))?.user ?? null
  if (!(await decisionExists(db, id))) {
    const articleIds = await findArticleIds(db, sample.basedOn)
    const basedOnArticleIds = sample.basedOn
      .map(ref => articleIds.get(`${ref.lawId}|${ref.number}`))
      .filter((articleId): articleId is string => articleId !== undefined)
    if (basedOnArticleIds.length < sample.basedOn.length)
      logger.warn({ decision: id }, 'sample decision: some articles of its legal basis are not in the law graph')
    await createDecision(db, null, {
      title: options.title ?? sample.title,
      summary: sample.summary,
      domain: sample.domain,
      organizationId: sample.organizationId,
      decidedOn: sample.decidedOn,
      status: sample.status,
      affectsPublic: sample.affectsPublic,
      technical: sample.technical,
      stabilityRisk: sample.stabilityRisk,
      confidential: sample.confidential,
      basedOnArticleIds,
    }, { id, sample: true })
  }
  const recordIds = new Map<string, string>()
  for (const record of sample.records) {
    const correctsId = record.corrects ? recordIds.get(record.corrects) : undefined
    if (record.corrects && !correctsId)
      throw new Error(`seeds/decisions.json: ${sample.id} record ${record.key} corrects unknown key ${record.corrects}`)
    const { id: recordId } = await appendStepRecord(db, record.by === 'advisor' ? advisor : null, {
      decisionId: id,
      clientId: stableUuid(`${id}:${record.key}`),
      stepCode: record.step,
      startedOn: record.startedOn ?? null,
      completedOn: record.completedOn ?? null,
      outcome: record.outcome ?? null,
      note: record.note ?? null,
      evidence: record.evidence,
      correctsId: correctsId ?? null,
    })
    recordIds.set(record.key, recordId)
  }
  return id
}

/** The sample decisions (示例) of the sample town. Idempotent. */
export async function seedDecisionSamples(db: Database): Promise<void> {
  const advisor = (await findLoginRecord(db, 'advisor'))?.user ?? null
  const samples = sampleDecisions()
  for (const sample of samples)
    await seedSampleDecision(db, sample, { advisor })
  logger.info({ decisions: samples.length }, 'sample decisions ready (示例)')
}
