import type { Context } from '../context'
import type { LiveAnswerReceipt as Receipt } from './live.type'
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql'
import { Access, signedIn } from '../auth/access'
import { LiveAnswerArgs, OpenLiveRunArgs } from './live.input'
import { LiveAnswerReceipt, LiveRun } from './live.type'
import { answerLive, controlLiveRun, joinLiveRun, openLiveRun, readLiveRun, viewerOf } from './liveRoom'

/** The live meeting quiz (现场答题): the host's controls, joining and answering, and the room's stream. */
@Resolver(() => LiveRun)
export class LiveResolver {
  @Access('SIGNED_IN')
  @Mutation(() => LiveRun, { description: 'Opens a live quiz of a session’s quiz on the meeting-room screen (in the lobby, with a join code), or returns the one not yet ended. For trainers of the session’s organisation and admins.' })
  openLiveRun(@Args(() => OpenLiveRunArgs) { sessionId, secondsPerQuestion }: OpenLiveRunArgs, @Ctx() ctx: Context): Promise<LiveRun> {
    return openLiveRun(ctx.live, signedIn(ctx), sessionId, secondsPerQuestion)
  }

  @Access('SIGNED_IN')
  @Mutation(() => LiveRun, { description: 'Joins a live quiz with the code on the screen (加入), checking in to its session (invited people only). Idempotent.' })
  joinLiveRun(@Arg('code', () => String, { description: 'The six-digit join code.' }) code: string, @Ctx() ctx: Context): Promise<LiveRun> {
    return joinLiveRun(ctx.live, signedIn(ctx), code)
  }

  @Access('SIGNED_IN')
  @Mutation(() => LiveAnswerReceipt, { description: 'Answers the open question (changeable until it closes). Counts iff the server receives it before the close; refused (CONFLICT) after.' })
  answerLiveQuestion(@Args(() => LiveAnswerArgs) args: LiveAnswerArgs, @Ctx() ctx: Context): Promise<Receipt> {
    return answerLive(ctx.live, signedIn(ctx), args)
  }

  @Access('SIGNED_IN')
  @Mutation(() => LiveRun, { description: 'Host: opens the next question (or ends the run after the last); on an open question, closes it now and shows the result.' })
  nextLiveQuestion(@Arg('runId', () => ID, { description: 'The run.' }) runId: string, @Ctx() ctx: Context): Promise<LiveRun> {
    return controlLiveRun(ctx.live, signedIn(ctx), runId, 'NEXT')
  }

  @Access('SIGNED_IN')
  @Mutation(() => LiveRun, { description: 'Host: gives the open question more time.' })
  extendLiveQuestion(
    @Arg('runId', () => ID, { description: 'The run.' }) runId: string,
    @Arg('seconds', () => Int, { description: 'Seconds to add (1–300).' }) seconds: number,
    @Ctx() ctx: Context,
  ): Promise<LiveRun> {
    return controlLiveRun(ctx.live, signedIn(ctx), runId, 'EXTEND', seconds)
  }

  @Access('SIGNED_IN')
  @Mutation(() => LiveRun, { description: 'Host: ends the run (an open question closes now); each participant’s answers become an attempt of the quiz.' })
  endLiveRun(@Arg('runId', () => ID, { description: 'The run.' }) runId: string, @Ctx() ctx: Context): Promise<LiveRun> {
    return controlLiveRun(ctx.live, signedIn(ctx), runId, 'END')
  }

  @Access('SIGNED_IN')
  @Query(() => LiveRun, { description: 'A live quiz as the viewer may see it now: its host, or a participant who joined.' })
  liveRun(@Arg('id', () => ID, { description: 'Run id.' }) id: string, @Ctx() ctx: Context): Promise<LiveRun> {
    return readLiveRun(ctx.live, signedIn(ctx), id)
  }

  @Access('SIGNED_IN')
  @Subscription(() => LiveRun, {
    description: 'The room of a live quiz (over graphql-ws at /graphql): first as it is now, then on every change. For its host and for participants who joined; a participant never receives an answer before its question closes.',
    subscribe: async ({ args, context }: { args: { runId: string }, context: Context }) => {
      const user = signedIn(context)
      const viewer = await viewerOf(context.live, user, args.runId)
      return context.live.stream(args.runId, viewer)
    },
  })
  liveRunUpdated(@Root() run: LiveRun, @Arg('runId', () => ID, { description: 'The run.' }) _runId: string): LiveRun {
    return run
  }
}
