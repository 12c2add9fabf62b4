import type { Context } from '../context'
import { Ctx, Query, Resolver } from 'type-graphql'
import { Access } from '../auth/access'
import { Health } from './health.type'

@Resolver()
export class HealthResolver {
  @Access('PUBLIC')
  @Query(() => Health, { description: 'Whether the service and its database are up, and which Neo4j it runs on.' })
  async health(@Ctx() { db }: Context): Promise<Health> {
    const database = await db.serverInfo()
    return { ok: true, database }
  }
}
