import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator'
import { Field, ID, InputType, Int } from 'type-graphql'
import { HasVisibleText } from '../common/visibleText'
import { BlueprintTargetKind, QuizKind, QuizMode, QuizReveal, QuizScoring } from './quiz.type'

@InputType({ description: 'A question of a fixed quiz.' })
export class QuizItemInput {
  @Field(() => ID, { description: 'A published question (latest version).' })
  questionId: string

  @Field(() => Int, { defaultValue: 1, description: 'Points (1–100).' })
  points: number
}

@InputType({ description: 'A blueprint row: draw `count` published questions of a law or topic with difficulty in [difficultyMin, difficultyMax].' })
export class BlueprintRowInput {
  @Field(() => BlueprintTargetKind, { description: 'Draw from a law or a topic.' })
  kind: BlueprintTargetKind

  @Field(() => ID, { description: 'Id of the law or topic.' })
  targetId: string

  @Field(() => Int, { description: 'Questions to draw (1–100).' })
  count: number

  @Field(() => Int, { defaultValue: 1, description: 'Lowest difficulty (1–5).' })
  difficultyMin: number

  @Field(() => Int, { defaultValue: 5, description: 'Highest difficulty (1–5).' })
  difficultyMax: number

  @Field(() => Int, { defaultValue: 1, description: 'Points per question (1–100).' })
  points: number
}

@InputType({ description: 'A quiz: settings plus either items (FIXED) or blueprint rows (BLUEPRINT).' })
export class QuizInput {
  @Field(() => String, { description: 'Title (2–100 characters).' })
  @MaxLength(200)
  @HasVisibleText(['标题', 'title'])
  title: string

  @Field(() => QuizMode, { defaultValue: QuizMode.PRACTICE, description: 'How it is taken.' })
  mode: QuizMode

  @Field(() => QuizKind, { description: 'FIXED with items, or BLUEPRINT with rows.' })
  kind: QuizKind

  @Field(() => Int, { nullable: true, description: 'Time limit in seconds (60–86400); null for none.' })
  @IsOptional()
  timeLimitSec?: number | null

  @Field(() => Int, { defaultValue: 60, description: 'Pass mark as a percentage of the maximum score (0–100).' })
  passScore: number

  @Field(() => Int, { nullable: true, description: 'Attempts allowed per person (1–100); null for unlimited.' })
  @IsOptional()
  attemptsAllowed?: number | null

  @Field(() => QuizScoring, { defaultValue: QuizScoring.BEST, description: 'Which attempt counts.' })
  scoring: QuizScoring

  @Field(() => String, { nullable: true, description: 'Opens (ISO 8601 date-time); null for at once.' })
  @IsOptional()
  opensAt?: string | null

  @Field(() => String, { nullable: true, description: 'Closes (ISO 8601 date-time, after opensAt); null for never.' })
  @IsOptional()
  closesAt?: string | null

  @Field(() => QuizReveal, { defaultValue: QuizReveal.AFTER_SUBMIT, description: 'When cadres see answers.' })
  reveal: QuizReveal

  @Field(() => Boolean, { defaultValue: true, description: 'Shuffle options per attempt.' })
  shuffleOptions: boolean

  @Field(() => Boolean, { defaultValue: false, description: 'Partial credit for MULTIPLE questions.' })
  multiplePartialCredit: boolean

  @Field(() => [QuizItemInput], { defaultValue: [], description: 'Questions of a FIXED quiz, in order.' })
  @ArrayMaxSize(500)
  items: QuizItemInput[]

  @Field(() => [BlueprintRowInput], { defaultValue: [], description: 'Rows of a BLUEPRINT quiz, in order.' })
  @ArrayMaxSize(50)
  blueprint: BlueprintRowInput[]
}
