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

@ObjectType({ description: 'What a review did: the new schedule, the articles to re-read and — when a quiz through which the person met the question already reveals its answers to them — the answer.' })
export class ReviewResult {
  @Field(() => ReviewCard, { description: 'The card with its new schedule.' })
  card: ReviewCard

  @Field(() => [String], { nullable: true, description: 'The answer the person gave, if any.' })
  given: string[] | null

  @Field(() => Boolean, { nullable: true, description: 'Whether that answer was right; null when none was given or the answer is not revealed.' })
  correct: boolean | null

  @Field(() => Boolean, { description: 'True when the answer and explanation are shown: some submitted attempt of the person’s met the question in a quiz that reveals its answers now (AFTER_SUBMIT, or AFTER_CLOSE once closed). False for a question met only in a NEVER quiz or an AFTER_CLOSE one still open: re-read the articles instead (答案不公开).' })
  revealed: boolean

  @Field(() => [String], { description: 'The right answer: option letters, TRUE/FALSE, or the accepted texts per blank; empty when not revealed.' })
  answer: string[]

  @Field(() => String, { description: 'Explanation (解析); empty when not revealed.' })
  explanation: string

  @Field(() => [StudyArticle], { description: 'The articles the question tests.' })
  articles: StudyArticle[]
}

@ObjectType({ description: 'An answer to a review card checked before rating (核对): whether it was right, and the answer.' })
export class ReviewCheck {
  @Field(() => [String], { nullable: true, description: 'The answer the person gave, as checked.' })
  given: string[] | null

  @Field(() => Boolean, { nullable: true, description: 'Whether that answer was right (when not, the card can only be rated AGAIN, 忘记了); null when the answer is not revealed to the person.' })
  correct: boolean | null

  @Field(() => Boolean, { description: 'True when the answer and explanation are shown (some quiz through which the person met the question reveals its answers now); false: re-read the articles instead (答案不公开).' })
  revealed: boolean

  @Field(() => [String], { description: 'The right answer: option letters, TRUE/FALSE, or the accepted texts per blank; empty when not revealed.' })
  answer: string[]

  @Field(() => String, { description: 'Explanation (解析); empty when not revealed.' })
  explanation: string

  @Field(() => [StudyArticle], { description: 'The articles the question tests.' })
  articles: StudyArticle[]
}
