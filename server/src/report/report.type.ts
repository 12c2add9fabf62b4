import type { DistractorFlag } from './itemStatistics'
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { Organization } from '../org/org.type'
import { QuestionType } from '../quiz/question.type'
import { DISTRACTOR_FLAGS } from './itemStatistics'

/** The GraphQL enum of distractor flags, built from DISTRACTOR_FLAGS (itemStatistics.ts). */
export const DistractorFlagValue = Object.fromEntries(DISTRACTOR_FLAGS.map(flag => [flag, flag])) as { readonly [K in DistractorFlag]: K }

registerEnumType(DistractorFlagValue, {
  name: 'DistractorFlag',
  description: 'Why a wrong option needs a look (选项分析): NEVER_CHOSEN 无人选择 (it does no work), ATTRACTS_BEST 高分组更常选 (the best attempts chose it more often than the worst).',
})

@ObjectType({ description: 'How one option of a question was chosen over the submitted attempts (选项分析, as Moodle’s quiz statistics).' })
export class OptionStatistics {
  @Field(() => String, { description: 'Option letter A–H (original order, whatever the shuffle showed), or TRUE / FALSE.' })
  key: string

  @Field(() => String, { nullable: true, description: 'The option’s text; null for TRUE / FALSE.' })
  text: string | null

  @Field(() => Boolean, { description: 'Part of the correct answer.' })
  correct: boolean

  @Field(() => Int, { description: 'Attempts that chose it.' })
  chosen: number

  @Field(() => Float, { description: 'Share of the attempts containing the question that chose it, 0–1.' })
  share: number

  @Field(() => Float, { nullable: true, description: 'The same share in the best 27 % of attempts; null when that group has none with the question.' })
  upperShare: number | null

  @Field(() => Float, { nullable: true, description: 'The same share in the worst 27 % of attempts; null when that group has none with the question.' })
  lowerShare: number | null

  @Field(() => [DistractorFlagValue], { description: 'Distractor flags of a wrong option (empty for a correct one).' })
  flags: DistractorFlag[]
}

@ObjectType({ description: 'One question of a quiz, analysed over its submitted attempts (试题分析).' })
export class QuestionStatistics {
  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => Int, { nullable: true, description: 'Its place in a fixed quiz; null for a question a blueprint drew.' })
  order: number | null

  @Field(() => QuestionType, { description: 'Question type.' })
  type: QuestionType

  @Field(() => String, { description: 'Stem.' })
  stem: string

  @Field(() => [String], { description: 'The articles it tests, as 法规简称 第N条.' })
  articles: string[]

  @Field(() => Int, { description: 'Submitted attempts that contained it.' })
  attempts: number

  @Field(() => Int, { description: 'Attempts that earned its full points.' })
  correct: number

  @Field(() => Float, { description: 'Facility (难度/得分率): mean share of its points earned, 0–1. Below 0.3 hard, above 0.9 easy.' })
  facility: number

  @Field(() => Float, { nullable: true, description: 'Discrimination (区分度): facility in the best 27 % of attempts minus in the worst 27 %, −1–1. Below 0.2 the question does not tell who studied; null with too few attempts.' })
  discrimination: number | null

  @Field(() => Int, { description: 'Attempts that contained it but left it unanswered.' })
  unanswered: number

  @Field(() => [OptionStatistics], { description: 'Each option of a choice or true/false question with how often it was chosen; empty for fill-in questions.' })
  options: OptionStatistics[]
}

@ObjectType({ description: 'How many submitted attempts scored within a band of the maximum.' })
export class ScoreBand {
  @Field(() => Int, { description: 'From this percentage (inclusive).' })
  from: number

  @Field(() => Int, { description: 'To this percentage (exclusive; 100 inclusive for the last band).' })
  to: number

  @Field(() => Int, { description: 'Attempts in the band.' })
  count: number
}

@ObjectType({ description: 'Results of a quiz over the submitted attempts of the people the viewer trains (all, for admins).' })
export class QuizStatistics {
  @Field(() => ID, { description: 'The quiz.' })
  quizId: string

  @Field(() => String, { description: 'Its title.' })
  title: string

  @Field(() => Int, { description: 'Submitted attempts counted.' })
  submitted: number

  @Field(() => Float, { nullable: true, description: 'Mean score in % of the maximum; null without attempts.' })
  averageScore: number | null

  @Field(() => Float, { nullable: true, description: 'Share of attempts that passed, 0–1; null without attempts.' })
  passRate: number | null

  @Field(() => [ScoreBand], { description: 'Attempts by score, in ten bands of 10 %.' })
  distribution: ScoreBand[]

  @Field(() => [QuestionStatistics], { description: 'Each question: a fixed quiz’s in order, a blueprint’s by how many attempts drew it.' })
  questions: QuestionStatistics[]
}

@ObjectType({ description: 'One organisation’s study in a year (单位学法统计), to see which units lag.' })
export class UnitStudyStats {
  @Field(() => Organization, { description: 'The organisation.' })
  organization: Organization

  @Field(() => Int, { description: 'People who are members.' })
  members: number

  @Field(() => Int, { description: 'Pre-meeting sessions (会前学法) each member must attend in a year.' })
  requiredPreMeetingSessions: number

  @Field(() => Int, { description: 'Members who attended at least that many.' })
  membersMeetingRequirement: number

  @Field(() => Int, { description: 'Study sessions the organisation held in the year.' })
  sessionsHeld: number

  @Field(() => Float, { nullable: true, description: 'Attendance at its sessions: attended / invited, 0–1; null when nobody was invited.' })
  attendanceRate: number | null

  @Field(() => Int, { description: 'Quiz attempts its members submitted in the year.' })
  quizAttempts: number

  @Field(() => Float, { nullable: true, description: 'Their mean score in % of the maximum; null without attempts.' })
  averageScore: number | null

  @Field(() => Float, { nullable: true, description: 'Share of them that passed, 0–1; null without attempts.' })
  passRate: number | null
}
