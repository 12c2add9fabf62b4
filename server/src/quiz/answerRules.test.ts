import { describe, expect, it } from 'vitest'
import { checkGiven } from './answerRules'

describe('saved answers', () => {
  const single = { type: 'SINGLE', optionCount: 4, blanks: 0 }
  it('accepts option letters of the shown options, TRUE/FALSE, one text per blank, or nothing', () => {
    expect(checkGiven(single, ['c'])).toEqual(['C'])
    expect(checkGiven({ ...single, type: 'MULTIPLE' }, ['D', 'A'])).toEqual(['A', 'D'])
    expect(checkGiven({ type: 'TRUE_FALSE', optionCount: 0, blanks: 0 }, ['false'])).toEqual(['FALSE'])
    expect(checkGiven({ type: 'FILL_BLANK', optionCount: 0, blanks: 2 }, [' 甲 ', ''])).toEqual([' 甲 ', ''])
    expect(checkGiven(single, [])).toEqual([])
  })

  it('refuses anything else with a message saying what is allowed', () => {
    expect(() => checkGiven(single, ['E'])).toThrow(/option letters A, B, C, D/)
    expect(() => checkGiven(single, ['A', 'B'])).toThrow(/one letter/)
    expect(() => checkGiven({ ...single, type: 'MULTIPLE' }, ['A', 'a'])).toThrow(/each letter once/)
    expect(() => checkGiven({ type: 'TRUE_FALSE', optionCount: 0, blanks: 0 }, ['YES'])).toThrow(/TRUE or FALSE/)
    expect(() => checkGiven({ type: 'FILL_BLANK', optionCount: 0, blanks: 1 }, ['a', 'b'])).toThrow(/at most 1/)
    expect(() => checkGiven({ type: 'FILL_BLANK', optionCount: 0, blanks: 1 }, ['x'.repeat(201)])).toThrow(/200 characters/)
  })
})
