import type { LiveRunFieldsFragment } from '@/gql/graphql'
import { useI18n } from 'vue-i18n'

/** Option letters and their display, shared by the presenter and the phones. */
export function useLiveLabels() {
  const { t } = useI18n()
  /** The text of each answer key: A → 'A', TRUE → 正确. */
  const keyLabel = (key: string) => key === 'TRUE' ? t('live.true') : key === 'FALSE' ? t('live.false') : key
  /** Each option of a question as chosen: [key, text]. */
  const choices = (question: NonNullable<LiveRunFieldsFragment['question']>): [string, string][] => {
    if (question.type === 'TRUE_FALSE')
      return [['TRUE', t('live.true')], ['FALSE', t('live.false')]]
    return question.options.map((text, k) => [String.fromCharCode(65 + k), text])
  }
  /** An answer as a person reads it: 'A、C', 正确, or the blanks' texts. */
  const answerText = (answer: readonly string[] | null | undefined) => (answer ?? []).map(a => keyLabel(a.split('|')[0]!)).join('、')
  return { keyLabel, choices, answerText }
}
