import { Field, ID, ObjectType } from 'type-graphql'
import { PageInfo } from '../common/pagination'

@ObjectType({ description: 'An entry of the audit trail (审计日志): one accepted write.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Entry id.' })
  id: string

  @Field(() => String, { description: 'When the write committed (ISO 8601).' })
  at: string

  @Field(() => String, { nullable: true, description: 'Id of the user who made it; null for system work such as seeding.' })
  actorId: string | null

  @Field(() => String, { nullable: true, description: 'Username of that user.' })
  actorUsername: string | null

  @Field(() => String, { description: 'The operation, e.g. createUser.' })
  operation: string

  @Field(() => [String], { description: 'Ids of the nodes written.' })
  targetIds: string[]
}

@ObjectType({ description: 'A page of audit entries, newest first.' })
export class AuditEventPage {
  @Field(() => [AuditEvent], { description: 'The entries.' })
  items: AuditEvent[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}
