import type { TestServer } from '../helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, login, startTestServer } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz, makeSession, TEST_PASSWORD } from '../integration/studyFixtures'

// Issue 16.8: a cadre of another organisation could start a quiz not addressed to them.

let server: TestServer
let questions: Awaited<ReturnType<typeof makeQuestions>>

beforeAll(async () => {
  server = await startTestServer()
  questions = await makeQuestions(server.db)
})
afterAll(async () => {
  await server.stop()
})

const START = 'mutation($q: ID!) { startAttempt(quizId: $q) { id status } }'

async function cadreOf(organizationId: string) {
  const cadre = await makeCadre(server.db, organizationId)
  return { ...cadre, token: await login(server.url, cadre.username, TEST_PASSWORD) }
}

describe('who may take a quiz', () => {
  it('refuses a cadre outside the quiz’s organisations (FORBIDDEN, in Chinese) and starts nothing', async () => {
    const quizId = await makeQuiz(server.db, questions.ids, { openToAll: false, audienceOrganizationIds: ['org-waigang-economy'] })
    const outsider = await cadreOf('org-waigang-justice')
    const refused = await gql(server.url, START, { q: quizId }, outsider.token)
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(refused.errors?.[0]?.message).toMatch(/该测验不面向你/)
    const [row] = await server.db.read<{ n: number }>('RETURN COUNT { (:Person {id: $p})-[:MADE]->(:Attempt) } AS n', { p: outsider.user.personId })
    expect(row!.n).toBe(0)
    const member = await cadreOf('org-waigang-economy')
    expect((await gql(server.url, START, { q: quizId }, member.token)).data.startAttempt.status).toBe('IN_PROGRESS')
  })

  it('admits the members of a sub-unit of an audience organisation, and the people invited to a session with the quiz', async () => {
    const quizId = await makeQuiz(server.db, questions.ids, { openToAll: false, audienceOrganizationIds: ['org-waigang'] })
    const subUnit = await cadreOf('org-waigang-planning')
    expect((await gql(server.url, START, { q: quizId }, subUnit.token)).data.startAttempt.status).toBe('IN_PROGRESS')

    const sessionQuiz = await makeQuiz(server.db, questions.ids, { openToAll: false, audienceOrganizationIds: [] })
    const invited = await cadreOf('org-waigang-justice')
    const stranger = await cadreOf('org-waigang-justice')
    await makeSession(server.db, [invited.user.personId!], { quizId: sessionQuiz })
    expect((await gql(server.url, START, { q: sessionQuiz }, invited.token)).data.startAttempt.status).toBe('IN_PROGRESS')
    expect((await gql(server.url, START, { q: sessionQuiz }, stranger.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('lets a trainer say a quiz is open to everyone, or name its organisations; a new quiz is for nobody until then', async () => {
    const trainer = await login(server.url, 'trainer')
    const FIELDS = 'id openToAll audienceOrganizationIds'
    const input = { title: `受众测试 ${Date.now()}`, kind: 'FIXED', items: [{ questionId: questions.single, points: 5 }] }
    const created = await gql(server.url, `mutation($input: QuizInput!) { createQuiz(input: $input) { ${FIELDS} } }`, { input }, trainer)
    expect(created.data.createQuiz).toMatchObject({ openToAll: false, audienceOrganizationIds: [] })
    const id = created.data.createQuiz.id
    await gql(server.url, `mutation($id: ID!) { publishQuiz(id: $id) { id } }`, { id }, trainer)
    const cadre = await cadreOf('org-waigang-economy')
    expect((await gql(server.url, START, { q: id }, cadre.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')

    const narrowed = await gql(server.url, `mutation($id: ID!, $input: QuizInput!) { updateQuiz(id: $id, input: $input) { ${FIELDS} } }`, { id, input: { ...input, audienceOrganizationIds: ['org-waigang-economy'] } }, trainer)
    expect(narrowed.data.updateQuiz).toMatchObject({ openToAll: false, audienceOrganizationIds: ['org-waigang-economy'] })
    const opened = await gql(server.url, `mutation($id: ID!, $input: QuizInput!) { updateQuiz(id: $id, input: $input) { ${FIELDS} } }`, { id, input: { ...input, openToAll: true } }, trainer)
    expect(opened.data.updateQuiz).toMatchObject({ openToAll: true, audienceOrganizationIds: ['org-waigang-economy'] })
    const anyone = await cadreOf('org-waigang-justice')
    expect((await gql(server.url, START, { q: id }, anyone.token)).data.startAttempt.status).toBe('IN_PROGRESS')

    const unknown = await gql(server.url, `mutation($id: ID!, $input: QuizInput!) { updateQuiz(id: $id, input: $input) { id } }`, { id, input: { ...input, audienceOrganizationIds: ['org-nowhere'] } }, trainer)
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(unknown.errors?.[0]?.message).toContain('单位不存在')
  })
})
