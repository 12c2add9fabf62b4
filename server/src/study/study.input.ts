import { ArrayMaxSize, IsOptional, Length, Max, Min } from 'class-validator'
import { Field, ID, InputType, Int } from 'type-graphql'
import { HasVisibleText } from '../common/visibleText'
import { StudySessionKind } from './study.type'
import { STUDY_LIMITS } from './studyRules'

@InputType({ description: 'A new study session (安排学习会).' })
export class ScheduleStudySessionInput {
  @Field(() => StudySessionKind, { description: 'Kind, e.g. PRE_MEETING 会前学法.' })
  kind: StudySessionKind

  @Field(() => String, { description: 'Title, e.g. 会前学法：重大行政决策程序暂行条例.' })
  @Length(2, STUDY_LIMITS.titleMax, { message: `标题须为 2–${STUDY_LIMITS.titleMax} 字 (title: 2–${STUDY_LIMITS.titleMax} characters).` })
  @HasVisibleText(['标题', 'title'])
  title: string

  @Field(() => String, { nullable: true, description: 'The meeting it precedes, e.g. 镇政府常务会议.' })
  @IsOptional()
  @Length(0, STUDY_LIMITS.meetingMax, { message: `会议名称最多 ${STUDY_LIMITS.meetingMax} 字 (meeting: at most ${STUDY_LIMITS.meetingMax} characters).` })
  meeting?: string | null

  @Field(() => String, { description: 'Start, ISO 8601 with an offset, e.g. 2026-03-02T09:00:00+08:00.' })
  startsAt: string

  @Field(() => Int, { description: `Planned length in minutes (${STUDY_LIMITS.minutesMin}–${STUDY_LIMITS.minutesMax}).` })
  @Min(STUDY_LIMITS.minutesMin, { message: `时长至少 ${STUDY_LIMITS.minutesMin} 分钟 (minutes: at least ${STUDY_LIMITS.minutesMin}).` })
  @Max(STUDY_LIMITS.minutesMax, { message: `时长最多 ${STUDY_LIMITS.minutesMax} 分钟 (minutes: at most ${STUDY_LIMITS.minutesMax}).` })
  minutes: number

  @Field(() => ID, { description: 'The organisation that holds it (one the trainer trains, unless admin).' })
  organizationId: string

  @Field(() => [ID], { nullable: true, description: 'People invited; default: every member of the organisation.' })
  @IsOptional()
  @ArrayMaxSize(STUDY_LIMITS.attendeesMax, { message: `最多邀请 ${STUDY_LIMITS.attendeesMax} 人 (attendeeIds: at most ${STUDY_LIMITS.attendeesMax}).` })
  attendeeIds?: string[] | null

  @Field(() => [ID], { description: 'Articles it covers, in reading order.' })
  @ArrayMaxSize(STUDY_LIMITS.articlesMax, { message: `最多 ${STUDY_LIMITS.articlesMax} 条 (articleIds: at most ${STUDY_LIMITS.articlesMax}).` })
  articleIds: string[]

  @Field(() => ID, { nullable: true, description: 'A published quiz to take after the reading.' })
  @IsOptional()
  quizId?: string | null
}

@InputType({ description: 'Which sessions to list for a trainer.' })
export class StudySessionFilter {
  @Field(() => ID, { nullable: true, description: 'Only this organisation’s sessions.' })
  @IsOptional()
  organizationId?: string | null

  @Field(() => Boolean, { nullable: true, description: 'True: not yet ended (soonest first); false: ended (latest first); omitted: all (latest first).' })
  @IsOptional()
  upcoming?: boolean | null

  @Field(() => Int, { nullable: true, description: 'Only sessions starting in this year.' })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null
}
