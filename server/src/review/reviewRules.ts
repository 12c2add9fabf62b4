import type { ReviewRatingValue } from './spacedRepetition'

/**
 * A wrong answer is a lapse: the only honest rating is AGAIN (忘记了). The web offers only that choice
 * after a wrong check; the API refuses any other, so no client can record a wrong answer as remembered.
 * Returns the refusal, or null when the rating may stand (right answer, or none given).
 */
export function ratingRefusal(correct: boolean | null, rating: ReviewRatingValue): string | null {
  if (correct === false && rating !== 'AGAIN')
    return '答错的题只能选「忘记了」，请重新评分 (a wrong answer can only be rated AGAIN).'
  return null
}
