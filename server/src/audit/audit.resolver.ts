import type { Context } from '../context'
import { Args, Ctx, Query, Resolver } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { decodeCursor, PageArgs, pageInfo } from '../common/pagination'
import { listAuditEvents } from './audit.repository'
import { AuditEventPage } from './audit.type'

@Resolver()
export class AuditResolver {
  @Access([Role.ADMIN])
  @Query(() => AuditEventPage, { description: 'The audit trail, newest first (admins only).' })
  async auditEvents(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() { db }: Context): Promise<AuditEventPage> {
    const skip = decodeCursor(after)
    const { total, items } = await listAuditEvents(db, skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }
}
