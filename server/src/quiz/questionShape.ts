/**
 * The shape of a question (试题), defined once. The rules (questionRules.ts), the file format
 * (questionFile.ts), the repositories and the GraphQL types build on these; the web app reaches them
 * through the generated GraphQL types (QuestionType, QuestionInput).
 */

/** Question types (题型): SINGLE 单选, MULTIPLE 多选, TRUE_FALSE 判断, FILL_BLANK 填空. */
export const QUESTION_KINDS = ['SINGLE', 'MULTIPLE', 'TRUE_FALSE', 'FILL_BLANK'] as const

/** One of QUESTION_KINDS. */
export type QuestionKind = typeof QUESTION_KINDS[number]

/** Whether a type is answered by choosing option letters (its options are shown). */
export function isChoiceKind(type: string): boolean {
  return type === 'SINGLE' || type === 'MULTIPLE'
}

/**
 * What a trainer writes for a question, apart from what it tests: every form of a question (draft,
 * file record, stored values, GraphQL input) is this plus its own way of naming articles and topics.
 */
export interface QuestionContent {
  type: QuestionKind
  /** 题干; a FILL_BLANK stem writes each blank as ____. */
  stem: string
  /** Options A–H of a choice question; empty for TRUE_FALSE and FILL_BLANK. */
  options: string[]
  /** Option letters, TRUE or FALSE, or one accepted text per blank (alternatives separated by |). */
  answer: string[]
  /** 解析 shown after answering. */
  explanation: string
  /** 1 (easiest) – 5. */
  difficulty: number
}

/** A question's content with its tested articles and topics by id: what the repository stores. */
export interface QuestionValues extends QuestionContent {
  articleIds: string[]
  topicIds: string[]
}
