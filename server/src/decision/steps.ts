/**
 * The procedure steps of a 重大行政决策: the one list of their codes. The zod schema of the rules file,
 * the GraphQL enum `StepCode` and (through the generated type) the web's labels all derive from it.
 */

/** The procedure steps with their Chinese names, in canonical order (findings are sorted by it). */
const STEPS = [
  { code: 'PUBLIC_PARTICIPATION', name: '公众参与' },
  { code: 'EXPERT_ARGUMENTATION', name: '专家论证' },
  { code: 'RISK_ASSESSMENT', name: '风险评估' },
  { code: 'LEGALITY_REVIEW', name: '合法性审查' },
  { code: 'COLLECTIVE_DECISION', name: '集体讨论决定' },
  { code: 'PARTY_REPORT', name: '请示报告' },
  { code: 'PUBLICATION', name: '决策公布' },
  { code: 'ARCHIVING', name: '立卷归档' },
] as const

/** Codes of the procedure steps. */
export type StepCode = typeof STEPS[number]['code']

/** The step codes in canonical order. */
export const STEP_ORDER: readonly [StepCode, ...StepCode[]] = STEPS.map(s => s.code) as [StepCode, ...StepCode[]]

/** Chinese names of the steps, as used in findings. */
export const STEP_NAMES: Record<StepCode, string> = Object.fromEntries(STEPS.map(s => [s.code, s.name])) as Record<StepCode, string>
