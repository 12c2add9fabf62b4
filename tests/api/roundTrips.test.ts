import type { TestServer } from '../helpers'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { followUpSettled } from '../../server/src/attempt/followUp'
import { login, startTestServer } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz, TEST_PASSWORD } from '../integration/studyFixtures'

/**
 * Database round trips per request, as the server counts them (the x-db-round-trips header it adds in
 * benchmark mode): the requests whose count the README states.
 */

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ XUEFA_BENCH: '1' })
})
afterAll(async () => {
  await server.stop()
})

async function send(token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  })
  const body = await response.json() as { data?: any, errors?: unknown[] }
  expect(body.errors).toBeUndefined()
  return { data: body.data, roundTrips: Number(response.headers.get('x-db-round-trips')) }
}

describe('round trips per request', () => {
  it('answers a cadre’s record (me { progress }) in one, and reads the account only for roles or the person', async () => {
    const token = await login(server.url, 'cadre')
    const record = await send(token, '{ me { id username progress { year quizAttempts masteryByTopic { mastery } } } }')
    expect(record.roundTrips).toBe(1)
    expect(record.data.me.username).toBe('cadre')
    expect(record.data.me.progress.quizAttempts).toBeGreaterThan(0)

    const withAccount = await send(token, '{ me { roles person { name } progress { quizAttempts } } }')
    expect(withAccount.roundTrips).toBe(2)
    expect(withAccount.data.me.roles).toEqual(['CADRE'])
    expect(withAccount.data.me.person.name).toBeTruthy()
    expect(withAccount.data.me.progress).toEqual({ quizAttempts: record.data.me.progress.quizAttempts })
  })

  it('submits an attempt in one (the checked write); its review cards are written just after, off the request', async () => {
    const questions = await makeQuestions(server.db)
    const { username, user } = await makeCadre(server.db)
    const token = await login(server.url, username, TEST_PASSWORD)
    const quizId = await makeQuiz(server.db, questions.ids)
    const started = await send(token, 'mutation($q: ID!) { startAttempt(quizId: $q) { id } }', { q: quizId })
    const submitted = await send(token, 'mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { id status score } }', { a: started.data.startAttempt.id, s: randomUUID() })
    expect(submitted.data.submitAttempt).toMatchObject({ status: 'SUBMITTED', score: 0 })
    expect(submitted.roundTrips).toBe(1)
    await followUpSettled(server.db)
    const [cards] = await server.db.read<{ n: number }>('MATCH (:Person {id: $id})-[r:REVIEWS]->() RETURN count(r) AS n', { id: user.personId })
    expect(cards!.n).toBe(4) // all four unanswered
  })
})
