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
import type { Finding, Verdict } from './findings'
import type { CompletedRecord } from './recordChecks'
import type { RuleSet, StepRule } from './rules'
import type { StepRecordFacts } from './stepRecords'
import type { StepCode } from './steps'
import { dayNumber } from './calendar'
import { citationsOf, cite, DEFECT_CODES, lawRef, OPEN_CODES } from './findings'
import { checkConclusion, checkRecord } from './recordChecks'
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
          citations: [],
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

  const findings: Finding[] = []
  const meeting = earliestDate('COLLECTIVE_DECISION')
  const discussed = meeting !== null || STATUS_RANK[decision.status] >= STATUS_RANK.DECIDED
  const ctx = { successors, earliestDate }
  for (const rule of ruleSet.rules) {
    const name = STEP_NAMES[rule.step]
    const recs = byStep.get(rule.step) ?? []
    const notRequired = conditionReason(rule, decision)
    if (notRequired !== null) {
      findings.push({ code: 'NOT_REQUIRED', step: rule.step, ruleId: rule.id, recordId: recs[0]?.id ?? null, message: notRequired, citations: citationsOf(rule) })
      continue
    }
    const assessed = rule.alreadyAssessedArticleNumber ? recs.find(r => r.alreadyAssessedRef?.trim()) : undefined
    if (assessed) {
      findings.push({
        code: 'NOT_REQUIRED',
        step: rule.step,
        ruleId: rule.id,
        recordId: assessed.id,
        citations: citationsOf(rule, rule.alreadyAssessedArticleNumber),
        message: `有关风险已按有关规定评价、评估（${assessed.alreadyAssessedRef!.trim()}）；依据${cite(rule, rule.alreadyAssessedArticleNumber)}第二款，不作重复评估，不要求另行${name}。`,
      })
      continue
    }
    const completed = recs.filter((r): r is CompletedRecord => r.completedOn !== null)
    if (completed.length > 0) {
      let best: { record: CompletedRecord, check: ReturnType<typeof checkRecord> } | null = null
      for (const record of completed) {
        const check = checkRecord(rule, record, ctx)
        if (!best || check.problems.length <= best.check.problems.length)
          best = { record, check }
      }
      const { record, check } = best!
      const conclusion = checkConclusion(rule, completed, meeting, discussed)
      const problems = conclusion ? [...check.problems, conclusion] : check.problems
      if (problems.length > 0) {
        findings.push(...problems)
      }
      else {
        const notes = check.notes.length > 0 ? `（${check.notes.join('；')}）` : ''
        findings.push({
          code: 'DONE',
          step: rule.step,
          ruleId: rule.id,
          recordId: record.id,
          citations: uniqueCitations(check.citations),
          message: `${name}已于${record.completedOn}完成${evidenceLabel(record)}${notes}，符合${cite(rule)}的要求。`,
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
    const base = { step: rule.step, ruleId: rule.id, citations: citationsOf(rule) }
    if (overdue === null) {
      findings.push({
        ...base,
        code: 'PENDING',
        recordId: started?.id ?? recs[0]?.id ?? null,
        message: started
          ? `${name}已于${started.startedOn}开始，尚未完成；${requirement}`
          : `${name}尚待进行；${requirement}`,
      })
    }
    else {
      findings.push({
        ...base,
        code: 'REQUIRED_MISSING',
        recordId: started?.id ?? null,
        message: started
          ? `${name}于${started.startedOn}开始但未见完成（${overdue}）；${requirement}`
          : `未见${name}记录（${overdue}）；${requirement}`,
      })
    }
  }
  findings.push(...inconsistencies(decision, ruleSet, byStep, earliestDate))
  if (ruleSet.textPartial) {
    for (const finding of findings)
      finding.message += `（注意：系统仅取得《${ruleSet.lawTitle}》的部分条文，文本不完整，以上判断以全文为准，需人工核实。）`
  }

  const position = (step: StepCode | null): number => (step === null
    ? -1
    : STEP_ORDER.indexOf(step))
  findings.sort((a, b) => position(a.step) - position(b.step))

  const decided = STATUS_RANK[decision.status] >= STATUS_RANK.DECIDED
  const hasDefect = findings.some(f => DEFECT_CODES.includes(f.code))
  const isOpen = findings.some(f => OPEN_CODES.includes(f.code))
  const verdict: Verdict = decided && hasDefect
    ? 'NON_COMPLIANT'
    : hasDefect || isOpen
      ? 'INCOMPLETE'
      : 'COMPLIANT'
  return { verdict, findings, ruleSetId: ruleSet.id }
}

function uniqueCitations(citations: Finding['citations']): Finding['citations'] {
  const seen = new Set<string>()
  return citations.filter((c) => {
    const key = `${c.lawId}|${c.number}`
    if (seen.has(key))
      return false
    seen.add(key)
    return true
  })
}

/**
 * Dates that contradict each other: a decision dated before its own collective meeting (the decision is
 * made on the basis of the meeting), or a meeting dated after the decision's publication. They are
 * flagged for a person to put right; which date is wrong the engine cannot tell.
 */
function inconsistencies(
  decision: DecisionFacts,
  ruleSet: RuleSet,
  byStep: Map<StepCode, StepRecordFacts[]>,
  earliestDate: (step: StepCode) => string | null,
): Finding[] {
  const found: Finding[] = []
  const meeting = earliestDate('COLLECTIVE_DECISION')
  const ruleOf = (step: StepCode): StepRule | undefined => ruleSet.rules.find(r => r.step === step)
  const finding = (step: StepCode, message: string): Finding => {
    const rule = ruleOf(step)
    return { code: 'INCONSISTENT', step, ruleId: rule?.id ?? null, recordId: byStep.get(step)?.[0]?.id ?? null, citations: rule ? citationsOf(rule) : [], message }
  }
  if (meeting !== null && decision.decidedOn !== null && dayNumber(decision.decidedOn) < dayNumber(meeting))
    found.push(finding('COLLECTIVE_DECISION', `决策日期${decision.decidedOn}早于本决策的集体讨论会议（${meeting}）；决定应在集体讨论的基础上作出，请核对决策日期或会议记录。`))
  const published = earliestDate('PUBLICATION')
  if (meeting !== null && published !== null && dayNumber(meeting) > dayNumber(published))
    found.push(finding('PUBLICATION', `集体讨论会议（${meeting}）晚于决策公布（${published}）；公布的应是已经集体讨论作出的决策，请核对会议或公布日期。`))
  return found
}
