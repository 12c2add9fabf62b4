/**
 * Procedure compliance of a 重大行政决策 (major administrative decision).
 *
 * Pure: no I/O, no clock. The caller passes `today` and the rule sets (normally loaded from
 * `seeds/rules.json` through `loadRuleSets` in `rulesFile.ts`).
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
import type { RuleSet, StepRule } from './rules'
import type { StepRecordFacts } from './stepRecords'
import type { StepCode } from './steps'
import { calendarDaysBetween, dayNumber, workingDaysBetween } from './calendar'
import { effectiveRecords } from './stepRecords'
import { STEP_NAMES, STEP_ORDER } from './steps'

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
