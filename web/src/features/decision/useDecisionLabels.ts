import type { StepCode } from '@/gql/graphql'
import { useI18n } from 'vue-i18n'
import { stepLabelsZh } from './messages'

/** The procedure steps in their canonical order: the keys of the label map typed by the generated enum. */
export const STEP_CODES = Object.keys(stepLabelsZh) as StepCode[]

export const VERDICTS = ['COMPLIANT', 'INCOMPLETE', 'NON_COMPLIANT'] as const
export const STATUSES = ['DRAFT', 'IN_PROGRESS', 'DECIDED', 'PUBLISHED', 'ARCHIVED'] as const

/** Finding codes shown in red: a defect of the procedure. */
export const DEFECT_CODES = ['REQUIRED_MISSING', 'OUT_OF_ORDER', 'PERIOD_TOO_SHORT', 'NO_EVIDENCE']

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

/** Labels and colours of verdicts, steps and findings. */
export function useDecisionLabels() {
  const { t } = useI18n()
  const verdictType = (verdict: string): TagType => (verdict === 'COMPLIANT' ? 'success' : verdict === 'NON_COMPLIANT' ? 'danger' : 'warning')
  const findingType = (code: string): TagType => {
    if (DEFECT_CODES.includes(code))
      return 'danger'
    if (code === 'DONE')
      return 'success'
    if (code === 'PENDING')
      return 'primary'
    return 'info'
  }
  return {
    verdictLabel: (verdict: string) => t(`decision.verdict.${verdict}`),
    statusLabel: (status: string) => t(`decision.status.${status}`),
    stepLabel: (step: string) => t(`decision.step.${step}`),
    findingLabel: (code: string) => t(`decision.finding.${code}`),
    verdictType,
    findingType,
  }
}

/** A v4 UUID; falls back to getRandomValues where randomUUID is missing (plain-http pages). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function')
    return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0F) | 0x40
  bytes[8] = (bytes[8]! & 0x3F) | 0x80
  const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
