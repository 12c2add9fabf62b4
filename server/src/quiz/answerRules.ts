/**
 * What an answer to a question may look like before it is saved or checked: choice letters among the
 * options shown, TRUE/FALSE, or one text per blank. Pure; used by attempts and review cards alike.
 */
import { badInput } from '../common/errors'

/** The longest text a person may type into one blank. */
export const BLANK_TEXT_MAX = 200

const LETTERS = 'ABCDEFGH'

/**
 * Checks an answer before it is saved: choice letters among the shown options (one for SINGLE, distinct
 * for MULTIPLE), TRUE or FALSE, or at most one text per blank. An empty list clears the answer. Returns
 * the answer as stored (letters upper-cased and sorted, texts as typed).
 */
export function checkGiven(question: { type: string, optionCount: number, blanks: number }, given: readonly string[]): string[] {
  const field = { field: 'given' }
  if (given.length === 0)
    return []
  switch (question.type) {
    case 'SINGLE':
    case 'MULTIPLE': {
      const allowed = LETTERS.slice(0, question.optionCount)
      const letters = given.map(g => g.trim().toUpperCase())
      if (letters.some(l => l.length !== 1 || !allowed.includes(l)))
        throw badInput(`答案须为选项字母 ${allowed.split('').join('、')} (given: option letters ${allowed.split('').join(', ')}).`, field)
      if (new Set(letters).size !== letters.length)
        throw badInput('同一选项只能选一次 (given: each letter once).', field)
      if (question.type === 'SINGLE' && letters.length > 1)
        throw badInput('单选题只能选一个选项 (given: a SINGLE question takes one letter).', field)
      return letters.sort()
    }
    case 'TRUE_FALSE': {
      const value = given.length === 1 ? given[0]!.trim().toUpperCase() : ''
      if (value !== 'TRUE' && value !== 'FALSE')
        throw badInput('判断题答案须为 TRUE 或 FALSE (given: TRUE or FALSE).', field)
      return [value]
    }
    case 'FILL_BLANK': {
      if (given.length > question.blanks)
        throw badInput(`本题有 ${question.blanks} 个空 (given: at most ${question.blanks} texts, one per blank).`, field)
      if (given.some(g => g.length > BLANK_TEXT_MAX))
        throw badInput(`每空最多 ${BLANK_TEXT_MAX} 字 (given: at most ${BLANK_TEXT_MAX} characters per blank).`, field)
      return [...given]
    }
    default:
      throw badInput(`未知题型 ${question.type} (unknown question type).`, field)
  }
}

/** Counts `____` blanks of a FILL_BLANK stem (the question bank writes each blank as four underscores). */
export function blanksOf(type: string, answer: readonly string[]): number {
  return type === 'FILL_BLANK' ? answer.length : 0
}
