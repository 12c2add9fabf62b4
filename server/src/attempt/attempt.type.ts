import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { PageInfo } from '../common/pagination'
import { Person } from '../org/org.type'
import { QuestionType } from '../quiz/question.type'
import { StudyArticle, StudyQuiz } from '../quiz/quizView.type'

export enum AttemptStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(AttemptStatus, { name: 'AttemptStatus', description: 'IN_PROGRESS 作答中 or SUBMITTED 已交卷 (by the person, or by the server when the time ran out).' })

@ObjectType({ description: 'An attempt as listed: status and score.' })
export class AttemptSummary {
  @Field(() => ID, { description: 'Attempt id.' })
  id: string

  @Field(() => ID, { description: 'The quiz.' })
  quizId: string

  @Field(() => String, { description: 'Title of the quiz.' })
  quizTitle: string

  @Field(() => AttemptStatus, { description: 'In progress or submitted.' })
  status: AttemptStatus

  @Field(() => String, { description: 'Started (ISO 8601).' })
  startedAt: string

  @Field(() => String, { nullable: true, description: 'When the time runs out (ISO 8601); null for no limit.' })
  deadline: string | null

  @Field(() => String, { nullable: true, description: 'Submitted (ISO 8601).' })
  submittedAt: string | null

  @Field(() => Float, { nullable: true, description: 'Score; null until submitted.' })
  score: number | null

  @Field(() => Int, { description: 'Maximum score.' })
  maxScore: number

  @Field(() => Boolean, { nullable: true, description: 'Whether the score reaches the pass mark; null until submitted.' })
  passed: boolean | null

  @Field(() => Boolean, { description: 'True when the server submitted it because the time ran out.' })
  autoSubmitted: boolean
}

@ObjectType({ description: 'One question of an attempt as the person sees it: options in the order shown, the saved answer, and — only once the quiz’s reveal policy allows — the right answer, explanation and article texts.' })
export class AttemptItem {
  @Field(() => Int, { description: 'Position, from 1.' })
  order: number

  @Field(() => Float, { description: 'Points.' })
  points: number

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: 'Stem; blanks of a FILL_BLANK question are written ____.' })
  stem: string

  @Field(() => [String], { description: 'Options as shown (letters A, B, … in this order); empty for TRUE_FALSE and FILL_BLANK.' })
  options: string[]

  @Field(() => Int, { description: 'Number of blanks of a FILL_BLANK question; 0 otherwise.' })
  blanks: number

  @Field(() => [String], { nullable: true, description: 'The saved answer: letters of the options as shown, TRUE/FALSE, or one text per blank; null when not answered.' })
  given: string[] | null

  @Field(() => String, { nullable: true, description: 'When the answer was last saved (ISO 8601).' })
  savedAt: string | null

  @Field(() => Float, { nullable: true, description: 'Points earned; null until revealed.' })
  earned: number | null

  @Field(() => Boolean, { nullable: true, description: 'Whether the answer earned full points; null until revealed.' })
  correct: boolean | null

  @Field(() => [String], { nullable: true, description: 'The right answer in the letters as shown (or TRUE/FALSE, or the accepted texts per blank); null until revealed.' })
  answer: string[] | null

  @Field(() => String, { nullable: true, description: 'Explanation (解析); null until revealed.' })
  explanation: string | null

  @Field(() => [StudyArticle], { nullable: true, description: 'The articles the question tests, with their text; null until revealed.' })
  articles: StudyArticle[] | null
}

@ObjectType({ description: 'An attempt at a quiz (答卷) with its questions. Answers, explanations and correctness appear only as the quiz’s reveal policy allows.' })
export class Attempt extends AttemptSummary {
  @Field(() => StudyQuiz, { description: 'The quiz.' })
  quiz: StudyQuiz

  @Field(() => Person, { nullable: true, description: 'Whose attempt it is.' })
  person: Person | null

  @Field(() => String, { description: 'The server’s clock now (ISO 8601), to count down to the deadline.' })
  serverNow: string

  @Field(() => Boolean, { description: 'True when answers, explanations and correctness are shown.' })
  revealed: boolean

  @Field(() => [AttemptItem], { description: 'The questions in order.' })
  items: AttemptItem[]
}

@ObjectType({ description: 'A page of attempts.' })
export class AttemptPage {
  @Field(() => [AttemptSummary], { description: 'The attempts, newest first.' })
  items: AttemptSummary[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'A saved answer.' })
export class SavedAnswer {
  @Field(() => ID, { description: 'The attempt.' })
  attemptId: string

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => [String], { description: 'The answer as stored.' })
  given: string[]

  @Field(() => String, { description: 'Saved at (ISO 8601).' })
  savedAt: string

  @Field(() => String, { nullable: true, description: 'Deadline of the attempt (ISO 8601); null for none.' })
  deadline: string | null
}
