import type { QuestionContent, QuestionKind } from './questionShape'
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { PageInfo } from '../common/pagination'
import { ArticleHeading } from '../law/law.type'
import { QUESTION_KINDS } from './questionShape'

/** The GraphQL enum of question types, built from QUESTION_KINDS so the list is written once. */
export const QuestionType = Object.fromEntries(QUESTION_KINDS.map(kind => [kind, kind])) as { readonly [K in QuestionKind]: K }
/** One question type (the same values as QuestionKind). */
// eslint-disable-next-line ts/no-redeclare -- a value and a type of one name, as the enum it replaces was, so its users keep `type: QuestionType`
export type QuestionType = QuestionKind
registerEnumType(QuestionType, { name: 'QuestionType', description: 'Question type (题型): SINGLE 单选, MULTIPLE 多选, TRUE_FALSE 判断, FILL_BLANK 填空.' })

export enum QuestionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(QuestionStatus, {
  name: 'QuestionStatus',
  description: 'Lifecycle (状态): DRAFT 草稿 → PUBLISHED 已发布 → RETIRED 已停用. Editing a published question makes a new version; the old one becomes SUPERSEDED 已被新版本取代 (kept for the attempts that answered it, never drawn or edited).',
})

export enum QuestionFileFormat {
  XLSX = 'XLSX',
  JSON = 'JSON',
}
registerEnumType(QuestionFileFormat, { name: 'QuestionFileFormat', description: 'File format of a question import or export: XLSX (Excel) or JSON (as seeds/questions.json).' })

@ObjectType({ description: 'An article a question tests (考查条文), with the text the trainer checks the answer against.' })
export class QuestionArticle extends ArticleHeading {
  @Field(() => String, { nullable: true, description: 'Official text; null when only a summary is held.' })
  text: string | null

  @Field(() => String, { nullable: true, description: '要点: our summary (not official text).' })
  summary: string | null

  @Field(() => String, { description: '`lawId:第N条`, the form files use.' })
  ref: string

  @Field(() => Boolean, { description: 'False when the article is no longer in the current version of its law, or the law is repealed.' })
  current: boolean
}

@ObjectType({ description: 'A knowledge point (知识点) a question is about.' })
export class QuestionTopic {
  @Field(() => ID, { description: 'Topic id.' })
  id: string

  @Field(() => String, { description: 'Name, e.g. 公众参与.' })
  name: string
}

@ObjectType({ description: 'A question of the bank (试题). Answers and explanations are visible to trainers and admins only.' })
export class Question implements QuestionContent {
  @Field(() => ID, { description: 'Id of this version (each version has its own id).' })
  id: string

  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: 'Stem (题干); blanks of a FILL_BLANK question are written ____.' })
  stem: string

  @Field(() => [String], { description: 'Options A–H of a choice question, in order; empty for TRUE_FALSE and FILL_BLANK.' })
  options: string[]

  @Access([Role.TRAINER, Role.ADMIN])
  @Field(() => [String], { description: 'Correct answer (trainers and admins only): option letters, TRUE/FALSE, or one accepted text per blank with | between alternatives.' })
  answer: string[]

  @Access([Role.TRAINER, Role.ADMIN])
  @Field(() => String, { description: 'Explanation (解析) citing the articles (trainers and admins only).' })
  explanation: string

  @Field(() => Int, { description: 'Difficulty 1 (easiest) – 5.' })
  difficulty: number

  @Field(() => QuestionStatus, { description: 'Lifecycle status.' })
  status: QuestionStatus

  @Field(() => Int, { description: 'Version number, 1 for the first.' })
  version: number

  @Field(() => ID, { description: 'Id of the first version; shared by all versions of the question.' })
  originId: string

  @Field(() => ID, { nullable: true, description: 'The version this one replaced, if any.' })
  previousVersionId: string | null

  @Field(() => ID, { nullable: true, description: 'The version that replaced this one, if it was superseded.' })
  nextVersionId: string | null

  @Field(() => Boolean, { description: 'True when a tested article changed or its law was repealed (待复核).' })
  needsReview: boolean

  @Field(() => String, { nullable: true, description: 'Why it needs review, e.g. 条文已修改/已废止.' })
  reviewReason: string | null

  @Field(() => Boolean, { description: 'True for sample data (示例).' })
  sample: boolean

  @Field(() => [QuestionArticle], { description: 'Articles it tests (at least one).' })
  articles: QuestionArticle[]

  @Field(() => [QuestionTopic], { description: 'Knowledge points.' })
  topics: QuestionTopic[]

  @Field(() => String, { description: 'Created (ISO 8601).' })
  createdAt: string

  @Field(() => String, { description: 'Last changed (ISO 8601).' })
  updatedAt: string
}

@ObjectType({ description: 'A page of questions.' })
export class QuestionPage {
  @Field(() => [Question], { description: 'The questions.' })
  items: Question[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'What happened to one row of an imported file.' })
export class ImportRowReport {
  @Field(() => Int, { description: 'Row number in the file (Excel: sheet row, header is 1; JSON: position from 1).' })
  row: number

  @Field(() => Boolean, { description: 'True when the row is valid.' })
  ok: boolean

  @Field(() => [String], { description: 'Why the row was refused (empty when ok).' })
  errors: string[]

  @Field(() => [String], { description: 'Notes that do not refuse the row, e.g. the same stem already in the bank.' })
  warnings: string[]

  @Field(() => String, { nullable: true, description: 'Start of the stem, to find the row.' })
  stem: string | null

  @Field(() => ID, { nullable: true, description: 'Id of the question created from the row, when imported.' })
  questionId: string | null
}

@ObjectType({ description: 'Result of a question import (导入报告). Nothing is imported from a file with a bad row unless importValidRows was set.' })
export class ImportReport {
  @Field(() => Boolean, { description: 'True when questions were written.' })
  committed: boolean

  @Field(() => Int, { description: 'Questions created.' })
  imported: number

  @Field(() => Int, { description: 'Rows refused.' })
  refused: number

  @Field(() => [ImportRowReport], { description: 'Every row, in file order.' })
  rows: ImportRowReport[]

  @Field(() => [ID], { description: 'Ids of the created questions.' })
  questionIds: string[]
}

@ObjectType({ description: 'An exported file.' })
export class QuestionExport {
  @Field(() => String, { description: 'Suggested file name.' })
  filename: string

  @Field(() => String, { description: 'MIME type.' })
  mimeType: string

  @Field(() => String, { description: 'The file, base64-encoded.' })
  contentBase64: string

  @Field(() => Int, { description: 'Questions in the file.' })
  count: number
}
