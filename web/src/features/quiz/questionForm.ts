/**
 * The question as the web app edits it, derived from the generated GraphQL types (whose source is
 * server/src/quiz/questionShape.ts): the API's input, and the bank's query result.
 */
import type { QuestionInput, QuestionType, QuizBankQuestionsQuery } from '@/gql/graphql'

/** What the editor writes back: exactly the API's input. */
export type QuestionFormValues = QuestionInput

type BankQuestion = QuizBankQuestionsQuery['questions']['items'][number]

/** A tested article as the editor shows it beside the question. */
export type PickedArticle = BankQuestion['articles'][number]

/** The question being edited, as the bank lists it. */
export type EditableQuestion = Pick<BankQuestion, 'id' | 'type' | 'stem' | 'options' | 'answer' | 'explanation' | 'difficulty' | 'status' | 'version'> & {
  articles: PickedArticle[]
  topics: Pick<BankQuestion['topics'][number], 'id'>[]
}

/**
 * The order in which the editor and the bank's filter offer the types. The SDL sorts enum values by
 * name, so the order is the web's; `satisfies` fails the build when the schema gains or loses a type.
 */
const TYPE_ORDER = { SINGLE: 1, MULTIPLE: 2, TRUE_FALSE: 3, FILL_BLANK: 4 } as const satisfies Record<QuestionType, number>

/** Every question type, in display order. */
export const QUESTION_TYPES = (Object.keys(TYPE_ORDER) as QuestionType[]).sort((a, b) => TYPE_ORDER[a] - TYPE_ORDER[b])

/** Whether a type is answered by choosing option letters. */
export function isChoiceType(type: QuestionType): boolean {
  return type === 'SINGLE' || type === 'MULTIPLE'
}
