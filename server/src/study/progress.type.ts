import { Field, Float, ID, Int, ObjectType } from 'type-graphql'
import { StudySessionKind } from './study.type'

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
