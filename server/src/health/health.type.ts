import { Field, ObjectType } from 'type-graphql'

@ObjectType({ description: 'The graph database behind the service.' })
export class DatabaseInfo {
  @Field(() => String, { description: 'Neo4j server version, e.g. 5.26.30.' })
  version: string

  @Field(() => String, { description: 'Neo4j edition: community or enterprise.' })
  edition: string
}

@ObjectType({ description: 'Service status (服务状态).' })
export class Health {
  @Field(() => Boolean, { description: 'True when the API and its database answer.' })
  ok: boolean

  @Field(() => DatabaseInfo, { description: 'The database the service uses.' })
  database: DatabaseInfo
}
