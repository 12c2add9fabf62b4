import type { AddressInfo } from 'node:net'
import type { RunningServer } from '../../server/src/app'
import http from 'node:http'
import process from 'node:process'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer'
import { Neo4jGraphQL } from '@neo4j/graphql'
import neo4j from 'neo4j-driver'
import { MAX_BODY, startServer } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { Database } from '../../server/src/db/database'
import { graphqlHandler } from '../../server/src/graphqlHttp'
import { buildAppSchema } from '../../server/src/schema/schema'
import { PEER_TYPE_DEFS } from './peer'

/**
 * A server under test, in its own process so its memory (RSS) is its own:
 *  - `app`: Xuefa's API (server/src/app.ts startServer) on the configured database;
 *  - `peer`: the Neo4j GraphQL library (@neo4j/graphql) serving the same graph on the same HTTP stack
 *    (Node's HTTP server + Apollo Server 5, server/src/graphqlHttp.ts);
 *  - `trivial`: a bare Apollo Server on the same stack, answering `{ __typename }` (the HTTP + GraphQL floor).
 * It listens on a free loopback port, tells the parent its URL over IPC, answers `rss` requests and
 * stops on `stop`.
 */

type Message = { type: 'rss', id: number, gc?: boolean } | { type: 'stop' }

async function bareServer(schemaOptions: { typeDefs?: string, schema?: import('graphql').GraphQLSchema, context?: () => Promise<object> }): Promise<RunningServer> {
  const httpServer = http.createServer()
  const apollo = new ApolloServer(
    schemaOptions.schema
      ? { schema: schemaOptions.schema, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] }
      : { typeDefs: schemaOptions.typeDefs!, resolvers: {}, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] },
  )
  await apollo.start()
  httpServer.on('request', graphqlHandler(apollo, { maxBody: MAX_BODY, context: schemaOptions.context ?? (async () => ({})) }))
  await new Promise<void>(resolve => httpServer.listen(0, '127.0.0.1', () => resolve()))
  const port = (httpServer.address() as AddressInfo).port
  return { url: `http://127.0.0.1:${port}`, port, close: () => apollo.stop() }
}

async function main(): Promise<void> {
  const mode = process.argv[2]
  const config = loadConfig()
  let server: RunningServer
  let close: () => Promise<void> = async () => {}
  if (mode === 'app') {
    const db = await Database.connect({ uri: config.NEO4J_URI!, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE })
    server = await startServer(config, db, await buildAppSchema(), 0)
    close = () => db.close()
  }
  else if (mode === 'peer') {
    const auth = config.NEO4J_PASSWORD ? neo4j.auth.basic(config.NEO4J_USER, config.NEO4J_PASSWORD) : undefined
    const driver = neo4j.driver(config.NEO4J_URI!, auth, { maxConnectionPoolSize: 100 })
    const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema()
    server = await bareServer({ schema, context: async () => ({ sessionConfig: { database: config.NEO4J_DATABASE } }) })
    close = () => driver.close()
  }
  else if (mode === 'trivial') {
    server = await bareServer({ typeDefs: 'type Query { ok: Boolean }' })
  }
  else {
    throw new Error(`unknown mode ${mode}: use app, peer or trivial`)
  }
  process.on('message', (message: Message) => {
    if (message.type === 'rss') {
      // Started with --expose-gc: a full collection first shows what the server really keeps.
      if (message.gc)
        (globalThis as { gc?: () => void }).gc?.()
      process.send!({ type: 'rss', id: message.id, memory: process.memoryUsage() })
    }
    else if (message.type === 'stop') {
      void server.close().then(close).finally(() => process.exit(0))
    }
  })
  process.on('disconnect', () => process.exit(0))
  process.send!({ type: 'ready', url: server.url })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
