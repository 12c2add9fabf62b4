import { Field, ID, Int, ObjectType } from 'type-graphql'
import { ArticleHeading, ArticleTextSource } from '../law/law.type'
import { QuizMode, QuizReveal } from './quiz.type'

/** What a cadre sees of a quiz (its settings) and of an article a question tests or a session covers. */

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
