import type { LawsChangedListener } from '../law/lawEvents'
import { flagQuestionsForLawChange } from './question.repository'

/**
 * The quiz's answer to a changed law text: questions testing articles that changed or went away go
 * to the review queue (题库待复核). Subscribed with `onLawsChanged` where the program starts.
 */
export const flagQuestionsOnLawChange: LawsChangedListener = async ({ db, lawIds }) => {
  await flagQuestionsForLawChange(db, { lawIds })
}
