import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { PageInfo } from '../common/pagination'
import { ArticleHeading, ArticleTextSource } from '../law/law.type'
import { Organization, Person } from '../org/org.type'
import { QuestionType } from '../quiz/question.type'
import { QuizMode, QuizReveal } from '../quiz/quiz.type'

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

export enum AttemptStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(AttemptStatus, { name: 'AttemptStatus', description: 'IN_PROGRESS 作答中 or SUBMITTED 已交卷 (by the person, or by the server when the time ran out).' })

export enum ReviewRating {
  AGAIN = 'AGAIN',
  HARD = 'HARD',
  GOOD = 'GOOD',
  EASY = 'EASY',
}
registerEnumType(ReviewRating, { name: 'ReviewRating', description: 'How well the person remembered (FSRS rating): AGAIN 忘记了, HARD 困难, GOOD 记得, EASY 简单.' })

export enum ReviewCardState {
  NEW = 'NEW',
  LEARNING = 'LEARNING',
  REVIEW = 'REVIEW',
  RELEARNING = 'RELEARNING',
}
registerEnumType(ReviewCardState, { name: 'ReviewCardState', description: 'FSRS card state: NEW 新卡, LEARNING 学习中, REVIEW 复习中, RELEARNING 重新学习.' })

@ObjectType({ description: 'An article as studied: the official text where imported, else our summary labelled 要点.' })
export class StudyArticle extends ArticleHeading {
  @Field(() => String, { nullable: true, description: 'What to read: the official text (textSource OFFICIAL) or the 要点 summary (textSource SUMMARY); null when neither is held.' })
  text: string | null

  @Field(() => ArticleTextSource, { description: 'OFFICIAL when `text` is the official wording; SUMMARY when it is our 要点 summary (not the official text).' })
  textSource: ArticleTextSource

  @Field(() => String, { nullable: true, description: 'Label to show with a summary: 要点（非原文）; null for official text.' })
  label: string | null
}

@ObjectType({ description: 'The quiz of a session or attempt as a cadre sees it (settings only, never answers).' })
export class StudyQuiz {
  @Field(() => ID, { description: 'Quiz id.' })
  id: string

  @Field(() => String, { description: 'Title.' })
  title: string

  @Field(() => QuizMode, { description: 'How it is taken.' })
  mode: QuizMode

  @Field(() => Int, { nullable: true, description: 'Time limit in seconds; null for none.' })
  timeLimitSec: number | null

  @Field(() => Int, { description: 'Pass mark, percent of the maximum score.' })
  passScore: number

  @Field(() => Int, { nullable: true, description: 'Attempts allowed per person; null for unlimited.' })
  attemptsAllowed: number | null

  @Field(() => QuizReveal, { description: 'When answers are shown.' })
  reveal: QuizReveal

  @Field(() => String, { nullable: true, description: 'Opens (ISO 8601); null for at once.' })
  opensAt: string | null

  @Field(() => String, { nullable: true, description: 'Closes (ISO 8601); null for never.' })
  closesAt: string | null

  @Field(() => Int, { description: 'Questions per attempt.' })
  questionCount: number
}

@ObjectType({ description: 'An attempt as listed: status and score.' })
export class AttemptSummary {
  @Field(() => ID, { description: 'Attempt id.' })
  id: string

  @Field(() => ID, { description: 'The quiz.' })
  quizId: string

  @Field(() => String, { description: 'Title of the quiz.' })
  quizTitle: string

  @Field(() => AttemptStatus, { description: 'In progress or submitted.' })
  status: AttemptStatus

  @Field(() => String, { description: 'Started (ISO 8601).' })
  startedAt: string

  @Field(() => String, { nullable: true, description: 'When the time runs out (ISO 8601); null for no limit.' })
  deadline: string | null

  @Field(() => String, { nullable: true, description: 'Submitted (ISO 8601).' })
  submittedAt: string | null

  @Field(() => Float, { nullable: true, description: 'Score; null until submitted.' })
  score: number | null

  @Field(() => Int, { description: 'Maximum score.' })
  maxScore: number

  @Field(() => Boolean, { nullable: true, description: 'Whether the score reaches the pass mark; null until submitted.' })
  passed: boolean | null

  @Field(() => Boolean, { description: 'True when the server submitted it because the time ran out.' })
  autoSubmitted: boolean
}

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

@ObjectType({ description: 'One question of an attempt as the person sees it: options in the order shown, the saved answer, and — only once the quiz’s reveal policy allows — the right answer, explanation and article texts.' })
export class AttemptItem {
  @Field(() => Int, { description: 'Position, from 1.' })
  order: number

  @Field(() => Float, { description: 'Points.' })
  points: number

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: 'Stem; blanks of a FILL_BLANK question are written ____.' })
  stem: string

  @Field(() => [String], { description: 'Options as shown (letters A, B, … in this order); empty for TRUE_FALSE and FILL_BLANK.' })
  options: string[]

  @Field(() => Int, { description: 'Number of blanks of a FILL_BLANK question; 0 otherwise.' })
  blanks: number

  @Field(() => [String], { nullable: true, description: 'The saved answer: letters of the options as shown, TRUE/FALSE, or one text per blank; null when not answered.' })
  given: string[] | null

  @Field(() => String, { nullable: true, description: 'When the answer was last saved (ISO 8601).' })
  savedAt: string | null

  @Field(() => Float, { nullable: true, description: 'Points earned; null until revealed.' })
  earned: number | null

  @Field(() => Boolean, { nullable: true, description: 'Whether the answer earned full points; null until revealed.' })
  correct: boolean | null

  @Field(() => [String], { nullable: true, description: 'The right answer in the letters as shown (or TRUE/FALSE, or the accepted texts per blank); null until revealed.' })
  answer: string[] | null

  @Field(() => String, { nullable: true, description: 'Explanation (解析); null until revealed.' })
  explanation: string | null

  @Field(() => [StudyArticle], { nullable: true, description: 'The articles the question tests, with their text; null until revealed.' })
  articles: StudyArticle[] | null
}

@ObjectType({ description: 'An attempt at a quiz (答卷) with its questions. Answers, explanations and correctness appear only as the quiz’s reveal policy allows.' })
export class Attempt extends AttemptSummary {
  @Field(() => StudyQuiz, { description: 'The quiz.' })
  quiz: StudyQuiz

  @Field(() => Person, { nullable: true, description: 'Whose attempt it is.' })
  person: Person | null

  @Field(() => String, { description: 'The server’s clock now (ISO 8601), to count down to the deadline.' })
  serverNow: string

  @Field(() => Boolean, { description: 'True when answers, explanations and correctness are shown.' })
  revealed: boolean

  @Field(() => [AttemptItem], { description: 'The questions in order.' })
  items: AttemptItem[]
}

@ObjectType({ description: 'A page of attempts.' })
export class AttemptPage {
  @Field(() => [AttemptSummary], { description: 'The attempts, newest first.' })
  items: AttemptSummary[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'A saved answer.' })
export class SavedAnswer {
  @Field(() => ID, { description: 'The attempt.' })
  attemptId: string

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => [String], { description: 'The answer as stored.' })
  given: string[]

  @Field(() => String, { description: 'Saved at (ISO 8601).' })
  savedAt: string

  @Field(() => String, { nullable: true, description: 'Deadline of the attempt (ISO 8601); null for none.' })
  deadline: string | null
}

@ObjectType({ description: 'A spaced-repetition card (复习卡) of a question the person got wrong, without its answer.' })
export class ReviewCard {
  @Field(() => ID, { description: 'Card id: `<personId>:<questionId>`.' })
  id: string

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: 'Stem.' })
  stem: string

  @Field(() => [String], { description: 'Options A, B, … in order; empty for TRUE_FALSE and FILL_BLANK.' })
  options: string[]

  @Field(() => Int, { description: 'Number of blanks (FILL_BLANK); 0 otherwise.' })
  blanks: number

  @Field(() => String, { description: 'Due (ISO 8601).' })
  due: string

  @Field(() => ReviewCardState, { description: 'FSRS state.' })
  state: ReviewCardState

  @Field(() => Int, { description: 'Reviews so far.' })
  reps: number

  @Field(() => Int, { description: 'Times forgotten.' })
  lapses: number

  @Field(() => Float, { description: 'FSRS stability in days.' })
  stability: number

  @Field(() => String, { nullable: true, description: 'Last reviewed (ISO 8601).' })
  lastReview: string | null
}

@ObjectType({ description: 'What a review did: the new schedule, and now the answer.' })
export class ReviewResult {
  @Field(() => ReviewCard, { description: 'The card with its new schedule.' })
  card: ReviewCard

  @Field(() => [String], { nullable: true, description: 'The answer the person gave, if any.' })
  given: string[] | null

  @Field(() => Boolean, { nullable: true, description: 'Whether that answer was right; null when none was given.' })
  correct: boolean | null

  @Field(() => [String], { description: 'The right answer: option letters, TRUE/FALSE, or the accepted texts per blank.' })
  answer: string[]

  @Field(() => String, { description: 'Explanation (解析).' })
  explanation: string

  @Field(() => [StudyArticle], { description: 'The articles the question tests.' })
  articles: StudyArticle[]
}

@ObjectType({ description: 'A topic (知识点) named in progress.' })
export class StudyTopic {
  @Field(() => ID, { description: 'Topic id.' })
  id: string

  @Field(() => String, { description: 'Name.' })
  name: string
}

@ObjectType({ description: 'Mastery of one topic, rolled up from the review cards.' })
export class TopicMastery {
  @Field(() => StudyTopic, { description: 'The topic.' })
  topic: StudyTopic

  @Field(() => Float, { nullable: true, description: 'Mean FSRS retrievability (0–1) of the person’s cards of questions about the topic (a card never reviewed counts 0); null without cards.' })
  mastery: number | null

  @Field(() => Int, { description: 'Cards counted.' })
  cards: number
}

@ObjectType({ description: 'Mastery of one article, rolled up from the review cards of the questions that test it.' })
export class ArticleMastery {
  @Field(() => ID, { description: 'Article id.' })
  articleId: string

  @Field(() => String, { description: 'Id of the law.' })
  lawId: string

  @Field(() => String, { nullable: true, description: 'Title of the law.' })
  lawTitle: string | null

  @Field(() => String, { description: 'Article number, e.g. 第二十五条.' })
  number: string

  @Field(() => Float, { nullable: true, description: 'Mean FSRS retrievability (0–1) of the cards; null without cards.' })
  mastery: number | null

  @Field(() => Int, { description: 'Cards counted.' })
  cards: number
}

@ObjectType({ description: 'Sessions attended of one kind.' })
export class KindCount {
  @Field(() => StudySessionKind, { description: 'Kind.' })
  kind: StudySessionKind

  @Field(() => Int, { description: 'Sessions attended.' })
  count: number
}

@ObjectType({ description: 'One month of the year.' })
export class MonthlyStudy {
  @Field(() => Int, { description: 'Month 1–12.' })
  month: number

  @Field(() => Int, { description: 'Sessions attended.' })
  sessions: number

  @Field(() => Int, { description: 'Quiz attempts submitted.' })
  attempts: number
}

@ObjectType({ description: 'The signed-in person’s study record for a year (学法档案).' })
export class StudyProgress {
  @Field(() => Int, { description: 'The year.' })
  year: number

  @Field(() => Int, { description: 'Sessions attended (checked in), all kinds.' })
  sessionsAttended: number

  @Field(() => Int, { description: '会前学法 sessions attended.' })
  preMeetingAttended: number

  @Field(() => Int, { description: '会前学法 sessions required in the year (the organisation’s requiredPreMeetingSessions, default 2).' })
  requiredSessions: number

  @Field(() => [KindCount], { description: 'Sessions attended by kind (every kind listed).' })
  byKind: KindCount[]

  @Field(() => Int, { description: 'Quiz attempts submitted.' })
  quizAttempts: number

  @Field(() => Float, { nullable: true, description: 'Mean score in percent of the maximum; null without attempts.' })
  averageScore: number | null

  @Field(() => Float, { nullable: true, description: 'Share of attempts that passed (0–1); null without attempts.' })
  passRate: number | null

  @Field(() => Int, { description: 'Minutes spent reading session articles.' })
  readingMinutes: number

  @Field(() => [TopicMastery], { description: 'Mastery per topic, weakest first.' })
  masteryByTopic: TopicMastery[]

  @Field(() => [ArticleMastery], { description: 'Mastery per article, weakest first (at most 20).' })
  masteryByArticle: ArticleMastery[]

  @Field(() => [MonthlyStudy], { description: 'Months 1–12.' })
  monthly: MonthlyStudy[]
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
