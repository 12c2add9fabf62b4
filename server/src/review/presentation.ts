/** Turns a review card read from the graph into what the API returns: never its answer. Pure. */
import type { ReviewCard } from './review.type'
import type { StoredCard } from './spacedRepetition'

/** A due card as read. */
export interface CardRow extends StoredCard {
  id: string
  questionId: string
  type: string
  stem: string
  options: string[]
  answerCount: number
}

/** A card without its answer. */
export function presentCard(row: CardRow): ReviewCard {
  return {
    id: row.id,
    questionId: row.questionId,
    type: row.type as ReviewCard['type'],
    stem: row.stem,
    options: row.type === 'SINGLE' || row.type === 'MULTIPLE' ? row.options : [],
    blanks: row.type === 'FILL_BLANK' ? row.answerCount : 0,
    due: row.due,
    state: row.state as ReviewCard['state'],
    reps: row.reps,
    lapses: row.lapses,
    stability: row.stability,
    lastReview: row.lastReview,
  }
}
