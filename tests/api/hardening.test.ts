import type { TestServer } from '../helpers'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { logger } from '../../server/src/logger'
import { gql, login, startTestServer, uniqueId } from '../helpers'
import { mdpArticleId } from '../integration/studyFixtures'

/**
 * Issue 16: response headers of the API, errors without stack traces but with a request id, the graph
 * view hiding unpublished questions from cadres, and titles, stems, options and names that show nothing.
 */

let server: TestServer
const tokens = {} as Record<'cadre' | 'trainer' | 'advisor' | 'admin', string>

beforeAll(async () => {
  // `npm start` runs in development mode: that is the mode that must not leak stacks.
  server = await startTestServer({ NODE_ENV: 'development' })
  for (const user of ['cadre', 'trainer', 'advisor', 'admin'] as const)
    tokens[user] = await login(server.url, user)
})
afterAll(async () => {
  await server.stop()
})

async function post(body: unknown, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { response, json: await response.json() as { data?: any, errors?: { message: string, extensions?: Record<string, any> }[] } }
}

describe('the API sends security headers (helmet)', () => {
  it('forbids scripts, framing, sniffing and referrers on /graphql', async () => {
    const { response } = await post({ query: '{ health { ok } }' })
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain('default-src \'none\'')
    expect(csp).toContain('frame-ancestors \'none\'')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })
})

describe('errors carry a request id and never a stack trace unless XUEFA_DEBUG=1', () => {
  it('answers a refused login without a stack, with the request id of the response header', async () => {
    const { response, json } = await post({ query: 'mutation { login(username: "nobody-here", password: "wrong-password-1") { token } }' })
    const error = json.errors![0]!
    expect(error.extensions?.code).toBe('UNAUTHENTICATED')
    expect(error.extensions).not.toHaveProperty('stacktrace')
    expect(JSON.stringify(json)).not.toMatch(/\bat .+\.ts:\d+/)
    expect(error.extensions?.requestId).toBe(response.headers.get('x-request-id'))
    expect(error.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('logs an unexpected failure with the request id the user sees, and tells the user nothing of it', async () => {
    const read = server.db.read.bind(server.db)
    const failing = vi.spyOn(server.db, 'read').mockImplementation((query: string, ...rest: any[]) => {
      if (query.includes('RETURN u {.id, .username'))
        return Promise.reject(new Error('boom: secret driver detail'))
      return (read as any)(query, ...rest)
    })
    const logged = vi.spyOn(logger, 'error')
    try {
      const { response, json } = await post({ query: '{ me { roles } }' }, tokens.admin)
      const error = json.errors![0]!
      expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR')
      expect(JSON.stringify(json)).not.toContain('secret driver detail')
      expect(error.extensions).not.toHaveProperty('stacktrace')
      const requestId = response.headers.get('x-request-id')
      expect(error.extensions?.requestId).toBe(requestId)
      const line = logged.mock.calls.find(([entry]) => (entry as { requestId?: string }).requestId === requestId)
      expect(line, 'a log line with the request id').toBeDefined()
      expect(String((line![0] as { err: Error }).err.message)).toContain('secret driver detail')
    }
    finally {
      failing.mockRestore()
      logged.mockRestore()
    }
  })

  it('sends stack traces to a developer who asks with XUEFA_DEBUG=1', async () => {
    const debug = await startTestServer({ NODE_ENV: 'production', XUEFA_DEBUG: '1' })
    try {
      const result = await gql(debug.url, 'mutation { login(username: "nobody-here", password: "wrong-password-1") { token } }')
      expect(result.errors?.[0]?.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/^\s*at /)]))
    }
    finally {
      await debug.stop()
    }
  })
})

describe('the graph view shows a cadre published material only', () => {
  it('leaves a draft question out of a cadre’s graph, and shows it to its trainer', async () => {
    const articleId = await mdpArticleId(server.db, '第二十五条')
    const draft = await gql(server.url, 'mutation($input: QuestionInput!) { createQuestion(input: $input) { id status } }', {
      input: { type: 'TRUE_FALSE', stem: `草稿题 ${uniqueId('q')}：合法性审查在集体讨论前进行。`, options: [], answer: ['TRUE'], explanation: '见第二十五条。', difficulty: 2, articleIds: [articleId], topicIds: [] },
    }, tokens.trainer)
    expect(draft.errors).toBeUndefined()
    const draftId = draft.data.createQuestion.id
    expect(draft.data.createQuestion.status).toBe('DRAFT')
    try {
      const query = '{ graphNeighbourhood(id: $id, depth: 1) { nodes { id kind } } }'.replace('{ graphNeighbourhood', 'query($id: ID!) { graphNeighbourhood')
      const asTrainer = await gql(server.url, query, { id: articleId }, tokens.trainer)
      expect(asTrainer.data.graphNeighbourhood.nodes.map((n: { id: string }) => n.id)).toContain(draftId)
      const asCadre = await gql(server.url, query, { id: articleId }, tokens.cadre)
      const ids = asCadre.data.graphNeighbourhood.nodes.map((n: { id: string }) => n.id)
      expect(ids).toContain(articleId)
      expect(ids).not.toContain(draftId)
      // Whatever questions the cadre does see are published ones.
      const shown = asCadre.data.graphNeighbourhood.nodes.filter((n: { kind: string }) => n.kind === 'QUESTION').map((n: { id: string }) => n.id)
      const statuses = await server.db.read<{ status: string }>('MATCH (q:Question) WHERE q.id IN $ids RETURN DISTINCT q.status AS status', { ids: shown })
      expect(statuses.map(s => s.status).filter(s => s !== 'PUBLISHED')).toEqual([])
    }
    finally {
      await server.db.write('MATCH (q:Question {id: $id}) DETACH DELETE q', { id: draftId })
    }
  })
})

describe('text that shows nothing is refused for titles, stems, options and names', () => {
  // Each blank is one a careless paste or a script produces: spaces, zero-width characters, controls.
  const BLANKS = ['   ', '\u200B\u200B\u200B', '\u3000\u3000', '\u0007\u0008\u200D', '\u3164\u3164']

  async function refused(query: string, input: Record<string, unknown>, token: string, field: string) {
    const result = await gql(server.url, query, { input }, token)
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('BAD_USER_INPUT')
    const fields = result.errors![0]!.extensions!.fields as { field: string, message: string }[]
    const mine = fields.find(f => f.field === field)
    expect(mine, `${field} in ${JSON.stringify(fields)}`).toBeDefined()
    expect(mine!.message).toMatch(/不能只含空格或不可见字符/)
  }

  it('refuses such a decision title, evidence title, question stem and option, quiz and session title, and person name', async () => {
    const articleId = await mdpArticleId(server.db)
    const before = await server.db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n')
    for (const blank of BLANKS) {
      await refused('mutation($input: DecisionInput!) { createDecision(input: $input) { id } }', { title: blank, organizationId: 'org-waigang-economy' }, tokens.advisor, 'title')
      await refused('mutation($input: AppendStepRecordInput!) { appendStepRecord(input: $input) { created } }', { decisionId: 'sample-decision', clientId: randomUUID(), stepCode: 'LEGALITY_REVIEW', evidence: [{ title: blank }] }, tokens.advisor, 'evidence.0.title')
      const question = { type: 'SINGLE', stem: `${blank}`, options: ['甲项', blank], answer: ['A'], explanation: '', difficulty: 2, articleIds: [articleId], topicIds: [] }
      await refused('mutation($input: QuestionInput!) { createQuestion(input: $input) { id } }', question, tokens.trainer, 'stem')
      await refused('mutation($input: QuestionInput!) { createQuestion(input: $input) { id } }', { ...question, stem: '以下哪一项是正确的？' }, tokens.trainer, 'options')
      await refused('mutation($input: QuizInput!) { createQuiz(input: $input) { id } }', { title: blank, kind: 'FIXED' }, tokens.trainer, 'title')
      await refused('mutation($input: ScheduleStudySessionInput!) { scheduleStudySession(input: $input) { id } }', { kind: 'PRE_MEETING', title: blank, startsAt: '2030-03-02T09:00:00+08:00', minutes: 30, organizationId: 'org-waigang-economy', articleIds: [articleId] }, tokens.trainer, 'title')
      await refused('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { username: uniqueId('u').replace(/[^\w.-]/g, '').slice(-30), password: 'blank-name-test-123', name: blank, roles: ['CADRE'] }, tokens.admin, 'name')
    }
    expect(await server.db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n')).toEqual(before)
  })

  it('still accepts text with a visible character among invisible ones', async () => {
    const result = await gql(server.url, 'mutation($input: DecisionInput!) { createDecision(input: $input) { id title } }', { input: { title: '\u200B测试决策', organizationId: 'org-waigang-economy' } }, tokens.advisor)
    expect(result.errors).toBeUndefined()
    await server.db.write('MATCH (d:Decision {id: $id}) DETACH DELETE d', { id: result.data.createDecision.id })
  })
})
