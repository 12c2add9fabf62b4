import type { Context } from '../context'
import type { QuizValues } from './quiz.repository'
import { randomUUID } from 'node:crypto'
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { badInput } from '../common/errors'
import { decodeCursor, PageArgs, pageInfo } from '../common/pagination'
import { BlueprintRowInput, QuizInput } from './quiz.input'
import { blueprintCapacity, createQuiz, findQuiz, listQuizzes, previewQuiz, publishQuiz, updateQuiz } from './quiz.repository'
import { BlueprintCapacity, Quiz, QuizPage, QuizPreview } from './quiz.type'

const TRAINERS = [Role.TRAINER, Role.ADMIN]

function quizValues(input: QuizInput): QuizValues {
  return {
    title: input.title,
    mode: input.mode,
    kind: input.kind,
    timeLimitSec: input.timeLimitSec ?? null,
    passScore: input.passScore,
    attemptsAllowed: input.attemptsAllowed ?? null,
    scoring: input.scoring,
    opensAt: input.opensAt || null,
    closesAt: input.closesAt || null,
    reveal: input.reveal,
    shuffleOptions: input.shuffleOptions,
    multiplePartialCredit: input.multiplePartialCredit,
    items: (input.items ?? []).map(i => ({ questionId: i.questionId, points: i.points })),
    blueprint: (input.blueprint ?? []).map(rowValues),
    openToAll: input.openToAll ?? undefined,
    audienceOrganizationIds: input.audienceOrganizationIds ?? undefined,
  }
}

function rowValues(r: BlueprintRowInput) {
  return { kind: r.kind, targetId: r.targetId, count: r.count, difficultyMin: r.difficultyMin, difficultyMax: r.difficultyMax, points: r.points }
}

@Resolver()
export class QuizResolver {
  @Access(TRAINERS)
  @Query(() => Quiz, { nullable: true, description: 'One quiz with its questions or blueprint, or null.' })
  quiz(@Arg('id', () => ID, { description: 'Quiz id.' }) id: string, @Ctx() { db }: Context): Promise<Quiz | null> {
    return findQuiz(db, id)
  }

  @Access(TRAINERS)
  @Query(() => QuizPage, { description: 'All quizzes (组卷), newest first.' })
  async quizzes(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() { db }: Context): Promise<QuizPage> {
    const skip = decodeCursor(after)
    const { total, items } = await listQuizzes(db, skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }

  @Access(TRAINERS)
  @Query(() => BlueprintCapacity, { description: 'How many published questions each blueprint row can draw now, and whether the whole blueprint can be drawn (live count for the quiz builder).' })
  blueprintCapacity(
    @Arg('rows', () => [BlueprintRowInput], { description: 'The rows being edited.' }) rows: BlueprintRowInput[],
    @Ctx() { db }: Context,
  ): Promise<BlueprintCapacity> {
    if (rows.length > 50)
      throw badInput('抽题规则最多 50 行 (at most 50 rows).', { field: 'rows' })
    return blueprintCapacity(db, rows.map(rowValues))
  }

  @Access(TRAINERS)
  @Query(() => QuizPreview, { description: 'A sample draw of the quiz as a cadre would get it, with answers (trainers only). The same seed gives the same draw.' })
  previewQuiz(
    @Arg('quizId', () => ID, { description: 'The quiz.' }) quizId: string,
    @Arg('seed', () => String, { nullable: true, description: 'Seed of the draw; a random one when omitted (returned).' }) seed: string | null,
    @Ctx() { db }: Context,
  ): Promise<QuizPreview> {
    if (seed && seed.length > 100)
      throw badInput('种子最长 100 字符 (seed: at most 100 characters).', { field: 'seed' })
    return previewQuiz(db, quizId, seed || randomUUID().slice(0, 8))
  }

  @Access(TRAINERS)
  @Mutation(() => Quiz, { description: 'Creates a quiz as DRAFT. A fixed quiz lists published questions; a blueprint the bank cannot satisfy is refused, saying which row is short and by how much.' })
  createQuiz(@Arg('input', () => QuizInput, { description: 'The quiz.' }) input: QuizInput, @Ctx() ctx: Context): Promise<Quiz> {
    return createQuiz(ctx.db, ctx.user, quizValues(input))
  }

  @Access(TRAINERS)
  @Mutation(() => Quiz, { description: 'Replaces a quiz’s settings and contents. The questions or blueprint cannot change once someone made an attempt (CONFLICT).' })
  updateQuiz(
    @Arg('id', () => ID, { description: 'The quiz.' }) id: string,
    @Arg('input', () => QuizInput, { description: 'Its new settings and contents.' }) input: QuizInput,
    @Ctx() ctx: Context,
  ): Promise<Quiz> {
    return updateQuiz(ctx.db, ctx.user!, id, quizValues(input))
  }

  @Access(TRAINERS)
  @Mutation(() => Quiz, { description: 'Publishes a quiz (cadres can take it), checking again that it can be drawn.' })
  publishQuiz(@Arg('id', () => ID, { description: 'The quiz.' }) id: string, @Ctx() ctx: Context): Promise<Quiz> {
    return publishQuiz(ctx.db, ctx.user!, id)
  }
}
