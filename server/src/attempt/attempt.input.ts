import { ArgsType, Field, ID, Int } from 'type-graphql'

/** The arguments of saveAnswer. */
@ArgsType()
export class SaveAnswerArgs {
  @Field(() => ID, { description: 'The attempt (in progress).' })
  attemptId: string

  @Field(() => ID, { description: 'The question.' })
  questionId: string

  @Field(() => [String], { description: 'The answer: letters of the options as shown (A, B, …), TRUE or FALSE, or one text per blank. An empty list clears it.' })
  given: string[]

  @Field(() => Int, { nullable: true, description: 'Milliseconds spent on the question (for item statistics).' })
  ms?: number | null
}
