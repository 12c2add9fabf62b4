import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { QuestionType } from '../quiz/question.type'
import { StudyArticle } from '../quiz/quizView.type'

export enum ReviewRating {
  AGAIN = 'AGAIN',
  HARD = 'HARD',
  GOOD = 'GOOD',
  EASY = 'EASY',
}
registerEnumType(ReviewRating, { name: 'ReviewRating', description: 'How well the person remembered (FSRS rating): AGAIN 忘记了, HARD 困难, GOOD 记得, EASY 简单.' })

export enum ReviewCardState {
  NEW = 'NEW',
  LEARNING = 'LEARNING',
  REVIEW = 'REVIEW',
  RELEARNING = 'RELEARNING',
}
registerEnumType(ReviewCardState, { name: 'ReviewCardState', description: 'FSRS card state: NEW 新卡, LEARNING 学习中, REVIEW 复习中, RELEARNING 重新学习.' })

@ObjectType({ description: 'A spaced-repetition card (复习卡) of a question the person got wrong, without its answer.' })
export class ReviewCard {
  @Field(() => ID, { description: 'Card id: `<personId>:<questionId>`.' })
  id: string

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: 'Stem.' })
  stem: string

  @Field(() => [String], { description: 'Options A, B, … in order; empty for TRUE_FALSE and FILL_BLANK.' })
  options: string[]

  @Field(() => Int, { description: 'Number of blanks (FILL_BLANK); 0 otherwise.' })
  blanks: number

  @Field(() => String, { description: 'Due (ISO 8601).' })
  due: string

  @Field(() => ReviewCardState, { description: 'FSRS state.' })
  state: ReviewCardState

  @Field(() => Int, { description: 'Reviews so far.' })
  reps: number

  @Field(() => Int, { description: 'Times forgotten.' })
  lapses: number

  @Field(() => Float, { description: 'FSRS stability in days.' })
  stability: number

  @Field(() => String, { nullable: true, description: 'Last reviewed (ISO 8601).' })
  lastReview: string | null
}

@ObjectType({ description: 'What a review did: the new schedule, and now the answer.' })
export class ReviewResult {
  @Field(() => ReviewCard, { description: 'The card with its new schedule.' })
  card: ReviewCard

  @Field(() => [String], { nullable: true, description: 'The answer the person gave, if any.' })
  given: string[] | null

  @Field(() => Boolean, { nullable: true, description: 'Whether that answer was right; null when none was given.' })
  correct: boolean | null

  @Field(() => [String], { description: 'The right answer: option letters, TRUE/FALSE, or the accepted texts per blank.' })
  answer: string[]

  @Field(() => String, { description: 'Explanation (解析).' })
  explanation: string

  @Field(() => [StudyArticle], { description: 'The articles the question tests.' })
  articles: StudyArticle[]
}
