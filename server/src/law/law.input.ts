import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator'
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql'
import { PageArgs } from '../common/pagination'
import { LawLevel, LawStatus } from './law.type'
import { MAX_SEARCH_LENGTH } from './search'

@InputType({ description: 'Filter of the law list.' })
export class LawFilter {
  @Field(() => LawLevel, { nullable: true, description: 'Only laws of this 效力级别.' })
  @IsOptional()
  level?: LawLevel | null

  @Field(() => LawStatus, { nullable: true, description: 'Only laws of this 时效性.' })
  @IsOptional()
  status?: LawStatus | null

  @Field(() => String, { nullable: true, description: `Words of the title, 简称 or 文号 (full-text, up to ${MAX_SEARCH_LENGTH} characters).` })
  @IsOptional()
  @MaxLength(MAX_SEARCH_LENGTH, { message: `检索词过长 (search text longer than ${MAX_SEARCH_LENGTH} characters): shorten it.` })
  text?: string | null
}

@ArgsType()
export class LawListArgs extends PageArgs {
  @Field(() => LawFilter, { nullable: true, description: 'Filter; all laws when omitted.' })
  @IsOptional()
  filter?: LawFilter | null
}

@ArgsType()
export class ArticleSearchArgs {
  @Field(() => String, { description: `Words to find in article text, captions and 要点 (up to ${MAX_SEARCH_LENGTH} characters; searched literally).` })
  @MaxLength(MAX_SEARCH_LENGTH, { message: `检索词过长 (search text longer than ${MAX_SEARCH_LENGTH} characters): shorten it.` })
  text: string

  @Field(() => Int, { defaultValue: 20, description: 'How many hits to return (1–50).' })
  @Min(1)
  @Max(50)
  first: number
}

@ArgsType()
export class GraphArgs {
  @Field(() => ID, { description: 'Id of a law, article or topic.' })
  id: string

  @Field(() => Int, { defaultValue: 1, description: 'How many relationships away to go (1 or 2).' })
  @Min(1, { message: '深度须为 1 或 2 (depth must be 1 or 2).' })
  @Max(2, { message: '深度须为 1 或 2 (depth must be 1 or 2).' })
  depth: number
}

@ArgsType()
export class ImportLawArgs {
  @Field(() => String, { description: 'Name of the file (e.g. legislation-law-2023.md); names the law when it has no manifest entry and appears in error messages.' })
  @Matches(/^[^/\\\0]{1,200}$/, { message: '文件名须为 1–200 个字符且不含路径 (fileName: 1–200 characters, no path).' })
  fileName: string

  @Field(() => String, { description: 'The whole text of one law file in the corpus Markdown format (UTF-8, at most the parser’s 5 MB).' })
  text: string
}
