import type { GraphQLArgument, GraphQLField, GraphQLInputType, GraphQLSchema } from 'graphql'
import type { TestServer } from '../helpers'
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAppSchema } from '../../server/src/schema/schema'
import { gql, login, startTestServer, uniqueId } from '../helpers'

const ROLES = ['CADRE', 'TRAINER', 'ADVISOR', 'ADMIN'] as const
const DEMO_USER: Record<(typeof ROLES)[number], string> = { CADRE: 'cadre', TRAINER: 'trainer', ADVISOR: 'advisor', ADMIN: 'admin' }

let server: TestServer
let schema: GraphQLSchema
const tokens: Record<string, string> = {}

beforeAll(async () => {
  server = await startTestServer()
  schema = await buildAppSchema()
  for (const role of ROLES)
    tokens[role] = await login(server.url, DEMO_USER[role])
})
afterAll(async () => {
  await server.stop()
})

/** A value of the right type for a required argument, so the request reaches the role check. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type))
    return sample(type.ofType)
  if (isListType(type))
    return [sample(type.ofType)]
  if (isEnumType(type))
    return type.getValues()[0]!.value
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {}
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        out[field.name] = sample(field.type)
    }
    return out
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int': return 1
      case 'Float': return 1
      case 'Boolean': return false
      default: return `probe-${type.name.toLowerCase()}`
    }
  }
  return null
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined)
  const declarations = required.map(arg => `$${arg.name}: ${arg.type.toString()}`).join(', ')
  const args = required.map(arg => `${arg.name}: $${arg.name}`).join(', ')
  const variables = Object.fromEntries(required.map(arg => [arg.name, sample(arg.type)]))
  const returnsObject = 'getFields' in getNamedType(field.type)
  const query = `${kind} Probe${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${returnsObject ? ' { __typename }' : ''} }`
  return { query, variables }
}

function allowed(rule: unknown, role: string | null): boolean {
  if (rule === 'PUBLIC')
    return true
  if (role === null)
    return false
  if (rule === 'SIGNED_IN')
    return true
  return Array.isArray(rule) && rule.includes(role)
}

describe('every operation declares who may use it, and the server enforces it', () => {
  it('has an access rule on every query and mutation of the executable schema', () => {
    const missing: string[] = []
    for (const [kind, type] of [['Query', schema.getQueryType()], ['Mutation', schema.getMutationType()], ['Subscription', schema.getSubscriptionType()]] as const) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        if (field.extensions?.access === undefined)
          missing.push(`${kind}.${field.name}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('allows and denies each operation for anonymous users and each role as declared', async () => {
    const mismatches: string[] = []
    let checked = 0
    for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        if (field.name === 'logout')
          continue // allowed for everyone, and would end the session the next probes use
        const rule = field.extensions?.access
        const { query, variables } = operationFor(kind, field)
        for (const role of [null, ...ROLES]) {
          const result = await gql(server.url, query, variables, role ? tokens[role] : undefined)
          const denied = (result.errors ?? []).some(e => (e.extensions?.details as { accessDenied?: boolean } | undefined)?.accessDenied)
          const expectAllowed = allowed(rule, role)
          checked++
          if (denied === expectAllowed)
            mismatches.push(`${field.name} as ${role ?? 'anonymous'}: expected ${expectAllowed ? 'allowed' : 'denied'}, got ${JSON.stringify(result.errors ?? 'data')}`)
          if (!expectAllowed)
            expect(result.status, `${field.name} as ${role ?? 'anonymous'}`).toBeGreaterThanOrEqual(400)
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(checked).toBeGreaterThan(20)
  }, 300_000)

  it('keeps the password hash out of the schema', () => {
    const fields = Object.values(schema.getTypeMap()).flatMap(t => ('getFields' in t ? Object.keys(t.getFields()) : []))
    expect(fields).not.toContain('passwordHash')
  })
})

async function graphSize(): Promise<{ nodes: number, rels: number }> {
  const [row] = await server.db.read<{ nodes: number, rels: number }>('MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels')
  return row!
}

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, 'authorization': `Bearer ${tokens.ADMIN}` }, body })
  const text = await response.text()
  let json: { errors?: { message: string, extensions?: { code?: string } }[] } = {}
  try {
    json = JSON.parse(text)
  }
  catch {}
  return { status: response.status, json }
}

describe('hostile requests are refused with a 4xx and a clear code, and change nothing', () => {
  it('refuses each attack', async () => {
    const before = await graphSize()
    const deep = `{ me ${'{ person '.repeat(50)}{ id }${' }'.repeat(50)} }`
    const aliases = `mutation { ${Array.from({ length: 1000 }, (_, i) => `a${i}: login(username: "admin", password: "guess${i}") { token }`).join(' ')} }`
    const costBomb = `{ ${Array.from({ length: 14 }, (_, i) => `u${i}: users(first: 100) { items { id username roles person { id name organization { id name kind } } } }`).join(' ')} }`
    const cases: [string, { status: number, json: { errors?: { message: string, extensions?: { code?: string } }[] } }, number[]][] = [
      ['depth 50', await post(JSON.stringify({ query: deep })), [400]],
      ['1,000 aliases of login', await post(JSON.stringify({ query: aliases })), [400]],
      ['cost bomb', await post(JSON.stringify({ query: costBomb })), [400]],
      ['5 MB body', await post(JSON.stringify({ query: `{ health { ok } }`, variables: { pad: 'x'.repeat(5 * 1024 * 1024) } })), [413]],
      ['malformed JSON', await post('{"query": "{ health { ok } }"'), [400]],
      ['wrong variable types', await post(JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 42, p: { not: 'a string' } } })), [400]],
      ['form-encoded (CSRF)', await post('query=%7B%20health%20%7B%20ok%20%7D%20%7D', 'application/x-www-form-urlencoded'), [400, 415]],
    ]
    for (const [name, result, statuses] of cases) {
      expect(statuses, `${name}: HTTP ${result.status} ${JSON.stringify(result.json)}`).toContain(result.status)
      expect(result.json.errors?.[0]?.message, name).toBeTruthy()
      expect(result.json.errors?.[0]?.extensions?.code, name).toBeTruthy()
    }
    expect(await graphSize()).toEqual(before)
  }, 120_000)

  it('stores and returns Cypher-looking text literally', async () => {
    const hostile = `"}) DETACH DELETE n // ${uniqueId('x')}`
    const before = await graphSize()
    const username = uniqueId('u').slice(0, 30).replace(/[^\w.-]/g, '')
    const created = await gql(server.url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id person { name } } }', {
      input: { username, password: 'hostile-input-123', name: hostile.slice(0, 50), roles: ['CADRE'] },
    }, tokens.ADMIN)
    expect(created.errors).toBeUndefined()
    expect(created.data.createUser.person.name).toBe(hostile.slice(0, 50))
    const after = await graphSize()
    expect(after.nodes).toBe(before.nodes + 3) // user, person, audit event
    await server.db.write('MATCH (u:User {id: $id})-[:IS]->(p:Person) DETACH DELETE u, p', { id: created.data.createUser.id })
  })
})

describe('login', () => {
  it('gives the same answer for an unknown account and a wrong password, then slows repeated failures', async () => {
    const unknown = await gql(server.url, 'mutation { login(username: "nobody-here", password: "wrong-password-1") { token } }')
    const wrong = await gql(server.url, 'mutation { login(username: "trainer", password: "wrong-password-1") { token } }')
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message)
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    let limited = false
    for (let i = 0; i < 8 && !limited; i++) {
      const attempt = await gql(server.url, 'mutation { login(username: "advisor", password: "wrong-password-2") { token } }')
      limited = attempt.errors?.[0]?.extensions?.code === 'RATE_LIMITED'
    }
    expect(limited).toBe(true)
  })

  it('sets an HttpOnly session cookie that authenticates later requests, and logout clears it', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(username: "cadre", password: "xuefa-demo") { expiresAt } }' }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/xuefa_session=[^;]+;.*HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    const me = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': cookie.split(';')[0]! },
      body: JSON.stringify({ query: '{ me { username roles } }' }),
    })
    expect(((await me.json()) as { data: { me: unknown } }).data.me).toEqual({ username: 'cadre', roles: ['CADRE'] })
    const logout = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cookie': cookie.split(';')[0]! },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    })
    expect(logout.headers.get('set-cookie')).toMatch(/xuefa_session=;/)
  })

  it('treats an expired or forged token as no session', async () => {
    const forged = `${tokens.ADMIN!.slice(0, -4)}AAAA`
    const result = await gql(server.url, '{ users(first: 1) { items { id } } }', {}, forged)
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('audit trail', () => {
  it('records admin writes with who, what and when, readable by admins only', async () => {
    const username = `audit${Date.now().toString(36)}`
    const created = await gql(server.url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { username, password: 'audit-trail-123', name: '审计测试', roles: ['CADRE'] },
    }, tokens.ADMIN)
    const id = created.data.createUser.id
    const events = await gql(server.url, '{ auditEvents(first: 20) { items { operation actorUsername targetIds at } } }', {}, tokens.ADMIN)
    const entry = events.data.auditEvents.items.find((e: { targetIds: string[] }) => e.targetIds.includes(id))
    expect(entry).toMatchObject({ operation: 'createUser', actorUsername: 'admin' })
    const asCadre = await gql(server.url, '{ auditEvents(first: 1) { items { id } } }', {}, tokens.CADRE)
    expect(asCadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    await server.db.write('MATCH (u:User {id: $id})-[:IS]->(p:Person) DETACH DELETE u, p', { id })
  })
})
