import type { Context } from '../context'
import type { QuestionValues } from './questionShape'
import { Buffer } from 'node:buffer'
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { AppError, badInput, ErrorCode } from '../common/errors'
import { decodeCursor, PageArgs, pageInfo } from '../common/pagination'
import { QuestionFilter, QuestionInput } from './question.input'
import { findQuestion, listQuestions } from './question.repository'
import { ImportReport, Question, QuestionExport, QuestionFileFormat, QuestionPage } from './question.type'
import { createQuestion, markQuestionReviewed, publishQuestion, retireQuestion, updateQuestion } from './questionEdit.repository'
import { decodeUpload, QuestionFileError, readQuestionFile, writeQuestionFile } from './questionFile'
import { exportQuestionRecords, importQuestionRows } from './questionFile.repository'

const TRAINERS = [Role.TRAINER, Role.ADMIN]

function values(input: QuestionInput): QuestionValues {
  return {
    type: input.type,
    stem: input.stem,
    options: input.options ?? [],
    answer: input.answer,
    explanation: input.explanation ?? '',
    difficulty: input.difficulty,
    articleIds: input.articleIds,
    topicIds: input.topicIds ?? [],
  }
}

@Resolver()
export class QuestionResolver {
  @Access(TRAINERS)
  @Query(() => QuestionPage, { description: 'The question bank (题库), latest versions only unless a status is given; newest first, or best match first with `text`.' })
  async questions(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => QuestionFilter, { nullable: true, description: 'What to list; the review queue is `{needsReview: true}`.' }) filter: QuestionFilter | null,
    @Ctx() { db }: Context,
  ): Promise<QuestionPage> {
    const skip = decodeCursor(after)
    const { total, items } = await listQuestions(db, filter ?? {}, skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }

  @Access(TRAINERS)
  @Query(() => Question, { nullable: true, description: 'One question (any version), or null.' })
  question(@Arg('id', () => ID, { description: 'Question id.' }) id: string, @Ctx() { db }: Context): Promise<Question | null> {
    return findQuestion(db, id)
  }

  @Access(TRAINERS)
  @Mutation(() => Question, { description: 'Writes a new question (DRAFT unless publish). Every broken rule is reported with its field.' })
  createQuestion(
    @Arg('input', () => QuestionInput, { description: 'The question.' }) input: QuestionInput,
    @Arg('publish', () => Boolean, { defaultValue: false, description: 'Publish at once.' }) publish: boolean,
    @Ctx() ctx: Context,
  ): Promise<Question> {
    return createQuestion(ctx.db, ctx.user, values(input), { publish })
  }

  @Access(TRAINERS)
  @Mutation(() => Question, { description: 'Edits a question. A DRAFT changes in place; a PUBLISHED one gets a new version (new id, returned) and the old version becomes SUPERSEDED. RETIRED and SUPERSEDED questions cannot be edited (CONFLICT).' })
  updateQuestion(
    @Arg('id', () => ID, { description: 'The question (latest version).' }) id: string,
    @Arg('input', () => QuestionInput, { description: 'Its new content.' }) input: QuestionInput,
    @Ctx() ctx: Context,
  ): Promise<Question> {
    return updateQuestion(ctx.db, ctx.user!, id, values(input))
  }

  @Access(TRAINERS)
  @Mutation(() => Question, { description: 'Publishes a DRAFT question after checking every rule again.' })
  publishQuestion(@Arg('id', () => ID, { description: 'The question.' }) id: string, @Ctx() ctx: Context): Promise<Question> {
    return publishQuestion(ctx.db, ctx.user!, id)
  }

  @Access(TRAINERS)
  @Mutation(() => Question, { description: 'Retires a question: never drawn again, cannot be edited. Refused while a published quiz lists it.' })
  retireQuestion(@Arg('id', () => ID, { description: 'The question.' }) id: string, @Ctx() ctx: Context): Promise<Question> {
    return retireQuestion(ctx.db, ctx.user!, id)
  }

  @Access(TRAINERS)
  @Mutation(() => Question, { description: 'Takes a question off the review queue (已复核) after checking it against the changed article.' })
  markQuestionReviewed(@Arg('id', () => ID, { description: 'The question.' }) id: string, @Ctx() ctx: Context): Promise<Question> {
    return markQuestionReviewed(ctx.db, ctx.user!, id)
  }

  @Access(TRAINERS)
  @Mutation(() => ImportReport, { description: 'Imports questions from an Excel or JSON file (at most 2 MB) with the columns of an export. Returns a report per row; a file with any bad row imports nothing unless importValidRows.' })
  async importQuestions(
    @Arg('format', () => QuestionFileFormat, { description: 'XLSX or JSON.' }) format: QuestionFileFormat,
    @Arg('contentBase64', () => String, { description: 'The file, base64-encoded.' }) contentBase64: string,
    @Arg('importValidRows', () => Boolean, { defaultValue: false, description: 'Import the valid rows even when others are refused.' }) importValidRows: boolean,
    @Arg('publish', () => Boolean, { defaultValue: false, description: 'Publish the imported questions at once (else DRAFT).' }) publish: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportReport> {
    let rows
    try {
      rows = await readQuestionFile(format, decodeUpload(contentBase64))
    }
    catch (error) {
      if (error instanceof QuestionFileError)
        throw /2 MB/.test(error.message) ? new AppError(ErrorCode.PAYLOAD_TOO_LARGE, error.message) : badInput(error.message, { field: 'contentBase64' })
      throw error
    }
    return importQuestionRows(ctx.db, ctx.user!, rows, { importValidRows, publish })
  }

  @Access(TRAINERS)
  @Query(() => QuestionExport, { description: 'Exports the questions matching the filter (with answers) as an Excel or JSON file that importQuestions reads back.' })
  async exportQuestions(
    @Arg('format', () => QuestionFileFormat, { description: 'XLSX or JSON.' }) format: QuestionFileFormat,
    @Arg('filter', () => QuestionFilter, { nullable: true, description: 'Which questions (default: the whole bank, latest versions).' }) filter: QuestionFilter | null,
    @Ctx() { db }: Context,
  ): Promise<QuestionExport> {
    const records = await exportQuestionRecords(db, filter ?? {})
    const bytes = await writeQuestionFile(format, records)
    const stamp = new Date().toISOString().slice(0, 10)
    return {
      filename: `xuefa-questions-${stamp}.${format === 'XLSX' ? 'xlsx' : 'json'}`,
      mimeType: format === 'XLSX' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/json',
      contentBase64: Buffer.from(bytes).toString('base64'),
      count: records.length,
    }
  }
}
