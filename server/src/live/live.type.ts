import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { QuestionType } from '../quiz/question.type'
import { StudyArticle } from '../quiz/quizView.type'

export enum LiveRunState {
  LOBBY = 'LOBBY',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  ENDED = 'ENDED',
}
registerEnumType(LiveRunState, {
  name: 'LiveRunState',
  description: 'Where a live quiz is: LOBBY 等待加入, OPEN 作答中, CLOSED 本题已截止（公布答案）, ENDED 已结束.',
})

export enum LiveRole {
  HOST = 'HOST',
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(LiveRole, { name: 'LiveRole', description: 'The viewer’s part in a live quiz: HOST 主持人 (trainer or admin) or PARTICIPANT 参与者.' })

@ObjectType({ description: 'The question on screen in a live quiz: never its answer (that comes in `result` once it closes).' })
export class LiveQuestion {
  @Field(() => Int, { description: '0-based position in the run.' })
  index: number

  @Field(() => ID, { description: 'Question id.' })
  id: string

  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: 'The question text (题干).' })
  stem: string

  @Field(() => [String], { description: 'Options A, B, … in order (empty for TRUE_FALSE and FILL_BLANK).' })
  options: string[]

  @Field(() => Float, { description: 'Points it is worth in the attempt.' })
  points: number
}

@ObjectType({ description: 'How many chose one option.' })
export class LiveOptionCount {
  @Field(() => String, { description: 'A, B, … or TRUE / FALSE.' })
  option: string

  @Field(() => Int, { description: 'People who chose it (a MULTIPLE answer counts once per letter).' })
  count: number
}

@ObjectType({ description: 'The result of a closed question: for discussion in the room (公布答案).' })
export class LiveQuestionResult {
  @Field(() => [String], { description: 'The right answer: letters, TRUE/FALSE, or the accepted text of each blank.' })
  answer: string[]

  @Field(() => String, { description: 'The explanation (解析).' })
  explanation: string

  @Field(() => [LiveOptionCount], { description: 'How the room answered, per option (empty for fill-in-the-blank).' })
  distribution: LiveOptionCount[]

  @Field(() => Int, { description: 'People whose answer counted (received before the close).' })
  answeredCount: number

  @Field(() => Int, { description: 'Of those, how many were right.' })
  correctCount: number

  @Field(() => [StudyArticle], { description: 'The article(s) the question tests: the official text, or our 要点 summary labelled as such.' })
  articles: StudyArticle[]
}

@ObjectType({ description: 'One question in the end summary.' })
export class LiveQuestionSummary {
  @Field(() => Int, { description: '0-based position.' })
  index: number

  @Field(() => String, { description: 'The question text.' })
  stem: string

  @Field(() => Int, { description: 'People whose answer counted.' })
  answeredCount: number

  @Field(() => Int, { description: 'People who were right.' })
  correctCount: number

  @Field(() => Float, { description: 'Share of the joined who were right, 0–1 (正确率).' })
  correctShare: number
}

@ObjectType({ description: 'A live meeting quiz (现场答题) as the viewer may see it: the room’s public state, and the viewer’s own part.' })
export class LiveRun {
  @Field(() => ID, { description: 'Run id.' })
  id: string

  @Field(() => ID, { description: 'The study session it belongs to.' })
  sessionId: string

  @Field(() => String, { description: 'The session’s title.' })
  sessionTitle: string

  @Field(() => String, { description: 'The quiz’s title.' })
  quizTitle: string

  @Field(() => String, { description: 'Six digits to join with (加入码).' })
  joinCode: string

  @Field(() => LiveRunState, { description: 'Where the run is.' })
  state: LiveRunState

  @Field(() => Int, { description: '0-based index of the current question; -1 before the first.' })
  questionIndex: number

  @Field(() => Int, { description: 'Questions in the run.' })
  questionCount: number

  @Field(() => Int, { description: 'Seconds each question stays open (the host can extend one).' })
  secondsPerQuestion: number

  @Field(() => String, { nullable: true, description: 'When the current question opened (ISO 8601).' })
  openedAt: string | null

  @Field(() => String, { nullable: true, description: 'When the current question closes or closed (ISO 8601); answers received before it count.' })
  closesAt: string | null

  @Field(() => String, { description: 'The server’s time when this state was sent (ISO 8601), so a countdown can allow for a device’s clock.' })
  serverTime: string

  @Field(() => Int, { description: 'People who have joined.' })
  joinedCount: number

  @Field(() => Int, { description: 'People who have answered the current question so far.' })
  answeredCount: number

  @Field(() => LiveQuestion, { nullable: true, description: 'The current question (OPEN or CLOSED), without its answer.' })
  question: LiveQuestion | null

  @Field(() => LiveQuestionResult, { nullable: true, description: 'The current question’s result, once it has closed; null while it is open.' })
  result: LiveQuestionResult | null

  @Field(() => [LiveQuestionSummary], { description: 'Per question, how the room did; filled when the run has ended.' })
  summary: LiveQuestionSummary[]

  @Field(() => LiveRole, { description: 'The viewer’s part.' })
  role: LiveRole

  @Field(() => [String], { nullable: true, description: 'The viewer’s latest answer to the current question (null: none).' })
  myAnswer: string[] | null

  @Field(() => Boolean, { nullable: true, description: 'Once the question has closed: whether the viewer’s counted answer was right (null: no answer counted, or not a participant).' })
  myCorrect: boolean | null

  @Field(() => Int, { nullable: true, description: 'When the run has ended: how many questions the viewer got right.' })
  myCorrectCount: number | null
}

@ObjectType({ description: 'The server’s receipt of a live answer.' })
export class LiveAnswerReceipt {
  @Field(() => ID, { description: 'The run.' })
  runId: string

  @Field(() => Int, { description: 'The question answered (0-based).' })
  questionIndex: number

  @Field(() => [String], { description: 'The answer as recorded.' })
  given: string[]

  @Field(() => String, { description: 'When the server received it (ISO 8601); it counts because that is before the close.' })
  receivedAt: string
}
