import type { GraphQLResolveInfo } from 'graphql'
import type { Context } from '../context'
import { Max, Min } from 'class-validator'
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { Viewer } from '../auth/user.type'
import { badInput, unauthenticated } from '../common/errors'
import { decodeCursor, PageArgs, pageInfo } from '../common/pagination'
import { selectedFields } from '../common/selection'
import { Organization } from '../org/org.type'
import { listMyAttempts, readAttempt, saveAnswer, startAttempt, submitAttempt } from './attempt.repository'
import { countDueReviews, listDueReviews, reviewCard, studyProgress } from './review.repository'
import { ScheduleStudySessionInput, StudySessionFilter } from './study.input'
import {
  checkIn,
  listLawArticles,
  listMySessions,
  listSchedulableOrganizations,
  listSessions,
  readSessionFor,
  recordReading,
  scheduleSession,
  sessionAttendance,
  setRequiredPreMeetingSessions,
} from './study.repository'
import {
  Attempt,
  AttemptPage,
  ReadingRecorded,
  ReviewCard,
  ReviewRating,
  ReviewResult,
  SavedAnswer,
  StudyArticle,
  StudyProgress,
  StudySession,
  StudySessionAttendance,
  StudySessionPage,
} from './study.type'
import { shanghaiYear } from './studyRules'

const TRAINERS = [Role.TRAINER, Role.ADMIN]

function signedIn(ctx: Context) {
  if (!ctx.user)
    throw unauthenticated()
  return ctx.user
}

@ArgsType()
class FirstArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many items to return (1–100).' })
  @Min(1)
  @Max(100)
  first: number
}

@ArgsType()
class MySessionsArgs extends FirstArgs {
  @Field(() => Boolean, { nullable: true, description: 'True: sessions not yet ended (soonest first); false: ended ones (latest first); omitted: all (latest first).' })
  upcoming?: boolean | null
}

@ArgsType()
class SessionListArgs extends PageArgs {
  @Field(() => StudySessionFilter, { nullable: true, description: 'Which sessions; all of the user’s organisations when omitted.' })
  filter?: StudySessionFilter | null
}

@ArgsType()
class ReadingArgs {
  @Field(() => ID, { description: 'The session.' })
  sessionId: string

  @Field(() => ID, { description: 'The article read (one the session covers).' })
  articleId: string

  @Field(() => Int, { description: 'Seconds read since the last call (1–3600).' })
  seconds: number

  @Field(() => String, { nullable: true, description: 'A client-generated id of this report; a retry with the same id adds nothing.' })
  clientId?: string | null
}

@ArgsType()
class SaveAnswerArgs {
  @Field(() => ID, { description: 'The attempt (in progress).' })
  attemptId: string

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => [String], { description: 'The answer: letters of the options as shown (A, B, …), TRUE or FALSE, or one text per blank. An empty list clears it.' })
  given: string[]

  @Field(() => Int, { nullable: true, description: 'Milliseconds spent on the question (for item statistics).' })
  ms?: number | null
}

@Resolver()
export class StudyResolver {
  @Access(TRAINERS)
  @Mutation(() => StudySession, { description: 'Schedules a study session (安排学习会) for an organisation the trainer trains (admins: any). Attendees default to the organisation’s members.' })
  scheduleStudySession(@Arg('input', () => ScheduleStudySessionInput, { description: 'The session.' }) input: ScheduleStudySessionInput, @Ctx() ctx: Context): Promise<StudySession> {
    return scheduleSession(ctx.db, signedIn(ctx), input)
  }

  @Access(TRAINERS)
  @Query(() => StudySessionPage, { description: 'Sessions of the organisations the trainer trains (admins: all).' })
  async studySessions(@Args(() => SessionListArgs) { filter, first, after }: SessionListArgs, @Ctx() ctx: Context): Promise<StudySessionPage> {
    const skip = decodeCursor(after)
    const { total, items } = await listSessions(ctx.db, signedIn(ctx), filter ?? {}, skip, first, new Date())
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }

  @Access(TRAINERS)
  @Query(() => StudySessionAttendance, { description: 'Who was invited, who checked in, reading time and quiz score (签到与成绩) of a session of the trainer’s organisations.' })
  studySessionAttendance(@Arg('sessionId', () => ID, { description: 'The session.' }) sessionId: string, @Ctx() ctx: Context): Promise<StudySessionAttendance> {
    return sessionAttendance(ctx.db, signedIn(ctx), sessionId, new Date())
  }

  @Access(TRAINERS)
  @Query(() => [Organization], { description: 'Organisations the user may schedule sessions for.' })
  studyOrganizations(@Ctx() ctx: Context): Promise<Organization[]> {
    return listSchedulableOrganizations(ctx.db, signedIn(ctx))
  }

  @Access(TRAINERS)
  @Query(() => [StudyArticle], { description: 'The articles of the current version of a law, to choose what a session covers.' })
  studyLawArticles(@Arg('lawId', () => ID, { description: 'The law, e.g. major-decision-procedure.' }) lawId: string, @Ctx() ctx: Context): Promise<StudyArticle[]> {
    return listLawArticles(ctx.db, lawId)
  }

  @Access(TRAINERS)
  @Mutation(() => Int, { description: 'Sets how many 会前学法 sessions each member of an organisation must attend per year (default 2).' })
  setRequiredPreMeetingSessions(
    @Arg('organizationId', () => ID, { description: 'The organisation (one the trainer trains).' }) organizationId: string,
    @Arg('count', () => Int, { description: 'Sessions per year, 0–100.' }) count: number,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return setRequiredPreMeetingSessions(ctx.db, signedIn(ctx), organizationId, count)
  }

  @Access('SIGNED_IN')
  @Query(() => StudySession, { description: 'One study session with its articles (official text, or the 要点 summary labelled as such) and the viewer’s part. For the invited, the organisation’s trainers and admins.' })
  studySession(@Arg('id', () => ID, { description: 'Session id.' }) id: string, @Ctx() ctx: Context): Promise<StudySession> {
    return readSessionFor(ctx.db, id, signedIn(ctx), new Date())
  }

  @Access('SIGNED_IN')
  @Mutation(() => StudySession, { description: 'Checks in (签到) to a session one is invited to, from 1 h before the start until the end of that day. Idempotent.' })
  checkIn(@Arg('sessionId', () => ID, { description: 'The session.' }) sessionId: string, @Ctx() ctx: Context): Promise<StudySession> {
    return checkIn(ctx.db, signedIn(ctx), sessionId, new Date())
  }

  @Access('SIGNED_IN')
  @Mutation(() => ReadingRecorded, { description: 'Adds reading time of a covered article after check-in (at most 3600 s per call; a retry with the same clientId adds nothing).' })
  recordReading(@Args(() => ReadingArgs) args: ReadingArgs, @Ctx() ctx: Context): Promise<ReadingRecorded> {
    return recordReading(ctx.db, signedIn(ctx), args)
  }

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

  @Access('SIGNED_IN')
  @Mutation(() => ReviewResult, { description: 'Rates one’s review card (复习) AGAIN/HARD/GOOD/EASY, reschedules it (FSRS) and returns the answer and explanation.' })
  review(
    @Arg('cardId', () => ID, { description: 'Card id from dueReviews.' }) cardId: string,
    @Arg('rating', () => ReviewRating, { description: 'How well it was remembered.' }) rating: ReviewRating,
    @Arg('answer', () => [String], { nullable: true, description: 'The answer the person gave before looking (optional): letters, TRUE/FALSE or texts per blank.' }) answer: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<ReviewResult> {
    return reviewCard(ctx.db, signedIn(ctx), cardId, rating, answer, new Date())
  }
}

/** The study parts of `me` (每个字段一次查询). */
@Resolver(() => Viewer)
export class ViewerStudyResolver {
  @Access('SIGNED_IN')
  @FieldResolver(() => [StudySession], { description: 'Study sessions I am invited to or attended.' })
  studySessions(@Root() viewer: Viewer, @Args(() => MySessionsArgs) { upcoming, first }: MySessionsArgs, @Ctx() ctx: Context): Promise<StudySession[]> {
    if (!viewer.person)
      return Promise.resolve([])
    return listMySessions(ctx.db, viewer.person.id, upcoming ?? null, first, new Date())
  }

  @Access('SIGNED_IN')
  @FieldResolver(() => [ReviewCard], { description: 'My review cards due now, soonest first (questions without answers).' })
  dueReviews(@Root() viewer: Viewer, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context): Promise<ReviewCard[]> {
    if (!viewer.person)
      return Promise.resolve([])
    return listDueReviews(ctx.db, viewer.person.id, first, new Date())
  }

  @Access('SIGNED_IN')
  @FieldResolver(() => Int, { description: 'How many of my review cards are due now.' })
  dueReviewCount(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<number> {
    if (!viewer.person)
      return Promise.resolve(0)
    return countDueReviews(ctx.db, viewer.person.id, new Date())
  }

  @Access('SIGNED_IN')
  @FieldResolver(() => AttemptPage, { description: 'My quiz attempts, newest first.' })
  async attempts(@Root() viewer: Viewer, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: Context): Promise<AttemptPage> {
    const skip = decodeCursor(after)
    if (!viewer.person)
      return { items: [], pageInfo: pageInfo(skip, 0, 0) }
    const { total, items } = await listMyAttempts(ctx.db, viewer.person.id, skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }

  @Access('SIGNED_IN')
  @FieldResolver(() => StudyProgress, { description: 'My study record for a year (学法档案): sessions against the requirement, quiz results, topic mastery, by month.' })
  progress(
    @Root() viewer: Viewer,
    @Arg('year', () => Int, { nullable: true, description: 'The year; the current year (Asia/Shanghai) when omitted.' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<StudyProgress> {
    const now = new Date()
    const y = year ?? shanghaiYear(now)
    if (y < 2000 || y > 2100)
      throw badInput('年份须为 2000–2100 (year: 2000–2100).', { field: 'year' })
    if (!viewer.person)
      throw badInput('该账号未关联人员，没有学习记录 (this account has no person, so no study record).')
    return studyProgress(ctx.db, viewer.person.id, y, now)
  }
}
