import { Field, ID, Int, ObjectType } from 'type-graphql'

/** The answer of the `importLaw` mutation. */

@ObjectType({ description: 'What importing one law file did.' })
export class LawImportReport {
  @Field(() => ID, { description: 'The law.' })
  lawId: string

  @Field(() => ID, { description: 'The version: `<lawId>@<versionDate>`.' })
  versionId: string

  @Field(() => String, { description: 'Title read from the file.' })
  title: string

  @Field(() => Int, { description: 'Articles in the version.' })
  articles: number

  @Field(() => Boolean, { description: 'True when the version did not exist before.' })
  created: boolean

  @Field(() => Boolean, { description: 'True when exactly this text was already imported; nothing was written.' })
  unchanged: boolean

  @Field(() => [ID], { description: 'Articles no version contains any more, kept because other data links to them.' })
  keptArticles: string[]

  @Field(() => [String], { description: 'Notes on an accepted file, each with its line (第 N 行): what the importer assumed or skipped, e.g. a version date taken from the file name or a table of contents (目录) left out.' })
  warnings: string[]
}
