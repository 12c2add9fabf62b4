import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { PageInfo } from '../common/pagination'
import { Question } from './question.type'

export enum QuizMode {
  PRACTICE = 'PRACTICE',
  EXAM = 'EXAM',
  LIVE = 'LIVE',
}
registerEnumType(QuizMode, { name: 'QuizMode', description: 'How a quiz is taken: PRACTICE 练习, EXAM 考试, LIVE 现场答题 (in the meeting room).' })

export enum QuizScoring {
  BEST = 'BEST',
  LAST = 'LAST',
}
registerEnumType(QuizScoring, { name: 'QuizScoring', description: 'Which attempt counts when several are allowed: BEST 最高分 or LAST 最后一次.' })

export enum QuizReveal {
  AFTER_SUBMIT = 'AFTER_SUBMIT',
  AFTER_CLOSE = 'AFTER_CLOSE',
  NEVER = 'NEVER',
}
registerEnumType(QuizReveal, { name: 'QuizReveal', description: 'When a cadre sees the answers and explanations: AFTER_SUBMIT 交卷后, AFTER_CLOSE 截止后, NEVER 不公布.' })

export enum QuizKind {
  FIXED = 'FIXED',
  BLUEPRINT = 'BLUEPRINT',
}
registerEnumType(QuizKind, { name: 'QuizKind', description: 'FIXED 固定试卷 (the same listed questions for everyone) or BLUEPRINT 随机抽题 (each attempt draws by the rows).' })

export enum QuizStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(QuizStatus, { name: 'QuizStatus', description: 'DRAFT 草稿 (not visible to cadres) or PUBLISHED 已发布.' })

export enum BlueprintTargetKind {
  LAW = 'LAW',
  TOPIC = 'TOPIC',
}
registerEnumType(BlueprintTargetKind, { name: 'BlueprintTargetKind', description: 'What a blueprint row draws from: LAW 法规 (questions testing any of its articles) or TOPIC 知识点.' })

@ObjectType({ description: 'A question of a fixed quiz, with its place and points.' })
export class QuizItem {
  @Field(() => Int, { description: 'Position, from 1.' })
  order: number

  @Field(() => Int, { description: 'Points.' })
  points: number

  @Field(() => Question, { description: 'The question.' })
  question: Question
}

@ObjectType({ description: 'A blueprint row (抽题规则): draw `count` published questions of a law or topic within a difficulty band.' })
export class BlueprintRow {
  @Field(() => Int, { description: 'Position, from 1.' })
  order: number

  @Field(() => BlueprintTargetKind, { description: 'Law or topic.' })
  kind: BlueprintTargetKind

  @Field(() => ID, { description: 'Id of the law or topic.' })
  targetId: string

  @Field(() => String, { description: 'Its title or name.' })
  targetName: string

  @Field(() => Int, { description: 'Questions to draw.' })
  count: number

  @Field(() => Int, { description: 'Lowest difficulty drawn.' })
  difficultyMin: number

  @Field(() => Int, { description: 'Highest difficulty drawn.' })
  difficultyMax: number

  @Field(() => Int, { description: 'Points per question.' })
  points: number

  @Field(() => Int, { description: 'Published questions the row can draw from now.' })
  available: number
}

@ObjectType({ description: 'A quiz (测验/试卷): its settings and either its questions (FIXED) or its blueprint (BLUEPRINT).' })
export class Quiz {
  @Field(() => ID, { description: 'Stable id.' })
  id: string

  @Field(() => String, { description: 'Title.' })
  title: string

  @Field(() => QuizMode, { description: 'How it is taken.' })
  mode: QuizMode

  @Field(() => QuizKind, { description: 'Fixed questions or a blueprint.' })
  kind: QuizKind

  @Field(() => QuizStatus, { description: 'Draft or published.' })
  status: QuizStatus

  @Field(() => Int, { nullable: true, description: 'Time limit in seconds; null for none.' })
  timeLimitSec: number | null

  @Field(() => Int, { description: 'Pass mark as a percentage of the maximum score (0–100).' })
  passScore: number

  @Field(() => Int, { nullable: true, description: 'Attempts allowed per person; null for unlimited.' })
  attemptsAllowed: number | null

  @Field(() => QuizScoring, { description: 'Which attempt counts.' })
  scoring: QuizScoring

  @Field(() => String, { nullable: true, description: 'Opens (ISO 8601); null for at once.' })
  opensAt: string | null

  @Field(() => String, { nullable: true, description: 'Closes (ISO 8601); null for never.' })
  closesAt: string | null

  @Field(() => QuizReveal, { description: 'When answers are shown to cadres.' })
  reveal: QuizReveal

  @Field(() => Boolean, { description: 'Shuffle the options of choice questions per attempt.' })
  shuffleOptions: boolean

  @Field(() => Boolean, { description: 'MULTIPLE questions earn part of their points for a partly right answer (no wrong letter chosen).' })
  multiplePartialCredit: boolean

  @Field(() => Boolean, { description: 'Anyone signed in may take it (面向所有人); otherwise only its audience.' })
  openToAll: boolean

  @Field(() => [ID], { description: 'Organisations whose members (with their sub-units) may take it, besides the people invited to a session with it.' })
  audienceOrganizationIds: string[]

  @Field(() => Boolean, { description: 'True for sample data (示例).' })
  sample: boolean

  @Field(() => Int, { description: 'Questions per attempt.' })
  questionCount: number

  @Field(() => Int, { description: 'Maximum score.' })
  maxScore: number

  @Field(() => [QuizItem], { description: 'The questions of a FIXED quiz, in order (empty for BLUEPRINT).' })
  items: QuizItem[]

  @Field(() => [BlueprintRow], { description: 'The rows of a BLUEPRINT quiz, in order (empty for FIXED).' })
  blueprint: BlueprintRow[]

  @Field(() => String, { description: 'Created (ISO 8601).' })
  createdAt: string

  @Field(() => String, { description: 'Last changed (ISO 8601).' })
  updatedAt: string
}

@ObjectType({ description: 'A page of quizzes.' })
export class QuizPage {
  @Field(() => [Quiz], { description: 'The quizzes.' })
  items: Quiz[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'One question of a preview, as a cadre would get it, with the answer for the trainer.' })
export class QuizPreviewItem {
  @Field(() => Int, { description: 'Position, from 1.' })
  order: number

  @Field(() => Int, { description: 'Points.' })
  points: number

  @Field(() => Int, { nullable: true, description: 'Blueprint row it was drawn for (from 1); null for a fixed quiz.' })
  row: number | null

  @Field(() => Question, { description: 'The question (options in their original order).' })
  question: Question

  @Field(() => [String], { description: 'Options in the order shown to the cadre (shuffled when the quiz shuffles options).' })
  displayedOptions: string[]

  @Access([Role.TRAINER, Role.ADMIN])
  @Field(() => [String], { description: 'The answer in the shown order’s letters (trainers and admins only).' })
  displayedAnswer: string[]
}

@ObjectType({ description: 'A sample draw of a quiz for the trainer (预览).' })
export class QuizPreview {
  @Field(() => ID, { description: 'The quiz.' })
  quizId: string

  @Field(() => String, { description: 'Seed of this draw; the same seed gives the same draw.' })
  seed: string

  @Field(() => Int, { description: 'Maximum score.' })
  maxScore: number

  @Field(() => [QuizPreviewItem], { description: 'The questions in order.' })
  items: QuizPreviewItem[]
}

@ObjectType({ description: 'What one blueprint row can draw now.' })
export class BlueprintRowCapacity {
  @Field(() => Int, { description: 'Position of the row in the request, from 1.' })
  order: number

  @Field(() => BlueprintTargetKind, { description: 'Law or topic.' })
  kind: BlueprintTargetKind

  @Field(() => ID, { description: 'Id of the law or topic.' })
  targetId: string

  @Field(() => String, { nullable: true, description: 'Its title or name; null when it does not exist.' })
  targetName: string | null

  @Field(() => Int, { description: 'Questions the row asks for.' })
  requested: number

  @Field(() => Int, { description: 'Published questions (not awaiting review) in the law or topic and band.' })
  available: number

  @Field(() => Boolean, { description: 'True when the row can be filled (also counting questions other rows share).' })
  enough: boolean
}

@ObjectType({ description: 'Live capacity of a blueprint (for the quiz builder).' })
export class BlueprintCapacity {
  @Field(() => [BlueprintRowCapacity], { description: 'Per row.' })
  rows: BlueprintRowCapacity[]

  @Field(() => Boolean, { description: 'True when the whole blueprint can be drawn.' })
  feasible: boolean

  @Field(() => [String], { description: 'What is short, one message per row.' })
  shortages: string[]
}
