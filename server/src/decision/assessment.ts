/**
 * Glue between the graph and the pure compliance engine: builds the engine's rule sets from graph rows,
 * evaluates decisions and shapes the results for the API, counts overviews and checks step-record input.
 * Pure: no I/O; the caller passes `today`.
 */
import type { DecisionFacts, Finding, FindingCode, Verdict } from './compliance'
import type { Compliance, ComplianceFinding, ComplianceRule, ComplianceRuleSet, DecisionArticleRef, Evidence } from './decision.type'
import type { RuleSet, StepRule } from './rules'
import type { StepRecordFacts } from './stepRecords'
import type { StepCode } from './steps'
import { badInput } from '../common/errors'
import { calendarDaysBetween } from './calendar'
import { evaluateCompliance } from './compliance'
import { selectRuleSet } from './rules'
import { effectiveRecords } from './stepRecords'
import { STEP_NAMES, STEP_ORDER } from './steps'

/** An article linked to a rule by CREATED_BY, as read from the graph. */
export interface RuleArticleRow {
  id: string
  number: string
  lawId: string
  caption: string | null
  /** MAIN: the article creating the step; PERIOD: the article setting its minimum period. */
  role: 'MAIN' | 'PERIOD'
  position: number
}

/** A StepRule node with what it links to. */
export interface RuleRow {
  id: string
  step: StepCode
  condition: StepRule['condition']
  exceptIfConfidential: boolean
  description: string
  minDays: number | null
  minWorkingDays: number | null
  before: StepCode[]
  articleUnknown: boolean
  articleNumbers: string[]
  periodArticleNumber: string | null
  articles: RuleArticleRow[]
}

/** A RuleSet node with its rules and law. */
export interface RuleSetRow {
  id: string
  lawId: string
  lawTitle: string
  effectiveFrom: string
  effectiveTo: string | null
  appliesToTownsBy: string | null
  law: { id: string, title: string } | null
  rules: RuleRow[]
}

/** Rule sets in the two shapes needed: the engine's and the API's (with article references). */
export interface LoadedRuleSets {
  engine: RuleSet[]
  api: Map<string, ComplianceRuleSet>
  rules: Map<string, ComplianceRule>
}

/** A step record as stored: evidence in two parallel lists ('' for a missing number). */
export interface StoredRecord {
  id: string
  stepCode: StepCode
  startedOn: string | null
  completedOn: string | null
  outcome: string | null
  evidenceTitles: string[] | null
  evidenceNumbers: string[] | null
  note?: string | null
  correctsId: string | null
  recordedAt: string
}

/** The facts of a decision as stored, with its records. */
export interface StoredDecisionFacts extends DecisionFacts {
  records: StoredRecord[]
}

/** Today's date in China (Asia/Shanghai, UTC+8, no daylight saving) as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** Parallel evidence lists to objects. */
export function toEvidence(titles: string[] | null, numbers: string[] | null): Evidence[] {
  return (titles ?? []).map((title, i) => {
    const number = numbers?.[i] ?? ''
    return { title, number: number === '' ? null : number }
  })
}

/** Drops control characters (tabs, line breaks, separators), which have no place in a title or number. */
function printable(text: string): string {
  return [...text].filter((c) => {
    const code = c.charCodeAt(0)
    return code >= 0x20 && code !== 0x7F
  }).join('').trim()
}

/** Evidence objects to the stored parallel lists, without control characters. */
export function fromEvidence(evidence: { title: string, number?: string | null }[]): { titles: string[], numbers: string[] } {
  return {
    titles: evidence.map(e => printable(e.title)),
    numbers: evidence.map(e => printable(e.number ?? '')),
  }
}

function toArticleRef(a: RuleArticleRow, lawTitle: string | null): DecisionArticleRef {
  return { id: a.id, number: a.number, lawId: a.lawId, lawTitle, caption: a.caption ?? null }
}

/** Builds both shapes of the rule sets from graph rows. */
export function buildRuleSets(rows: RuleSetRow[]): LoadedRuleSets {
  const engine: RuleSet[] = []
  const api = new Map<string, ComplianceRuleSet>()
  const rules = new Map<string, ComplianceRule>()
  for (const row of rows) {
    const law = row.law ?? { id: row.lawId, title: row.lawTitle }
    const apiRules: ComplianceRule[] = []
    const engineRules: StepRule[] = []
    for (const rule of row.rules) {
      const sorted = [...rule.articles].sort((a, b) => a.position - b.position)
      const main = sorted.filter(a => a.role === 'MAIN')
      const period = sorted.find(a => a.role === 'PERIOD') ?? null
      const apiRule: ComplianceRule = {
        id: rule.id,
        step: rule.step,
        condition: rule.condition,
        exceptIfConfidential: rule.exceptIfConfidential ?? false,
        description: rule.description,
        minDays: rule.minDays ?? null,
        minWorkingDays: rule.minWorkingDays ?? null,
        before: rule.before ?? [],
        article: main[0] ? toArticleRef(main[0], law.title) : null,
        articles: main.map(a => toArticleRef(a, law.title)),
        periodArticle: period ? toArticleRef(period, law.title) : null,
        articleNumbers: rule.articleNumbers ?? [],
        law,
        articleUnknown: rule.articleUnknown ?? false,
      }
      apiRules.push(apiRule)
      rules.set(rule.id, apiRule)
      engineRules.push({
        id: rule.id,
        ruleSetId: row.id,
        lawId: row.lawId,
        lawTitle: row.lawTitle,
        step: rule.step,
        condition: rule.condition,
        articleIds: main.map(a => a.id),
        articleNumbers: rule.articleNumbers ?? [],
        periodArticleNumber: rule.periodArticleNumber ?? null,
        articleUnknown: rule.articleUnknown ?? false,
        minDays: rule.minDays ?? null,
        minWorkingDays: rule.minWorkingDays ?? null,
        before: rule.before ?? [],
        description: rule.description,
        exceptIfConfidential: rule.exceptIfConfidential ?? false,
      })
    }
    engine.push({
      id: row.id,
      lawId: row.lawId,
      lawTitle: row.lawTitle,
      effectiveFrom: row.effectiveFrom,
      effectiveTo: row.effectiveTo ?? null,
      appliesToTownsBy: row.appliesToTownsBy ?? null,
      rules: engineRules,
    })
    api.set(row.id, {
      id: row.id,
      lawId: row.lawId,
      lawTitle: row.lawTitle,
      effectiveFrom: row.effectiveFrom,
      effectiveTo: row.effectiveTo ?? null,
      appliesToTownsBy: row.appliesToTownsBy ?? null,
      rules: apiRules,
    })
  }
  return { engine, api, rules }
}

/** A stored record in the engine's shape. */
export function toRecordFacts(record: StoredRecord): StepRecordFacts {
  return {
    id: record.id,
    stepCode: record.stepCode,
    startedOn: record.startedOn ?? null,
    completedOn: record.completedOn ?? null,
    outcome: record.outcome ?? null,
    evidence: toEvidence(record.evidenceTitles, record.evidenceNumbers),
    correctsId: record.correctsId ?? null,
    recordedAt: record.recordedAt,
  }
}

const DEFECTS = new Set<FindingCode>(['REQUIRED_MISSING', 'OUT_OF_ORDER', 'PERIOD_TOO_SHORT', 'NO_EVIDENCE'])

function toApiFinding(finding: Finding, rules: Map<string, ComplianceRule>): ComplianceFinding {
  return {
    code: finding.code,
    step: finding.step,
    rule: finding.ruleId === null ? null : (rules.get(finding.ruleId) ?? null),
    recordId: finding.recordId,
    defect: DEFECTS.has(finding.code),
    message: finding.message,
  }
}

/** Runs the engine on one decision and shapes the result for the API. */
export function assess(decision: StoredDecisionFacts, ruleSets: LoadedRuleSets, today: string): Compliance {
  const set = selectRuleSet(ruleSets.engine, decision.decidedOn ?? null, today)
  const facts: DecisionFacts = {
    id: decision.id,
    decidedOn: decision.decidedOn ?? null,
    status: decision.status,
    affectsPublic: decision.affectsPublic ?? false,
    technical: decision.technical ?? false,
    stabilityRisk: decision.stabilityRisk ?? false,
    confidential: decision.confidential ?? false,
  }
  const result = evaluateCompliance(facts, decision.records.map(toRecordFacts), set, today)
  const findings = result.findings.map(f => toApiFinding(f, ruleSets.rules))
  return {
    verdict: result.verdict,
    ruleSet: result.ruleSetId === null ? null : (ruleSets.api.get(result.ruleSetId) ?? null),
    findings,
    missingSteps: [...new Set(findings.filter(f => f.code === 'REQUIRED_MISSING' && f.step !== null).map(f => f.step!))],
    evaluatedOn: today,
  }
}

/** Ids of the records that count (the latest of each correction chain). */
export function effectiveRecordIds(records: StoredRecord[]): Set<string> {
  return new Set(effectiveRecords(records.map(toRecordFacts)).map(r => r.id))
}

/** Counts of an overview: every verdict and every step appear, zero included. */
export function summarize(results: Pick<Compliance, 'verdict' | 'missingSteps'>[]): {
  total: number
  byVerdict: { verdict: Verdict, count: number }[]
  missingByStep: { step: StepCode, name: string, count: number }[]
} {
  const verdicts: Verdict[] = ['COMPLIANT', 'INCOMPLETE', 'NON_COMPLIANT']
  const byVerdict = new Map<string, number>(verdicts.map(v => [v, 0]))
  const byStep = new Map<string, number>(STEP_ORDER.map(s => [s, 0]))
  for (const r of results) {
    byVerdict.set(r.verdict, (byVerdict.get(r.verdict) ?? 0) + 1)
    for (const step of r.missingSteps)
      byStep.set(step, (byStep.get(step) ?? 0) + 1)
  }
  return {
    total: results.length,
    byVerdict: verdicts.map(v => ({ verdict: v, count: byVerdict.get(v)! })),
    missingByStep: STEP_ORDER.map(s => ({ step: s, name: STEP_NAMES[s], count: byStep.get(s)! })),
  }
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

/** Checks a YYYY-MM-DD date is real; returns a readable error otherwise. */
export function checkDate(field: string, label: string, value: string | null | undefined): void {
  if (value === null || value === undefined)
    return
  let ok = DATE_RE.test(value)
  if (ok) {
    try {
      calendarDaysBetween(value, value)
    }
    catch {
      ok = false
    }
  }
  if (!ok)
    throw badInput(`${label}不是有效日期：${value} (${field} must be a real date YYYY-MM-DD).`, { field })
}

/** What a new step record must satisfy before anything is written. */
export interface StepRecordCheck {
  stepCode: string
  startedOn: string | null
  completedOn: string | null
  evidence: { title: string, number?: string | null }[]
}

/**
 * Refuses a step record that cannot be right: unknown step, bad or missing dates, completion before the
 * start, a date after `today`, an evidence row without a title. Throws BAD_USER_INPUT with the field.
 */
export function checkStepRecord(input: StepRecordCheck, today: string): void {
  if (!(STEP_ORDER as readonly string[]).includes(input.stepCode))
    throw badInput(`未知的程序步骤 ${input.stepCode} (unknown step code): use one of ${STEP_ORDER.join(', ')}.`, { field: 'stepCode' })
  checkDate('startedOn', '开始日期', input.startedOn)
  checkDate('completedOn', '完成日期', input.completedOn)
  if (input.startedOn === null && input.completedOn === null)
    throw badInput('请至少填写开始日期或完成日期 (give a start date, a completion date, or both).', { field: 'completedOn' })
  if (input.startedOn !== null && input.completedOn !== null && calendarDaysBetween(input.startedOn, input.completedOn) < 0)
    throw badInput(`完成日期 ${input.completedOn} 早于开始日期 ${input.startedOn} (completion before start): correct one of the dates.`, { field: 'completedOn' })
  if (input.completedOn !== null && calendarDaysBetween(today, input.completedOn) > 0)
    throw badInput(`完成日期 ${input.completedOn} 晚于今天 ${today} (completion date in the future): record a step once it is completed, or leave the completion date empty while it is under way.`, { field: 'completedOn' })
  if (input.startedOn !== null && calendarDaysBetween(today, input.startedOn) > 0)
    throw badInput(`开始日期 ${input.startedOn} 晚于今天 ${today} (start date in the future): record a step once it has started.`, { field: 'startedOn' })
  if (input.evidence.some(e => e.title.trim() === ''))
    throw badInput('每项证明材料都须填写名称 (every evidence row needs a title): fill it in or remove the row.', { field: 'evidence' })
}
