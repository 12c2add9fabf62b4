/**
 * Procedure compliance of a 重大行政决策 (major administrative decision).
 *
 * Pure: no I/O, no clock. The caller passes `today` and the rule sets (normally loaded from
 * `seeds/rules.json` through {@link loadRuleSets}).
 *
 * Date conventions (all dates are `YYYY-MM-DD`, compared as calendar dates, no time zone):
 * - A period runs from a record's `startedOn` to its `completedOn`; the start day is not counted,
 *   as Chinese law usually computes periods, so a comment call published on 10-01 and closed on 10-31
 *   lasted 30 days.
 * - Period rules are only checked when both dates are recorded. Single events (a 座谈会, a hearing,
 *   a meeting) should be recorded with `completedOn` only, since the 30-day minimum concerns a public
 *   call for comments, not every form of participation.
 * - "Before" means: this step's `completedOn` is on or before the first date (its `startedOn`, else its
 *   `completedOn`) of the later step.
 */
import { z } from 'zod'

/** The procedure steps, in canonical order (findings are sorted by it). */
export const STEP_ORDER = [
  'PUBLIC_PARTICIPATION',
  'EXPERT_ARGUMENTATION',
  'RISK_ASSESSMENT',
  'LEGALITY_REVIEW',
  'COLLECTIVE_DECISION',
  'PARTY_REPORT',
  'PUBLICATION',
  'ARCHIVING',
] as const

/** Codes of the procedure steps. */
export type StepCode = typeof STEP_ORDER[number]

/** Chinese names of the steps, as used in findings. */
export const STEP_NAMES: Record<StepCode, string> = {
  PUBLIC_PARTICIPATION: '公众参与',
  EXPERT_ARGUMENTATION: '专家论证',
  RISK_ASSESSMENT: '风险评估',
  LEGALITY_REVIEW: '合法性审查',
  COLLECTIVE_DECISION: '集体讨论决定',
  PARTY_REPORT: '请示报告',
  PUBLICATION: '决策公布',
  ARCHIVING: '立卷归档',
}

/**
 * When a step is required. `UNLESS_CONFIDENTIAL`: unless the matter is not to be disclosed by law;
 * `IF_TECHNICAL`: 专业性、技术性较强; `IF_STABILITY_RISK`: may harm 社会稳定、公共安全 etc.;
 * `IF_AFFECTS_PUBLIC`: touches the vital interests of the public or a large group.
 */
export const RULE_CONDITIONS = ['ALWAYS', 'UNLESS_CONFIDENTIAL', 'IF_TECHNICAL', 'IF_STABILITY_RISK', 'IF_AFFECTS_PUBLIC'] as const
export type RuleCondition = typeof RULE_CONDITIONS[number]

/** One mandatory step of one rule set, with the articles it rests on. */
export interface StepRule {
  id: string
  ruleSetId: string
  lawId: string
  lawTitle: string
  step: StepCode
  condition: RuleCondition
  /** Graph ids of the articles in `articleNumbers` that could be resolved. */
  articleIds: string[]
  articleNumbers: string[]
  periodArticleNumber: string | null
  /** True when the law has such a rule but the article text was not obtained, so no number is cited. */
  articleUnknown: boolean
  /** Minimum period in calendar days (start day not counted). */
  minDays: number | null
  /** Minimum period in working days, see {@link workingDaysBetween}. */
  minWorkingDays: number | null
  /** Steps that must not start before this step is completed. */
  before: StepCode[]
  /** Own-words summary of the requirement (never statute text). */
  description: string
  /**
   * Also not required when the matter is confidential, on top of `condition` (沪府令第47号 第五条 exempts
   * matters 依法需要保密 from its public-participation trigger). Absent means false.
   */
  exceptIfConfidential?: boolean
}

/** The rules of one law version over its period of force. */
export interface RuleSet {
  id: string
  lawId: string
  lawTitle: string
  effectiveFrom: string
  effectiveTo: string | null
  rules: StepRule[]
  /** Where the law makes itself apply to 乡镇 (towns), e.g. `第四十二条 (参照)`. */
  appliesToTownsBy?: string | null
}

/** Where a decision stands. */
export const DECISION_STATUSES = ['DRAFT', 'IN_PROGRESS', 'DECIDED', 'PUBLISHED', 'ARCHIVED'] as const
export type DecisionStatusValue = typeof DECISION_STATUSES[number]

/** The facts of a decision the check needs. */
export interface DecisionFacts {
  id: string
  /** Planned or actual decision date, YYYY-MM-DD. */
  decidedOn: string | null
  status: DecisionStatusValue
  affectsPublic: boolean
  technical: boolean
  stabilityRisk: boolean
  /** The matter is not to be disclosed by law (依法不予公开 / 依法需要保密). */
  confidential: boolean
}

/** One recorded step. A record with `correctsId` replaces the record it names. */
export interface StepRecordFacts {
  id: string
  stepCode: StepCode
  startedOn: string | null
  completedOn: string | null
  outcome: string | null
  evidence: { title: string, number: string | null }[]
  correctsId: string | null
  /** ISO datetime. */
  recordedAt: string
}

/** Kinds of findings. */
export const FINDING_CODES = ['DONE', 'REQUIRED_MISSING', 'NOT_REQUIRED', 'OUT_OF_ORDER', 'PERIOD_TOO_SHORT', 'NO_EVIDENCE', 'PENDING', 'NO_RULE_SET'] as const
export type FindingCode = typeof FINDING_CODES[number]

/** One result of the check, with a Chinese message citing law title and article. */
export interface Finding {
  code: FindingCode
  step: StepCode | null
  ruleId: string | null
  recordId: string | null
  message: string
}

/** Overall result. */
export const VERDICTS = ['COMPLIANT', 'INCOMPLETE', 'NON_COMPLIANT'] as const
export type Verdict = typeof VERDICTS[number]

/**
 * Orderings the engine enforces even when a rule set does not list them: a legality review exists to
 * vet the draft that goes to the meeting, so a review finished after the meeting cannot have served that
 * purpose. This matters for 沪府令第47号, whose legality-review article was not obtained.
 */
export const IMPLIED_BEFORE: Partial<Record<StepCode, StepCode[]>> = {
  LEGALITY_REVIEW: ['COLLECTIVE_DECISION'],
}

const DAY_MS = 86_400_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on anything else. */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date)
  if (!m)
    throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  const [year, month, day] = [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
  ]
  const ms = Date.UTC(year, month - 1, day)
  const back = new Date(ms)
  // Date.UTC rolls 02-30 over into March; reject such dates instead of silently shifting them.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    throw new RangeError(`不存在的日期：${date}`)
  return ms / DAY_MS
}

/** Calendar days from `from` to `to`, start day not counted (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

function isWeekday(day: number): boolean {
  // Day 0 (1970-01-01) was a Thursday; with Sunday = 0 that is 4.
  const weekday = (((day + 4) % 7) + 7) % 7
  return weekday !== 0 && weekday !== 6
}

/**
 * Working days after `from` up to and including `to` (start day not counted), counting Monday to Friday.
 * There is no holiday calendar: statutory holidays are counted as working days and weekend make-up
 * working days (调休) are not, so the result only approximates 工作日. Returns 0 when `to` is not after
 * `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  const start = dayNumber(from)
  const end = dayNumber(to)
  if (end <= start)
    return 0
  const fullWeeks = Math.floor((end - start) / 7)
  let count = fullWeeks * 5
  for (let day = start + fullWeeks * 7 + 1; day <= end; day++) {
    if (isWeekday(day))
      count++
  }
  return count
}

/**
 * The rule set in force on the decision date (`decidedOn`, or `today` when no date is planned yet).
 * The procedure law in force when the decision is taken governs it. Where two sets are in force at once
 * (国务院令第713号 from 2019-09-01 and 沪府令第47号 until 2020-08-31), the one that took effect last wins:
 * that is the national regulation, which ranks above the municipal rule.
 */
export function selectRuleSet(ruleSets: RuleSet[], decidedOn: string | null, today: string): RuleSet | null {
  const date = decidedOn ?? today
  const day = dayNumber(date)
  let best: RuleSet | null = null
  for (const set of ruleSets) {
    if (dayNumber(set.effectiveFrom) > day)
      continue
    if (set.effectiveTo !== null && dayNumber(set.effectiveTo) < day)
      continue
    if (!best || dayNumber(set.effectiveFrom) > dayNumber(best.effectiveFrom))
      best = set
  }
  return best
}

function recordedTime(record: StepRecordFacts): number {
  const t = Date.parse(record.recordedAt)
  return Number.isNaN(t)
    ? Number.NEGATIVE_INFINITY
    : t
}

/**
 * The records that count: records linked by `correctsId` form one correction chain, and of each chain
 * only the latest record (by `recordedAt`) that no other record corrects is effective. A `correctsId`
 * naming an unknown record is ignored. Input order is kept.
 */
export function effectiveRecords(records: StepRecordFacts[]): StepRecordFacts[] {
  const index = new Map(records.map((r, i) => [r.id, i]))
  // Union-find over correction links, so branches and cycles still end up in one chain.
  const parent = records.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root)
      root = parent[root]!
    parent[i] = root
    return root
  }
  const corrected = new Set<number>()
  records.forEach((r, i) => {
    const target = r.correctsId === null
      ? undefined
      : index.get(r.correctsId)
    if (target === undefined || target === i)
      return
    corrected.add(target)
    parent[find(i)] = find(target)
  })
  const chains = new Map<number, number[]>()
  records.forEach((_, i) => {
    const root = find(i)
    chains.set(root, [
      ...(chains.get(root) ?? []),
      i,
    ])
  })
  const keep = new Set<number>()
  for (const members of chains.values()) {
    const heads = members.filter(i => !corrected.has(i))
    // A cycle leaves no uncorrected record; fall back to the latest of the whole chain.
    const candidates = heads.length > 0
      ? heads
      : members
    let winner = candidates[0]!
    for (const i of candidates) {
      if (recordedTime(records[i]!) >= recordedTime(records[winner]!))
        winner = i
    }
    keep.add(winner)
  }
  return records.filter((_, i) => keep.has(i))
}

const STATUS_RANK: Record<DecisionFacts['status'], number> = {
  DRAFT: 0,
  IN_PROGRESS: 1,
  DECIDED: 2,
  PUBLISHED: 3,
  ARCHIVED: 4,
}

const STATUS_NAMES: Record<DecisionFacts['status'], string> = {
  DRAFT: '草拟中',
  IN_PROGRESS: '办理中',
  DECIDED: '已作出决定',
  PUBLISHED: '已公布',
  ARCHIVED: '已归档',
}

/** The status from which a step is known to have happened (an archived decision has finished everything). */
const DONE_AT_RANK: Partial<Record<StepCode, number>> = {
  COLLECTIVE_DECISION: STATUS_RANK.DECIDED,
  PUBLICATION: STATUS_RANK.PUBLISHED,
  ARCHIVING: STATUS_RANK.ARCHIVED,
}

const DEFECTS = new Set<FindingCode>([
  'REQUIRED_MISSING',
  'OUT_OF_ORDER',
  'PERIOD_TOO_SHORT',
  'NO_EVIDENCE',
])

function lawRef(rule: StepRule): string {
  return `《${rule.lawTitle}》`
}

/** Law title plus article(s); says so when the article is unknown rather than guessing a number. */
function cite(rule: StepRule, article?: string | null): string {
  if (article)
    return `${lawRef(rule)}${article}`
  if (rule.articleUnknown || rule.articleNumbers.length === 0)
    return `${lawRef(rule)}（规定该步骤的条文未能取得，条号不详）`
  return `${lawRef(rule)}${rule.articleNumbers.join('、')}`
}

function conditionReason(rule: StepRule, d: DecisionFacts): string | null {
  const name = STEP_NAMES[rule.step]
  const notRequired = (why: string): string => `${why}，依据${cite(rule)}，不要求${name}。`
  if (rule.exceptIfConfidential && d.confidential)
    return notRequired('该事项依法需要保密')
  switch (rule.condition) {
    case 'ALWAYS':
      return null
    case 'UNLESS_CONFIDENTIAL':
      return d.confidential
        ? notRequired('该事项依法不予公开')
        : null
    case 'IF_TECHNICAL':
      return d.technical
        ? null
        : notRequired('该事项未被认定为专业性、技术性较强')
    case 'IF_STABILITY_RISK':
      return d.stabilityRisk
        ? null
        : notRequired('该事项未被认定为可能对社会稳定、公共安全等造成不利影响')
    case 'IF_AFFECTS_PUBLIC':
      return d.affectsPublic
        ? null
        : notRequired('该事项未被认定为涉及公众或较大群体的切身利益')
  }
}

function firstDate(record: StepRecordFacts): string | null {
  return record.startedOn ?? record.completedOn
}

function evidenceLabel(record: StepRecordFacts): string {
  const item = record.evidence.find(e => e.title.trim() !== '')
  if (!item)
    return ''
  return `，依据材料《${item.title.trim()}》${item.number
    ? `（${item.number}）`
    : ''}`
}

/**
 * Checks a decision's recorded steps against a rule set.
 *
 * Per rule: condition not met → `NOT_REQUIRED`. Otherwise, with a completed effective record: no evidence
 * → `NO_EVIDENCE`, period below the minimum → `PERIOD_TOO_SHORT`, completed after a step it must precede
 * has started → `OUT_OF_ORDER` (all problems of the record are reported), none → `DONE`; when the step
 * has several completed records, the one with the fewest problems counts. Without a completed record
 * the step is `PENDING` until it is due, then `REQUIRED_MISSING`. A step is due when the decision's
 * status shows a step it must precede (or itself) has happened, when such a later step has a record, or,
 * for steps that precede the collective decision, when the planned `decidedOn` has passed.
 *
 * Verdict: any defect (`REQUIRED_MISSING`, `OUT_OF_ORDER`, `PERIOD_TOO_SHORT`, `NO_EVIDENCE`) on a
 * decided decision → `NON_COMPLIANT`; a defect or a `PENDING` step on an undecided decision, or a
 * `PENDING` step on a decided one → `INCOMPLETE` (a flaw found before the decision can still be put
 * right); no rule set → `INCOMPLETE`, since nothing can be judged; else `COMPLIANT`.
 */
export function evaluateCompliance(
  decision: DecisionFacts,
  records: StepRecordFacts[],
  ruleSet: RuleSet | null,
  today: string,
): { verdict: Verdict, findings: Finding[], ruleSetId: string | null } {
  if (!ruleSet) {
    const date = decision.decidedOn ?? today
    return {
      verdict: 'INCOMPLETE',
      ruleSetId: null,
      findings: [
        {
          code: 'NO_RULE_SET',
          step: null,
          ruleId: null,
          recordId: null,
          message: `没有已知适用于${date}的重大行政决策程序规则（系统收录的规定中没有在该日有效的），无法核对本决策的法定程序，需人工判断。`,
        },
      ],
    }
  }

  const byStep = new Map<StepCode, StepRecordFacts[]>()
  for (const record of effectiveRecords(records)) {
    byStep.set(record.stepCode, [
      ...(byStep.get(record.stepCode) ?? []),
      record,
    ])
  }

  const successors = (step: StepCode): StepCode[] => {
    const listed = ruleSet.rules.filter(r => r.step === step).flatMap(r => r.before)
    return [
      ...new Set([
        ...listed,
        ...(IMPLIED_BEFORE[step] ?? []),
      ]),
    ]
  }
  const laterSteps = (step: StepCode): Set<StepCode> => {
    const seen = new Set<StepCode>()
    const queue = successors(step)
    while (queue.length > 0) {
      const next = queue.shift()!
      if (seen.has(next) || next === step)
        continue
      seen.add(next)
      queue.push(...successors(next))
    }
    return seen
  }
  const earliestDate = (step: StepCode): string | null => {
    const dates = (byStep.get(step) ?? []).map(firstDate).filter((d): d is string => d !== null)
    return dates.length === 0
      ? null
      : dates.reduce((a, b) => (dayNumber(b) < dayNumber(a)
          ? b
          : a))
  }

  /** Why the step should have happened by now, or null when it can still be pending. */
  const overdueReason = (step: StepCode): string | null => {
    const later = laterSteps(step)
    const rank = STATUS_RANK[decision.status]
    for (const s of [step, ...later]) {
      const doneAt = DONE_AT_RANK[s]
      if (doneAt !== undefined && rank >= doneAt)
        return `决策状态为${STATUS_NAMES[decision.status]}`
    }
    for (const s of later) {
      const date = earliestDate(s)
      if (date !== null && dayNumber(date) <= dayNumber(today))
        return `${STEP_NAMES[s]}已于${date}进行`
    }
    if ((step === 'COLLECTIVE_DECISION' || later.has('COLLECTIVE_DECISION'))
      && decision.decidedOn !== null && dayNumber(decision.decidedOn) < dayNumber(today)) {
      return `计划决策日期${decision.decidedOn}已过`
    }
    return null
  }

  const checkRecord = (rule: StepRule, record: StepRecordFacts & { completedOn: string }): Finding[] => {
    const name = STEP_NAMES[rule.step]
    const problems: Finding[] = []
    const base = { step: rule.step, ruleId: rule.id, recordId: record.id }
    if (!record.evidence.some(e => e.title.trim() !== '')) {
      problems.push({
        ...base,
        code: 'NO_EVIDENCE',
        message: `${name}记录（完成于${record.completedOn}）未附任何证明材料，无法核实已按${cite(rule)}履行该步骤。`,
      })
    }
    if (record.startedOn !== null) {
      if (rule.minDays !== null) {
        const days = calendarDaysBetween(record.startedOn, record.completedOn)
        if (days < rule.minDays) {
          problems.push({
            ...base,
            code: 'PERIOD_TOO_SHORT',
            message: `${name}期间自${record.startedOn}至${record.completedOn}仅${days}日（起始日不计入），少于${cite(rule, rule.periodArticleNumber)}通常要求的${rule.minDays}日；如因情况紧急等原因缩短，须核实是否已在当时说明理由。`,
          })
        }
      }
      if (rule.minWorkingDays !== null) {
        const days = workingDaysBetween(record.startedOn, record.completedOn)
        if (days < rule.minWorkingDays) {
          problems.push({
            ...base,
            code: 'PERIOD_TOO_SHORT',
            message: `${name}自${record.startedOn}送交至${record.completedOn}完成仅约${days}个工作日（按周一至周五计，未扣除法定节假日），少于${cite(rule, rule.periodArticleNumber)}通常应保证的${rule.minWorkingDays}个工作日。`,
          })
        }
      }
    }
    for (const later of successors(rule.step)) {
      const laterDate = earliestDate(later)
      if (laterDate === null || dayNumber(record.completedOn) <= dayNumber(laterDate))
        continue
      const implied = !rule.before.includes(later)
      problems.push({
        ...base,
        code: 'OUT_OF_ORDER',
        message: `${name}完成于${record.completedOn}，晚于${STEP_NAMES[later]}（${laterDate}）；依据${cite(rule)}，${name}应当在${STEP_NAMES[later]}之前完成${implied ? '（审查的作用在于为提交讨论的草案把关，此先后顺序是该步骤的应有之义）' : ''}。`,
      })
    }
    return problems
  }

  const findings: Finding[] = []
  for (const rule of ruleSet.rules) {
    const name = STEP_NAMES[rule.step]
    const recs = byStep.get(rule.step) ?? []
    const notRequired = conditionReason(rule, decision)
    if (notRequired !== null) {
      findings.push({
        code: 'NOT_REQUIRED',
        step: rule.step,
        ruleId: rule.id,
        recordId: recs[0]?.id ?? null,
        message: notRequired,
      })
      continue
    }
    const completed = recs.filter((r): r is StepRecordFacts & { completedOn: string } => r.completedOn !== null)
    if (completed.length > 0) {
      let best: { record: StepRecordFacts & { completedOn: string }, problems: Finding[] } | null = null
      for (const record of completed) {
        const problems = checkRecord(rule, record)
        if (!best || problems.length <= best.problems.length)
          best = { record, problems }
      }
      const chosen = best!
      if (chosen.problems.length > 0) {
        findings.push(...chosen.problems)
      }
      else {
        findings.push({
          code: 'DONE',
          step: rule.step,
          ruleId: rule.id,
          recordId: chosen.record.id,
          message: `${name}已于${chosen.record.completedOn}完成${evidenceLabel(chosen.record)}，符合${cite(rule)}的要求。`,
        })
      }
      continue
    }
    const started = recs.find(r => r.startedOn !== null)
    const overdue = overdueReason(rule.step)
    // An unknown-article rule's description already says the number is unknown; don't say it twice.
    const requirement = `依据${rule.articleUnknown
      ? lawRef(rule)
      : cite(rule)}，${rule.description}`
    if (overdue === null) {
      findings.push({
        code: 'PENDING',
        step: rule.step,
        ruleId: rule.id,
        recordId: started?.id ?? recs[0]?.id ?? null,
        message: started
          ? `${name}已于${started.startedOn}开始，尚未完成；${requirement}`
          : `${name}尚待进行；${requirement}`,
      })
    }
    else {
      findings.push({
        code: 'REQUIRED_MISSING',
        step: rule.step,
        ruleId: rule.id,
        recordId: started?.id ?? null,
        message: started
          ? `${name}于${started.startedOn}开始但未见完成（${overdue}）；${requirement}`
          : `未见${name}记录（${overdue}）；${requirement}`,
      })
    }
  }

  const position = (step: StepCode | null): number => (step === null
    ? -1
    : STEP_ORDER.indexOf(step))
  findings.sort((a, b) => position(a.step) - position(b.step))

  const decided = STATUS_RANK[decision.status] >= STATUS_RANK.DECIDED
  const hasDefect = findings.some(f => DEFECTS.has(f.code))
  const hasPending = findings.some(f => f.code === 'PENDING')
  const verdict: Verdict = decided && hasDefect
    ? 'NON_COMPLIANT'
    : hasDefect || hasPending
      ? 'INCOMPLETE'
      : 'COMPLIANT'
  return { verdict, findings, ruleSetId: ruleSet.id }
}

const stepCodeSchema = z.enum([
  'PUBLIC_PARTICIPATION',
  'EXPERT_ARGUMENTATION',
  'RISK_ASSESSMENT',
  'LEGALITY_REVIEW',
  'COLLECTIVE_DECISION',
  'PARTY_REPORT',
  'PUBLICATION',
  'ARCHIVING',
])
const dateSchema = z.string().regex(DATE_RE)
const articleNumberSchema = z.string().regex(/^第[零一二三四五六七八九十百千]+条$/)

const ruleJsonSchema = z.object({
  id: z.string().min(1),
  step: stepCodeSchema,
  condition: z.enum([
    'ALWAYS',
    'UNLESS_CONFIDENTIAL',
    'IF_TECHNICAL',
    'IF_STABILITY_RISK',
    'IF_AFFECTS_PUBLIC',
  ]),
  articleNumbers: z.array(articleNumberSchema),
  articleUnknown: z.boolean().default(false),
  exceptIfConfidential: z.boolean().default(false),
  periodArticleNumber: articleNumberSchema.nullable().default(null),
  minDays: z.number().int().positive().nullable().default(null),
  minWorkingDays: z.number().int().positive().nullable().default(null),
  before: z.array(stepCodeSchema).default([]),
  description: z.string().min(1),
}).superRefine((rule, ctx) => {
  // An unknown article must stay unnumbered, and a known one must be cited: never one without the other.
  if (rule.articleUnknown !== (rule.articleNumbers.length === 0))
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${rule.id}: articleUnknown must be true exactly when articleNumbers is empty` })
  if ((rule.minDays !== null || rule.minWorkingDays !== null) && rule.periodArticleNumber === null)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${rule.id}: a minimum period needs periodArticleNumber` })
})

const ruleSetJsonSchema = z.object({
  id: z.string().min(1),
  lawId: z.string().min(1),
  lawTitle: z.string().min(1),
  effectiveFrom: dateSchema,
  effectiveTo: dateSchema.nullable(),
  appliesToTownsBy: z.string().nullable().default(null),
  rules: z.array(ruleJsonSchema),
})

const rulesFileSchema = z.object({
  ruleSets: z.array(ruleSetJsonSchema),
})

/**
 * Converts the `seeds/rules.json` shape into rule sets. `articleIdFor` maps a law id and article number
 * to the article's graph id; numbers it cannot resolve stay in `articleNumbers` without an id.
 * Throws when the JSON does not have the expected shape.
 */
export function loadRuleSets(json: unknown, articleIdFor: (lawId: string, number: string) => string | null): RuleSet[] {
  const parsed = rulesFileSchema.parse(json)
  return parsed.ruleSets.map(set => ({
    id: set.id,
    lawId: set.lawId,
    lawTitle: set.lawTitle,
    effectiveFrom: set.effectiveFrom,
    effectiveTo: set.effectiveTo,
    appliesToTownsBy: set.appliesToTownsBy,
    rules: set.rules.map(rule => ({
      id: rule.id,
      ruleSetId: set.id,
      lawId: set.lawId,
      lawTitle: set.lawTitle,
      step: rule.step,
      condition: rule.condition,
      articleIds: rule.articleNumbers
        .map(n => articleIdFor(set.lawId, n))
        .filter((id): id is string => id !== null),
      articleNumbers: rule.articleNumbers,
      periodArticleNumber: rule.periodArticleNumber,
      articleUnknown: rule.articleUnknown,
      minDays: rule.minDays,
      minWorkingDays: rule.minWorkingDays,
      before: rule.before,
      description: rule.description,
      exceptIfConfidential: rule.exceptIfConfidential,
    })),
  }))
}
