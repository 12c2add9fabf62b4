import type { AppServer, ServerOptions } from '../server/src/app'
import type { Config } from '../server/src/config'
import { inject } from 'vitest'
import { startServer } from '../server/src/app'
import { loadConfig } from '../server/src/config'
import { Database } from '../server/src/db/database'
import { buildAppSchema } from '../server/src/schema/schema'

/** Password of the seeded demo accounts. */
export const DEMO_PASSWORD = 'xuefa-demo'

/** Connects to the shared test database started by the global setup. */
export function connectTestDatabase(): Promise<Database> {
  return Database.connect({ uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword'), database: inject('neo4jDatabase') })
}

/** Configuration for a test server on the shared database. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_DATABASE: inject('neo4jDatabase'),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LAW_CORPUS_DIR: inject('lawCorpusDir'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...overrides,
  })
}

/** A real HTTP server on a free port, on the shared database. */
export interface TestServer extends AppServer {
  db: Database
  stop: () => Promise<void>
}

export async function startTestServer(overrides: Record<string, string> = {}, options: ServerOptions = {}): Promise<TestServer> {
  const config = testConfig(overrides)
  const db = await connectTestDatabase()
  const server = await startServer(config, db, await buildAppSchema(), 0, options)
  return {
    ...server,
    db,
    stop: async () => {
      await server.close()
      await db.close()
    },
  }
}

/** The JSON answer of a GraphQL request, with its HTTP status. */
export interface GqlResponse<T = any> {
  status: number
  data?: T
  errors?: { message: string, extensions?: { code?: string, [key: string]: unknown } }[]
}

/** Sends one GraphQL request over HTTP, as a browser or client would. */
export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = await response.json() as Omit<GqlResponse<T>, 'status'>
  return { status: response.status, ...body }
}

/** Logs in and returns the bearer token; throws with the server's message on failure. */
export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await gql<{ login: { token: string } }>(url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password })
  if (!result.data?.login)
    throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`)
  return result.data.login.token
}

/** A unique id for test data, so suites can share one database. */
export function uniqueId(prefix: string): string {
  return `${prefix}-test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}
