import { describe, expect, it } from 'vitest'
import { ratingRefusal } from './reviewRules'

describe('rating a review card', () => {
  it('accepts only 忘记了 (AGAIN) after a wrong answer, any rating after a right one or none', () => {
    for (const rating of ['HARD', 'GOOD', 'EASY'] as const)
      expect(ratingRefusal(false, rating)).toContain('忘记了')
    expect(ratingRefusal(false, 'AGAIN')).toBeNull()
    for (const rating of ['AGAIN', 'HARD', 'GOOD', 'EASY'] as const) {
      expect(ratingRefusal(true, rating)).toBeNull()
      expect(ratingRefusal(null, rating)).toBeNull()
    }
  })
})
