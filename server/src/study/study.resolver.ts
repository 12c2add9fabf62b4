import type { Context } from '../context'
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql'
import { Access, signedIn } from '../auth/access'
import { Role } from '../auth/role'
import { Viewer } from '../auth/user.type'
import { badInput } from '../common/errors'
import { decodeCursor, FirstArgs, PageArgs, pageInfo } from '../common/pagination'
import { shanghaiYear } from '../common/time'
import { Organization } from '../org/org.type'
import { StudyArticle } from '../quiz/quizView.type'
import { studyProgress } from './progress.repository'
import { StudyProgress } from './progress.type'
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
import { ReadingRecorded, StudySession, StudySessionAttendance, StudySessionPage } from './study.type'

const TRAINERS = [Role.TRAINER, Role.ADMIN]

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
