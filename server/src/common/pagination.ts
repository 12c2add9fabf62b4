import { Buffer } from 'node:buffer'
import { Max, Min } from 'class-validator'
import { ArgsType, Field, Int, ObjectType } from 'type-graphql'
import { badInput } from './errors'

/** The largest page any list returns. */
export const MAX_PAGE_SIZE = 100

/** `first`/`after` arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items to return (1–${MAX_PAGE_SIZE}).` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number

  @Field(() => String, { nullable: true, description: 'Cursor from `pageInfo.endCursor` of the previous page.' })
  after?: string | null
}

/** Page metadata. */
@ObjectType({ description: 'Where this page stands in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether a further page exists.' })
  hasNextPage: boolean

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null

  @Field(() => Int, { description: 'Total number of items matching the filter.' })
  totalCount: number
}

/** Cursors are opaque offsets; decoding refuses anything we did not issue. */
export function decodeCursor(after: string | null | undefined): number {
  if (!after)
    return 0
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'))
  if (!match)
    throw badInput('分页游标无效 (invalid cursor): pass the endCursor of a previous page, or omit `after`.')
  return Number(match[1])
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url')
}

/** Builds the page info for `skip` + items returned out of `total`. */
export function pageInfo(skip: number, returned: number, total: number): PageInfo {
  const end = skip + returned
  return { hasNextPage: end < total, endCursor: returned > 0 ? encodeCursor(end) : null, totalCount: total }
}

/** `first` alone, for the short lists of `me` that have no paging. */
@ArgsType()
export class FirstArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many items to return (1–${MAX_PAGE_SIZE}).` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number
}
