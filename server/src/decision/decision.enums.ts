/** The decision room's GraphQL enums, each built from the engine's own list. */
import { registerEnumType } from 'type-graphql'
import { DECISION_STATUSES } from './compliance'
import { FINDING_CODES, VERDICTS } from './findings'
import { RULE_CONDITIONS } from './rules'
import { LEGAL_OPINION_BY, LEGAL_OPINION_BY_NAMES, PARTICIPATION_METHOD_NAMES, PARTICIPATION_METHODS, REVIEW_CONCLUSION_NAMES, REVIEW_CONCLUSIONS } from './stepRecords'
import { STEP_NAMES, STEP_ORDER } from './steps'

/** A GraphQL enum whose values are the engine's own list: one source for both. */
function enumOf<const T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map(v => [v, v])) as { [K in T]: K }
}

/** Where a decision stands. */
export const DecisionStatus = enumOf(DECISION_STATUSES)
registerEnumType(DecisionStatus, {
  name: 'DecisionStatus',
  description: 'Status of a decision: DRAFT 草拟中, IN_PROGRESS 办理中, DECIDED 已作出决定, PUBLISHED 已公布, ARCHIVED 已归档.',
})

/** The procedure steps. */
export const StepCodeEnum = enumOf(STEP_ORDER)
registerEnumType(StepCodeEnum, {
  name: 'StepCode',
  description: `A procedure step of a major decision: ${STEP_ORDER.map(code => `${code} ${STEP_NAMES[code]}`).join(', ')}.`,
})

/** Overall compliance. */
export const VerdictEnum = enumOf(VERDICTS)
registerEnumType(VerdictEnum, {
  name: 'Verdict',
  description: 'Compliance verdict: COMPLIANT 合规, INCOMPLETE 进行中/无法判断 (steps pending, or flaws that can still be put right before the decision), NON_COMPLIANT 不合规 (a decided decision with a defect).',
})

/** Kinds of findings. */
export const FindingCodeEnum = enumOf(FINDING_CODES)
registerEnumType(FindingCodeEnum, {
  name: 'FindingCode',
  description: 'Kind of finding: DONE 已完成, REQUIRED_MISSING 缺失必经程序, NOT_REQUIRED 不适用, OUT_OF_ORDER 顺序颠倒, PERIOD_TOO_SHORT 期限不足, NO_EVIDENCE 缺少材料, PENDING 待进行, NO_RULE_SET 无适用规则, UNLAWFUL_DISCUSSED 经审查不合法仍提交讨论, NO_LEGAL_OPINION 未组织法律顾问或公职律师提出法律意见, EXPLORATORY_REFORM 探索性改革事项明示法律风险（需人工核实）, UNCERTAIN 无法确定（如节假日日历未收录该年度）, INCONSISTENT 日期相互矛盾.',
})

/** Ways of hearing the public (第十四条). */
export const ParticipationMethodEnum = enumOf(PARTICIPATION_METHODS)
registerEnumType(ParticipationMethodEnum, {
  name: 'ParticipationMethod',
  description: `How the public was heard (国务院令第713号 第十四条): ${PARTICIPATION_METHODS.map(m => `${m} ${PARTICIPATION_METHOD_NAMES[m]}`).join(', ')}. Only PUBLIC_COMMENT is held to the comment period of 第十五条.`,
})

/** Conclusions of a legality review. */
export const ReviewConclusionEnum = enumOf(REVIEW_CONCLUSIONS)
registerEnumType(ReviewConclusionEnum, {
  name: 'ReviewConclusion',
  description: `Conclusion of a legality review (第二十五条第二款): ${REVIEW_CONCLUSIONS.map(c => `${c} ${REVIEW_CONCLUSION_NAMES[c]}`).join(', ')}.`,
})

/** Who gave the legal opinion of a review. */
export const LegalOpinionByEnum = enumOf(LEGAL_OPINION_BY)
registerEnumType(LegalOpinionByEnum, {
  name: 'LegalOpinionBy',
  description: `Who gave the legal opinion during a legality review (第二十八条): ${LEGAL_OPINION_BY.map(c => `${c} ${LEGAL_OPINION_BY_NAMES[c]}`).join(', ')}.`,
})

/** When a rule applies. */
export const RuleConditionEnum = enumOf(RULE_CONDITIONS)
registerEnumType(RuleConditionEnum, {
  name: 'RuleCondition',
  description: 'When a step is required: ALWAYS 一律, UNLESS_CONFIDENTIAL 依法不予公开的除外, IF_TECHNICAL 专业性技术性较强的, IF_STABILITY_RISK 可能影响社会稳定公共安全的, IF_AFFECTS_PUBLIC 涉及公众或较大群体切身利益的.',
})
