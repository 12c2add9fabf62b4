import type { Database } from '../../server/src/db/database'
import type { GqlResponse } from '../helpers'
import { gql, login } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz, makeSession, TEST_PASSWORD } from '../integration/studyFixtures'
import { LIVE_FIELDS } from './liveClient'

/** A session with a three-question LIVE quiz (single C, multiple A+B+D, true/false FALSE) and `people` invited cadres. */
export async function makeLiveSession(db: Database, people: number): Promise<{ sessionId: string, quizId: string, token: string, cadres: { username: string, personId: string, userId: string }[] }> {
  const questions = await makeQuestions(db)
  const quizId = await makeQuiz(db, [questions.single, questions.multiple, questions.trueFalse], { mode: 'LIVE', shuffleOptions: false, timeLimitSec: null })
  const cadres = []
  for (let k = 0; k < people; k++) {
    const { user, username } = await makeCadre(db, 'org-waigang-economy', 'lv')
    cadres.push({ username, personId: user.personId!, userId: user.id })
  }
  const sessionId = await makeSession(db, cadres.map(c => c.personId), { quizId, startsInMinutes: 5 })
  return { sessionId, quizId, token: questions.token, cadres }
}

/** Logs the cadres in (their bearer tokens, in order). */
export function loginAll(url: string, usernames: string[]): Promise<string[]> {
  return Promise.all(usernames.map(u => login(url, u, TEST_PASSWORD)))
}

const run = `{ ${LIVE_FIELDS} }`

/** The live operations as a phone or the presenter sends them. */
export const live = {
  open: (url: string, token: string, sessionId: string, seconds = 30): Promise<GqlResponse> =>
    gql(url, `mutation($s: ID!, $n: Int!) { openLiveRun(sessionId: $s, secondsPerQuestion: $n) ${run} }`, { s: sessionId, n: seconds }, token),
  join: (url: string, token: string, code: string): Promise<GqlResponse> =>
    gql(url, `mutation($c: String!) { joinLiveRun(code: $c) ${run} }`, { c: code }, token),
  next: (url: string, token: string, runId: string): Promise<GqlResponse> =>
    gql(url, `mutation($r: ID!) { nextLiveQuestion(runId: $r) ${run} }`, { r: runId }, token),
  extend: (url: string, token: string, runId: string, seconds: number): Promise<GqlResponse> =>
    gql(url, `mutation($r: ID!, $s: Int!) { extendLiveQuestion(runId: $r, seconds: $s) ${run} }`, { r: runId, s: seconds }, token),
  end: (url: string, token: string, runId: string): Promise<GqlResponse> =>
    gql(url, `mutation($r: ID!) { endLiveRun(runId: $r) ${run} }`, { r: runId }, token),
  read: (url: string, token: string, runId: string): Promise<GqlResponse> =>
    gql(url, `query($r: ID!) { liveRun(id: $r) ${run} }`, { r: runId }, token),
  answer: (url: string, token: string, runId: string, questionIndex: number, given: string[], clientId: string): Promise<GqlResponse> =>
    gql(url, `mutation($r: ID!, $i: Int!, $g: [String!]!, $c: String!) { answerLiveQuestion(runId: $r, questionIndex: $i, given: $g, clientId: $c) { runId questionIndex given receivedAt } }`, { r: runId, i: questionIndex, g: given, c: clientId }, token),
}
