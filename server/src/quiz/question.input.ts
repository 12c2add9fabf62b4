import type { QuestionValues } from './questionShape'
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator'
import { Field, ID, InputType, Int } from 'type-graphql'
import { HasVisibleText } from '../common/visibleText'
import { QuestionStatus, QuestionType } from './question.type'
import { QUESTION_LIMITS } from './questionRules'
import { MAX_QUESTION_SEARCH } from './questionSearch'

@InputType({ description: 'A question as the trainer writes it. Rules per type are checked on save (see questionRules.ts); every broken rule is reported with its field.' })
export class QuestionInput implements QuestionValues {
  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: `Stem, ${QUESTION_LIMITS.stemMin}–${QUESTION_LIMITS.stemMax} characters; FILL_BLANK blanks written ____ (four underscores).` })
  @MaxLength(QUESTION_LIMITS.stemMax * 2)
  @HasVisibleText(['题干', 'stem'])
  stem: string

  @Field(() => [String], { defaultValue: [], description: 'Options A–H (2–8, unique) for SINGLE/MULTIPLE; empty for TRUE_FALSE and FILL_BLANK.' })
  @ArrayMaxSize(20)
  @HasVisibleText(['选项', 'option'], { each: true })
  options: string[]

  @Field(() => [String], { description: 'Answer: option letters (SINGLE one, MULTIPLE two or more), TRUE or FALSE, or one accepted text per blank (alternatives separated by |).' })
  @ArrayMaxSize(20)
  answer: string[]

  @Field(() => String, { defaultValue: '', description: 'Explanation (解析) shown after answering; cite the article.' })
  @MaxLength(QUESTION_LIMITS.explanationMax * 2)
  explanation: string

  @Field(() => Int, { description: 'Difficulty 1 (easiest) – 5.' })
  difficulty: number

  @Field(() => [ID], { description: 'Ids of the articles the question tests (at least one, in the current version of their law).' })
  @ArrayMaxSize(50)
  articleIds: string[]

  @Field(() => [ID], { defaultValue: [], description: 'Ids of knowledge points (知识点).' })
  @ArrayMaxSize(50)
  topicIds: string[]
}

@InputType({ description: 'Filter of the question bank. By default only the latest version of each question is listed (SUPERSEDED versions only when asked for by status).' })
export class QuestionFilter {
  @Field(() => String, { nullable: true, description: `Words in the stem or explanation (full-text, at most ${MAX_QUESTION_SEARCH} characters).` })
  @IsOptional()
  @MaxLength(MAX_QUESTION_SEARCH)
  text?: string | null

  @Field(() => ID, { nullable: true, description: 'Questions testing this article.' })
  @IsOptional()
  articleId?: string | null

  @Field(() => ID, { nullable: true, description: 'Questions about this topic.' })
  @IsOptional()
  topicId?: string | null

  @Field(() => ID, { nullable: true, description: 'Questions testing an article of this law (any version).' })
  @IsOptional()
  lawId?: string | null

  @Field(() => QuestionType, { nullable: true, description: 'Only this type.' })
  @IsOptional()
  type?: QuestionType | null

  @Field(() => QuestionStatus, { nullable: true, description: 'Only this status (default: all but SUPERSEDED).' })
  @IsOptional()
  status?: QuestionStatus | null

  @Field(() => Boolean, { nullable: true, description: 'True for the review queue (待复核): questions whose tested article changed.' })
  @IsOptional()
  needsReview?: boolean | null

  @Field(() => Boolean, { nullable: true, description: 'True for sample questions only, false for real ones only.' })
  @IsOptional()
  sample?: boolean | null
}
