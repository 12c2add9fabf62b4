import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { AttemptStatus, AttemptSummary } from '../attempt/attempt.type'
import { PageInfo } from '../common/pagination'
import { Organization, Person } from '../org/org.type'
import { StudyArticle, StudyQuiz } from '../quiz/quizView.type'

export enum StudySessionKind {
  PRE_MEETING = 'PRE_MEETING',
  CENTRAL_GROUP = 'CENTRAL_GROUP',
  TRAINING = 'TRAINING',
  LECTURE = 'LECTURE',
  ONLINE = 'ONLINE',
}
registerEnumType(StudySessionKind, {
  name: 'StudySessionKind',
  description: 'Kind of study session: PRE_MEETING 会前学法, CENTRAL_GROUP 中心组学习, TRAINING 专题培训, LECTURE 法治讲座, ONLINE 在线学习.',
})

@ObjectType({ description: 'The signed-in person’s part in a session.' })
export class MySessionStatus {
  @Field(() => Boolean, { description: 'Invited (应参加).' })
  invited: boolean

  @Field(() => String, { nullable: true, description: 'Checked in (签到) at (ISO 8601); null when not.' })
  checkedInAt: string | null

  @Field(() => Int, { description: 'Seconds spent reading the session’s articles.' })
  readingSeconds: number

  @Field(() => Boolean, { description: 'Whether check-in is open now (from 1 h before the start until the end of that day).' })
  canCheckIn: boolean

  @Field(() => [AttemptSummary], { description: 'The person’s attempts at the session’s quiz, newest first.' })
  attempts: AttemptSummary[]
}

@ObjectType({ description: 'A study session (学习会): 会前学法 before a meeting, 中心组学习, training, lecture or online study.' })
export class StudySession {
  @Field(() => ID, { description: 'Stable id.' })
  id: string

  @Field(() => StudySessionKind, { description: 'Kind.' })
  kind: StudySessionKind

  @Field(() => String, { description: 'Title.' })
  title: string

  @Field(() => String, { nullable: true, description: 'The meeting it precedes, e.g. 镇政府常务会议.' })
  meeting: string | null

  @Field(() => String, { description: 'Starts (ISO 8601).' })
  startsAt: string

  @Field(() => Int, { description: 'Planned length in minutes.' })
  minutes: number

  @Field(() => String, { description: 'Check-in opens (ISO 8601): 1 h before the start.' })
  checkInOpensAt: string

  @Field(() => String, { description: 'Check-in closes (ISO 8601): end of the day of the start (Asia/Shanghai).' })
  checkInClosesAt: string

  @Field(() => Boolean, { description: 'True for sample data (示例).' })
  sample: boolean

  @Field(() => Organization, { nullable: true, description: 'The organisation that holds it.' })
  organization: Organization | null

  @Field(() => [StudyArticle], { description: 'The articles it covers, in order.' })
  articles: StudyArticle[]

  @Field(() => StudyQuiz, { nullable: true, description: 'The quiz after the reading, if any.' })
  quiz: StudyQuiz | null

  @Field(() => Int, { description: 'People invited.' })
  invitedCount: number

  @Field(() => Int, { description: 'People who checked in.' })
  attendedCount: number

  @Field(() => MySessionStatus, { description: 'The signed-in person’s invitation, check-in, reading and attempts.' })
  my: MySessionStatus
}

@ObjectType({ description: 'A page of study sessions.' })
export class StudySessionPage {
  @Field(() => [StudySession], { description: 'The sessions.' })
  items: StudySession[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'One invited person’s attendance, reading and quiz result.' })
export class AttendanceRow {
  @Field(() => Person, { description: 'The person.' })
  person: Person

  @Field(() => Boolean, { description: 'Invited.' })
  invited: boolean

  @Field(() => String, { nullable: true, description: 'Checked in at (ISO 8601); null when absent.' })
  checkedInAt: string | null

  @Field(() => Int, { description: 'Minutes credited for attending (0 when absent).' })
  minutes: number

  @Field(() => Int, { description: 'Seconds spent reading the articles.' })
  readingSeconds: number

  @Field(() => AttemptStatus, { nullable: true, description: 'Status of the counted attempt at the session’s quiz; null for none.' })
  attemptStatus: AttemptStatus | null

  @Field(() => Float, { nullable: true, description: 'Counted score (best or last submitted, per the quiz’s scoring); null for none.' })
  score: number | null

  @Field(() => Int, { nullable: true, description: 'Maximum score of that attempt.' })
  maxScore: number | null

  @Field(() => Boolean, { nullable: true, description: 'Whether the counted score passes.' })
  passed: boolean | null
}

@ObjectType({ description: 'Attendance of a session (签到与成绩) for the trainer.' })
export class StudySessionAttendance {
  @Field(() => StudySession, { description: 'The session.' })
  session: StudySession

  @Field(() => Int, { description: 'People invited.' })
  invited: number

  @Field(() => Int, { description: 'People who checked in.' })
  attended: number

  @Field(() => [AttendanceRow], { description: 'Everyone invited or attending, by name.' })
  rows: AttendanceRow[]
}

@ObjectType({ description: 'Reading time after recordReading.' })
export class ReadingRecorded {
  @Field(() => ID, { description: 'The session.' })
  sessionId: string

  @Field(() => ID, { description: 'The article.' })
  articleId: string

  @Field(() => Int, { description: 'Seconds read in the whole session so far.' })
  readingSeconds: number

  @Field(() => Int, { description: 'Seconds read of this article in this session so far.' })
  articleSeconds: number

  @Field(() => Boolean, { description: 'False when this clientId was already recorded (a retry): nothing was added.' })
  added: boolean
}
