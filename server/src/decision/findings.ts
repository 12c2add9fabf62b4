/**
 * What the compliance engine reports: the kinds of findings, the articles a finding rests on, the
 * verdicts, and how a finding names its law and article. Pure: no I/O.
 */
import type { StepRule } from './rules'
import type { StepCode } from './steps'

/** Kinds of findings. */
export const FINDING_CODES = [
  'DONE',
  'REQUIRED_MISSING',
  'NOT_REQUIRED',
  'OUT_OF_ORDER',
  'PERIOD_TOO_SHORT',
  'NO_EVIDENCE',
  'PENDING',
  'NO_RULE_SET',
  'UNLAWFUL_DISCUSSED',
  'NO_LEGAL_OPINION',
  'EXPLORATORY_REFORM',
  'UNCERTAIN',
  'INCONSISTENT',
] as const
export type FindingCode = typeof FINDING_CODES[number]

/** Findings that are defects of the procedure: on a decided decision they make it NON_COMPLIANT. */
export const DEFECT_CODES: readonly FindingCode[] = ['REQUIRED_MISSING', 'OUT_OF_ORDER', 'PERIOD_TOO_SHORT', 'NO_EVIDENCE', 'UNLAWFUL_DISCUSSED', 'NO_LEGAL_OPINION']

/**
 * Findings that are not defects but keep a decision from COMPLIANT: a step still to come, or something
 * a person must judge (an exploratory reform's disclosed risk, a date the holiday calendar does not
 * know, dates that contradict each other).
 */
export const OPEN_CODES: readonly FindingCode[] = ['PENDING', 'EXPLORATORY_REFORM', 'UNCERTAIN', 'INCONSISTENT']

/** An article a finding relies on; `number` is null when the law's article was not obtained (条号不详). */
export interface Citation {
  lawId: string
  lawTitle: string
  number: string | null
}

/** One result of the check, with a Chinese message citing law title and article, and the same as data. */
export interface Finding {
  code: FindingCode
  step: StepCode | null
  ruleId: string | null
  recordId: string | null
  message: string
  citations: Citation[]
}

/** Overall result. */
export const VERDICTS = ['COMPLIANT', 'INCOMPLETE', 'NON_COMPLIANT'] as const
export type Verdict = typeof VERDICTS[number]

/** 《law title》 of a rule. */
export function lawRef(rule: StepRule): string {
  return `《${rule.lawTitle}》`
}

/** Law title plus article(s); says so when the article is unknown rather than guessing a number. */
export function cite(rule: StepRule, article?: string | null): string {
  if (article)
    return `${lawRef(rule)}${article}`
  if (rule.articleUnknown || rule.articleNumbers.length === 0)
    return `${lawRef(rule)}（规定该步骤的条文未能取得，条号不详）`
  return `${lawRef(rule)}${rule.articleNumbers.join('、')}`
}

/**
 * The citations of a rule: the articles named (in order, without repeats), or when none is named the
 * articles that create the step; the law alone when those are unknown.
 */
export function citationsOf(rule: StepRule, ...numbers: (string | null | undefined)[]): Citation[] {
  const named = numbers.filter((n): n is string => typeof n === 'string' && n !== '')
  const list = named.length > 0 ? named : rule.articleUnknown ? [] : rule.articleNumbers
  if (list.length === 0)
    return [{ lawId: rule.lawId, lawTitle: rule.lawTitle, number: null }]
  return [...new Set(list)].map(number => ({ lawId: rule.lawId, lawTitle: rule.lawTitle, number }))
}
