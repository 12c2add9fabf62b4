/**
 * What the engine checks in one completed step record against its rule: evidence, the periods of
 * 第十五条 and 第二十六条 (with their "一般"), the legal opinion of 第二十八条 and the order of steps;
 * and, over all review records, the conclusion of 第二十五条第二款. Pure: no I/O.
 */
import type { Citation, Finding } from './findings'
import type { StepRule } from './rules'
import type { StepRecordFacts } from './stepRecords'
import type { StepCode } from './steps'
import { calendarDaysBetween, dayBefore, dayNumber, workingDaysBetween } from './calendar'
import { citationsOf, cite } from './findings'
import { LEGAL_OPINION_BY_NAMES, PARTICIPATION_METHOD_NAMES, REVIEW_CONCLUSION_NAMES } from './stepRecords'
import { STEP_NAMES } from './steps'

/** A record with its completion date. */
export type CompletedRecord = StepRecordFacts & { completedOn: string }

/** What a record check needs to know of the other steps. */
export interface StepContext {
  /** Steps that must not start before `step` is completed (listed and implied). */
  successors: (step: StepCode) => StepCode[]
  /** The earliest date recorded for a step, or null. */
  earliestDate: (step: StepCode) => string | null
}

/** The problems of a record, the notes a DONE finding adds, and the articles that were checked. */
export interface RecordCheck {
  problems: Finding[]
  notes: string[]
  citations: Citation[]
}

function shortened(rule: StepRule, record: StepRecordFacts): string | null {
  const reason = record.shortenedReason?.trim()
  return rule.periodShortenable && reason ? reason : null
}

/** 第十五条: the comment period of a public call, "一般" 30 days unless a reason was stated. */
function checkDays(rule: StepRule, record: CompletedRecord, base: Omit<Finding, 'code' | 'message' | 'citations'>, out: RecordCheck): void {
  if (rule.minDays === null || record.startedOn === null)
    return
  const name = STEP_NAMES[rule.step]
  const methods = record.methods ?? []
  if (rule.periodMethods && methods.length > 0 && !methods.some(m => rule.periodMethods!.includes(m))) {
    out.notes.push(`以${methods.map(m => PARTICIPATION_METHOD_NAMES[m]).join('、')}方式听取意见，${cite(rule, rule.periodArticleNumber)}关于征求意见期限的要求针对向社会公开征求意见，不适用于此`)
    return
  }
  out.citations.push(...citationsOf(rule, rule.periodArticleNumber))
  const days = calendarDaysBetween(record.startedOn, record.completedOn)
  if (days >= rule.minDays)
    return
  const reason = shortened(rule, record)
  if (reason) {
    out.notes.push(`征求意见期限${days}日，短于通常的${rule.minDays}日，记录表明公开征求意见时已说明缩短理由：“${reason}”`)
    return
  }
  out.problems.push({
    ...base,
    code: 'PERIOD_TOO_SHORT',
    citations: citationsOf(rule, rule.periodArticleNumber),
    message: `${name}期间自${record.startedOn}至${record.completedOn}仅${days}日（起始日不计入），少于${cite(rule, rule.periodArticleNumber)}通常要求的${rule.minDays}日；记录中未见公开征求意见时说明的缩短理由（如因情况紧急等原因缩短，须在当时予以说明）。`,
  })
}

/**
 * 第二十六条: the working days the sender left the reviewer. With `periodUntil` they run from the 送审日
 * (else the record's start) to the day before that step, since the draft must be back before it goes to
 * the meeting and a reviewer who finishes early breaks nothing; without a recorded meeting it cannot be
 * judged yet. Days in a year the holiday calendar does not know make the finding UNCERTAIN.
 */
function checkWorkingDays(rule: StepRule, record: CompletedRecord, ctx: StepContext, base: Omit<Finding, 'code' | 'message' | 'citations'>, out: RecordCheck): void {
  if (rule.minWorkingDays === null)
    return
  const name = STEP_NAMES[rule.step]
  const from = rule.periodUntil ? (record.submittedOn ?? record.startedOn) : record.startedOn
  const until = rule.periodUntil ? ctx.earliestDate(rule.periodUntil) : record.completedOn
  if (from === null || until === null)
    return
  const last = rule.periodUntil ? dayBefore(until) : until
  const span = rule.periodUntil
    ? `自${from}送审至${until}${STEP_NAMES[rule.periodUntil]}（送审当日和会议当日不计）`
    : `自${from}送交至${until}完成（起始日不计）`
  out.citations.push(...citationsOf(rule, rule.periodArticleNumber))
  const days = dayNumber(last) <= dayNumber(from) ? 0 : workingDaysBetween(from, last)
  if (days === null) {
    out.problems.push({
      ...base,
      code: 'UNCERTAIN',
      citations: citationsOf(rule, rule.periodArticleNumber),
      message: `${name}${span}的工作日数无法确定：所用节假日日历尚未收录该年度的法定节假日和调休安排；请人工核对是否保证了${cite(rule, rule.periodArticleNumber)}通常要求的${rule.minWorkingDays}个工作日。`,
    })
    return
  }
  if (days >= rule.minWorkingDays)
    return
  const reason = shortened(rule, record)
  if (reason) {
    out.notes.push(`审查时间${days}个工作日，短于通常的${rule.minWorkingDays}个工作日，记录的理由为：“${reason}”`)
    return
  }
  out.problems.push({
    ...base,
    code: 'PERIOD_TOO_SHORT',
    citations: citationsOf(rule, rule.periodArticleNumber),
    message: `${name}${span}仅${days}个工作日（按国家法定节假日和调休安排计），少于${cite(rule, rule.periodArticleNumber)}送请审查时通常应保证的${rule.minWorkingDays}个工作日；记录中未见缩短的理由。`,
  })
}

/** 第二十八条: a legal opinion by 法律顾问 or 公职律师 during the review. */
function checkLegalOpinion(rule: StepRule, record: CompletedRecord, base: Omit<Finding, 'code' | 'message' | 'citations'>, out: RecordCheck): void {
  const article = rule.legalOpinionArticleNumber
  if (!article)
    return
  const name = STEP_NAMES[rule.step]
  out.citations.push(...citationsOf(rule, article))
  const by = record.legalOpinionBy ?? null
  if (by !== null && by !== 'NONE') {
    out.notes.push(`由${LEGAL_OPINION_BY_NAMES[by]}提出法律意见`)
    return
  }
  out.problems.push({
    ...base,
    code: 'NO_LEGAL_OPINION',
    citations: citationsOf(rule, article),
    message: by === 'NONE'
      ? `${name}记录表明审查过程中未组织法律顾问、公职律师提出法律意见，不符合${cite(rule, article)}的要求。`
      : `${name}记录未记录审查过程中是否组织法律顾问、公职律师提出法律意见，无法核实已依${cite(rule, article)}履行；请补充记录（记录谁提出了法律意见）。`,
  })
}

/** All problems of one completed record under its rule (an empty list means the record is DONE). */
export function checkRecord(rule: StepRule, record: CompletedRecord, ctx: StepContext): RecordCheck {
  const name = STEP_NAMES[rule.step]
  const out: RecordCheck = { problems: [], notes: [], citations: citationsOf(rule) }
  const base = { step: rule.step, ruleId: rule.id, recordId: record.id }
  if (!record.evidence.some(e => e.title.trim() !== '')) {
    out.problems.push({
      ...base,
      code: 'NO_EVIDENCE',
      citations: citationsOf(rule),
      message: `${name}记录（完成于${record.completedOn}）未附任何证明材料，无法核实已按${cite(rule)}履行该步骤。`,
    })
  }
  checkDays(rule, record, base, out)
  checkWorkingDays(rule, record, ctx, base, out)
  checkLegalOpinion(rule, record, base, out)
  if (record.conclusion)
    out.notes.push(`审查结论：${REVIEW_CONCLUSION_NAMES[record.conclusion]}`)
  for (const later of ctx.successors(rule.step)) {
    const laterDate = ctx.earliestDate(later)
    if (laterDate === null || dayNumber(record.completedOn) <= dayNumber(laterDate))
      continue
    const implied = !rule.before.includes(later)
    out.problems.push({
      ...base,
      code: 'OUT_OF_ORDER',
      citations: citationsOf(rule),
      message: `${name}完成于${record.completedOn}，晚于${STEP_NAMES[later]}（${laterDate}）；依据${cite(rule)}，${name}应当在${STEP_NAMES[later]}之前完成${implied ? '（审查的作用在于为提交讨论的草案把关，此先后顺序是该步骤的应有之义）' : ''}。`,
    })
  }
  return out
}

/**
 * 第二十五条第二款: the conclusion that governs is that of the latest review completed by the meeting
 * (a later review of the changed draft can put an unlawful one right; a later unlawful one undoes an
 * earlier lawful one). An unlawful draft that was discussed is a defect unless it was an exploratory
 * reform with its legal risk disclosed, which is shown for a person to judge; one not yet discussed
 * holds the step open. Null when no review states a conclusion or the governing one is not unlawful.
 */
export function checkConclusion(rule: StepRule, completed: CompletedRecord[], meeting: string | null, discussed: boolean): Finding | null {
  const article = rule.conclusionArticleNumber
  if (!article)
    return null
  const candidates = completed
    .filter(r => r.conclusion && (meeting === null || dayNumber(r.completedOn) <= dayNumber(meeting)))
    .sort((a, b) => dayNumber(a.completedOn) - dayNumber(b.completedOn) || Date.parse(a.recordedAt) - Date.parse(b.recordedAt))
  const governing = candidates.at(-1)
  if (!governing || governing.conclusion !== 'UNLAWFUL')
    return null
  const name = STEP_NAMES[rule.step]
  const base = { step: rule.step, ruleId: rule.id, recordId: governing.id, citations: citationsOf(rule, article) }
  if (!discussed) {
    return {
      ...base,
      code: 'PENDING',
      message: `${name}于${governing.completedOn}认定决策草案不合法；依据${cite(rule, article)}第二款，经审查不合法的，不得提交决策机关讨论，须修改后重新送审并经审查认定合法。`,
    }
  }
  const when = meeting ? `于${meeting}` : ''
  if (governing.exploratoryReform) {
    return {
      ...base,
      code: 'EXPLORATORY_REFORM',
      message: `${name}于${governing.completedOn}认定草案不合法，记录表明该事项系国家尚无明确规定的探索性改革决策事项，已明示法律风险后${when}提交讨论（${cite(rule, article)}第二款的例外）；是否符合该例外须由法律顾问人工核实，系统不自动认定合规。`,
    }
  }
  return {
    ...base,
    code: 'UNLAWFUL_DISCUSSED',
    message: `${name}于${governing.completedOn}认定草案不合法，此后至集体讨论前未见认定合法的重新审查，草案仍${when}提交决策机关讨论；依据${cite(rule, article)}第二款，经审查不合法的不得提交决策机关讨论。`,
  }
}
