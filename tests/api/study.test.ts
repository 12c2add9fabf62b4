import type { TestServer } from '../helpers'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { followUpSettled } from '../../server/src/attempt/followUp'
import { gql, login, startTestServer } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz, makeSession, TEST_PASSWORD } from '../integration/studyFixtures'

let server: TestServer
let questions: Awaited<ReturnType<typeof makeQuestions>>

beforeAll(async () => {
  server = await startTestServer()
  questions = await makeQuestions(server.db)
})
afterAll(async () => {
  await server.stop()
})

const ITEM_FIELDS = 'order points questionId type stem options blanks given savedAt earned correct answer explanation articles { id number text textSource label }'
const ATTEMPT_FIELDS = `id quizId quizTitle status startedAt deadline submittedAt score maxScore passed autoSubmitted serverNow revealed
  quiz { id title mode timeLimitSec passScore attemptsAllowed reveal opensAt closesAt questionCount }
  items { ${ITEM_FIELDS} }`
const SESSION_FIELDS = `id kind title meeting startsAt minutes checkInOpensAt checkInClosesAt invitedCount attendedCount
  articles { id lawId lawTitle number caption text textSource label }
  quiz { id title mode timeLimitSec passScore attemptsAllowed reveal questionCount }
  my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } }`
const ME = `{ me { id studySessions(upcoming: true) { ${SESSION_FIELDS} } dueReviewCount
  dueReviews(first: 50) { id questionId type stem options blanks due state reps lapses stability lastReview }
  attempts(first: 20) { items { id status score maxScore passed } pageInfo { totalCount } }
  progress { sessionsAttended quizAttempts averageScore masteryByTopic { topic { id name } mastery cards } } } }`

/** Every response body, as the client received it. */
class Recorder {
  bodies: string[] = []
  constructor(readonly token: string) {}
  async send(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    })
    const text = await response.text()
    this.bodies.push(text)
    const json = JSON.parse(text) as { data?: any, errors?: { message: string }[] }
    expect(json.errors, query.slice(0, 60)).toBeUndefined()
    return json.data
  }
}

/** The answers and explanations of questions as stored: what must not leak. */
async function secretsOf(ids: string[]): Promise<{ explanations: string[], blankTexts: string[] }> {
  const rows = await server.db.read<{ type: string, answer: string[], explanation: string }>(
    'MATCH (q:Question) WHERE q.id IN $ids RETURN q.type AS type, q.answer AS answer, q.explanation AS explanation',
    { ids },
  )
  return {
    explanations: rows.map(r => r.explanation),
    blankTexts: rows.filter(r => r.type === 'FILL_BLANK').flatMap(r => r.answer.flatMap(a => a.split('|'))),
  }
}

/** Fields that carry answers anywhere in a response; each must be null or absent. */
const ANSWER_KEYS = ['answer', 'explanation', 'correct', 'earned', 'articles']

function answerValues(value: unknown, inItem = false, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value)
      answerValues(v, inItem, out)
  }
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const isItem = 'questionId' in record && 'stem' in record && 'given' in record
    for (const [key, v] of Object.entries(record)) {
      if (isItem && ANSWER_KEYS.includes(key) && v !== null)
        out.push(`${key}=${JSON.stringify(v)}`)
      else if (!isItem && (key === 'answer' || key === 'explanation') && v !== null)
        out.push(`${key}=${JSON.stringify(v)}`)
      answerValues(v, isItem, out)
    }
  }
  return out
}

function expectNoLeak(bodies: string[], secrets: { explanations: string[], blankTexts: string[] }) {
  expect(bodies.length).toBeGreaterThan(0)
  for (const body of bodies) {
    for (const text of [...secrets.explanations, ...secrets.blankTexts])
      expect(body, `a response contains "${text}"`).not.toContain(text)
    expect(answerValues(JSON.parse(body))).toEqual([])
  }
}

async function cadreRecorder() {
  const cadre = await makeCadre(server.db)
  const token = await login(server.url, cadre.username, TEST_PASSWORD)
  return { cadre, recorder: new Recorder(token) }
}

function answerFor(item: { type: string, options: string[], blanks: number }): string[] {
  if (item.type === 'TRUE_FALSE')
    return ['TRUE']
  if (item.type === 'FILL_BLANK')
    return Array.from({ length: item.blanks }, () => '随便写写')
  return ['A']
}

describe('no answer reaches a cadre before the reveal policy allows', () => {
  it('with reveal AFTER_SUBMIT: nothing before submission in session, me, dueReviews, startAttempt, saveAnswer or attempt; everything after', async () => {
    const { cadre, recorder } = await cadreRecorder()
    const quizId = await makeQuiz(server.db, questions.ids, { reveal: 'AFTER_SUBMIT' })
    // Earlier wrong answers to the same questions, so dueReviews lists them.
    const earlier = await makeQuiz(server.db, questions.ids, { reveal: 'NEVER' })
    const warmup = await recorder.send(`mutation($q: ID!) { startAttempt(quizId: $q) { id } }`, { q: earlier })
    await recorder.send(`mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { id score } }`, { a: warmup.startAttempt.id, s: randomUUID() })
    await followUpSettled(server.db)

    const sessionId = await makeSession(server.db, [cadre.user.personId!], { quizId })
    const secrets = await secretsOf(questions.ids)
    await recorder.send(`query($id: ID!) { studySession(id: $id) { ${SESSION_FIELDS} } }`, { id: sessionId })
    await recorder.send(`mutation($id: ID!) { checkIn(sessionId: $id) { ${SESSION_FIELDS} } }`, { id: sessionId })
    const me = await recorder.send(ME)
    expect(me.me.dueReviews).toHaveLength(4)
    const started = (await recorder.send(`mutation($q: ID!) { startAttempt(quizId: $q) { ${ATTEMPT_FIELDS} } }`, { q: quizId })).startAttempt
    expect(started.items).toHaveLength(4)
    for (const item of started.items) {
      await recorder.send(`mutation($a: ID!, $q: ID!, $g: [String!]!) { saveAnswer(attemptId: $a, questionId: $q, given: $g) { attemptId questionId given savedAt deadline } }`, { a: started.id, q: item.questionId, g: answerFor(item) })
    }
    await recorder.send(`query($id: ID!) { attempt(id: $id) { ${ATTEMPT_FIELDS} } }`, { id: started.id })
    await recorder.send(`query($id: ID!) { studySession(id: $id) { ${SESSION_FIELDS} } }`, { id: sessionId })
    await recorder.send(ME)
    expectNoLeak(recorder.bodies, secrets)

    // After submission the results show each answer, explanation and the tested article.
    const submitted = (await recorder.send(`mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { ${ATTEMPT_FIELDS} } }`, { a: started.id, s: randomUUID() })).submitAttempt
    expect(submitted.revealed).toBe(true)
    const body = recorder.bodies.at(-1)!
    for (const text of secrets.explanations)
      expect(body).toContain(text)
    expect(body).toContain(`空答${questions.token}`)
    for (const item of submitted.items) {
      expect(item.answer.length).toBeGreaterThan(0)
      expect(item.explanation).toContain(questions.token)
      expect(item.articles[0].text).toBeTruthy()
      expect(typeof item.correct).toBe('boolean')
    }
    const reread = await recorder.send(`query($id: ID!) { attempt(id: $id) { ${ATTEMPT_FIELDS} } }`, { id: started.id })
    expect(reread.attempt.items.every((i: { explanation: string | null }) => i.explanation)).toBe(true)
  })

  it('with reveal NEVER: the score only, before and after submission', async () => {
    const { recorder } = await cadreRecorder()
    const quizId = await makeQuiz(server.db, questions.ids, { reveal: 'NEVER' })
    const started = (await recorder.send(`mutation($q: ID!) { startAttempt(quizId: $q) { ${ATTEMPT_FIELDS} } }`, { q: quizId })).startAttempt
    for (const item of started.items)
      await recorder.send(`mutation($a: ID!, $q: ID!, $g: [String!]!) { saveAnswer(attemptId: $a, questionId: $q, given: $g) { given } }`, { a: started.id, q: item.questionId, g: answerFor(item) })
    const submitted = (await recorder.send(`mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { ${ATTEMPT_FIELDS} } }`, { a: started.id, s: randomUUID() })).submitAttempt
    expect(submitted.status).toBe('SUBMITTED')
    expect(typeof submitted.score).toBe('number')
    expect(submitted.revealed).toBe(false)
    await recorder.send(`query($id: ID!) { attempt(id: $id) { ${ATTEMPT_FIELDS} } }`, { id: started.id })
    await recorder.send(ME)
    expectNoLeak(recorder.bodies, await secretsOf(questions.ids))
  })

  it('with reveal AFTER_CLOSE: nothing after submission while the quiz is still open', async () => {
    const { recorder } = await cadreRecorder()
    const quizId = await makeQuiz(server.db, questions.ids, { reveal: 'AFTER_CLOSE', closesAt: new Date(Date.now() + 3600_000).toISOString() })
    const started = (await recorder.send(`mutation($q: ID!) { startAttempt(quizId: $q) { id } }`, { q: quizId })).startAttempt
    const submitted = (await recorder.send(`mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { ${ATTEMPT_FIELDS} } }`, { a: started.id, s: randomUUID() })).submitAttempt
    expect(submitted.revealed).toBe(false)
    expectNoLeak(recorder.bodies, await secretsOf(questions.ids))
    // Once closed, the answers are shown.
    await server.db.write('MATCH (z:Quiz {id: $id}) SET z.closesAt = datetime() - duration({minutes: 1})', { id: quizId })
    const after = await recorder.send(`query($id: ID!) { attempt(id: $id) { ${ATTEMPT_FIELDS} } }`, { id: started.id })
    expect(after.attempt.revealed).toBe(true)
    expect(after.attempt.items[0].explanation).toContain(questions.token)
  })

  it('shows a review card’s answer only in the review response', async () => {
    const { recorder } = await cadreRecorder()
    const quizId = await makeQuiz(server.db, questions.ids, { reveal: 'NEVER' })
    const started = (await recorder.send(`mutation($q: ID!) { startAttempt(quizId: $q) { id } }`, { q: quizId })).startAttempt
    await recorder.send(`mutation($a: ID!, $s: String!) { submitAttempt(attemptId: $a, submissionId: $s) { id } }`, { a: started.id, s: randomUUID() })
    await followUpSettled(server.db) // the cards follow the submission by a few milliseconds
    const me = await recorder.send(ME)
    expectNoLeak(recorder.bodies, await secretsOf(questions.ids))
    const card = me.me.dueReviews.find((c: { questionId: string }) => c.questionId === questions.blank)
    const reviewed = await recorder.send(`mutation($c: ID!) { review(cardId: $c, rating: AGAIN, answer: ["不知道"]) { correct answer explanation card { due state } articles { number text } } }`, { c: card.id })
    expect(reviewed.review.correct).toBe(false)
    expect(reviewed.review.answer).toEqual([`空答${questions.token}|备选${questions.token}`])
    expect(reviewed.review.explanation).toContain(questions.token)
  })
})

describe('the API refuses what a cadre may not do', () => {
  it('keeps trainer operations from cadres and validates input', async () => {
    const { recorder } = await cadreRecorder()
    const token = recorder.token
    const schedule = await gql(server.url, `mutation { scheduleStudySession(input: {kind: PRE_MEETING, title: "不允许", startsAt: "2026-03-02T09:00:00+08:00", minutes: 30, organizationId: "org-waigang", articleIds: []}) { id } }`, {}, token)
    expect(schedule.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const bad = await gql(server.url, `mutation { submitAttempt(attemptId: "x", submissionId: "short") { id } }`, {}, token)
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    const trainer = await login(server.url, 'trainer')
    const tooLong = await gql(server.url, `mutation { scheduleStudySession(input: {kind: PRE_MEETING, title: "x", startsAt: "2026-03-02T09:00:00+08:00", minutes: 3, organizationId: "org-waigang", articleIds: []}) { id } }`, {}, trainer)
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})
