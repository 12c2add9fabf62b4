import type { GraphQLResolveInfo } from 'graphql'
import type { Context } from '../context'
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql'
import { Access, signedIn } from '../auth/access'
import { Viewer } from '../auth/user.type'
import { decodeCursor, PageArgs, pageInfo } from '../common/pagination'
import { selectedFields } from '../common/selection'
import { SaveAnswerArgs } from './attempt.input'
import { listMyAttempts, readAttempt, saveAnswer, startAttempt, submitAttempt } from './attempt.repository'
import { Attempt, AttemptPage, SavedAnswer } from './attempt.type'

/** Taking a quiz: start, save, submit, read. */
@Resolver()
export class AttemptResolver {
  @Access('SIGNED_IN')
  @Mutation(() => Attempt, { description: 'Starts an attempt at a published quiz (开始答题), drawing the questions on the server — or returns the attempt in progress. Never includes answers.' })
  startAttempt(@Arg('quizId', () => ID, { description: 'The quiz.' }) quizId: string, @Ctx() ctx: Context): Promise<Attempt> {
    return startAttempt(ctx.db, signedIn(ctx), quizId, new Date())
  }

  @Access('SIGNED_IN')
  @Mutation(() => SavedAnswer, { description: 'Saves the answer to one question of one’s attempt in progress (the latest save wins). Refused after the deadline, when the attempt is submitted with what was saved.' })
  saveAnswer(@Args(() => SaveAnswerArgs) args: SaveAnswerArgs, @Ctx() ctx: Context): Promise<SavedAnswer> {
    return saveAnswer(ctx.db, signedIn(ctx), args, new Date())
  }

  @Access('SIGNED_IN')
  @Mutation(() => Attempt, { description: 'Submits one’s attempt (交卷) with the saved answers; scored on the server. Idempotent: the same submissionId, or a second submission of a submitted attempt, returns the recorded result.' })
  submitAttempt(
    @Arg('attemptId', () => ID, { description: 'The attempt.' }) attemptId: string,
    @Arg('submissionId', () => String, { description: 'Generated once per answer sheet by the client (e.g. a UUID) and sent again on retries.' }) submissionId: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Attempt> {
    const fields = selectedFields(info)
    return submitAttempt(ctx.db, signedIn(ctx), attemptId, submissionId, new Date(), { items: fields.has('items'), person: fields.has('person') })
  }

  @Access('SIGNED_IN')
  @Query(() => Attempt, { description: 'One attempt: one’s own (answers, explanations and articles as the quiz’s reveal policy allows), or for trainers of the person’s organisation and admins anyone’s. FORBIDDEN otherwise.' })
  attempt(@Arg('id', () => ID, { description: 'Attempt id.' }) id: string, @Ctx() ctx: Context): Promise<Attempt> {
    return readAttempt(ctx.db, signedIn(ctx), id, new Date())
  }
}

/** The attempts of `me`. */
@Resolver(() => Viewer)
export class ViewerAttemptResolver {
  @Access('SIGNED_IN')
  @FieldResolver(() => AttemptPage, { description: 'My quiz attempts, newest first.' })
  async attempts(@Root() viewer: Viewer, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: Context): Promise<AttemptPage> {
    const skip = decodeCursor(after)
    if (!viewer.person)
      return { items: [], pageInfo: pageInfo(skip, 0, 0) }
    const { total, items } = await listMyAttempts(ctx.db, viewer.person.id, skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }
}
