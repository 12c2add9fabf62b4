/**
 * The rule sets of the compliance engine: which procedure law says which step is required, and which
 * set governs a decision. Pure: no I/O.
 */
import type { StepCode } from './steps'
import { dayNumber } from './calendar'

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
