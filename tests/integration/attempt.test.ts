import type { SessionUser } from '../../server/src/context'
import type { Database } from '../../server/src/db/database'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAttempt, saveAnswer, scoreUnscoredAnswers, startAttempt, submitAttempt, submitExpiredAttempts } from '../../server/src/attempt/attempt.repository'
import { followUpSettled, queueFollowUp, queuePendingFollowUps } from '../../server/src/attempt/followUp'
import { submitLocked } from '../../server/src/attempt/submission'
import { Role } from '../../server/src/auth/access'
import { readMigrations } from '../../server/src/db/migrate'
import { listDueReviews, reviewCard } from '../../server/src/review/review.repository'
import { connectTestDatabase, gql, login, startTestServer, uniqueId } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz, rightAnswers, TEST_PASSWORD } from './studyFixtures'

let db: Database
let questions: Awaited<ReturnType<typeof makeQuestions>>

beforeAll(async () => {
  db = await connectTestDatabase()
  questions = await makeQuestions(db)
})
afterAll(async () => {
  await db.close()
})

async function errorOf(promise: Promise<unknown>): Promise<{ message: string, code?: string }> {
  try {
    await promise
  }
  catch (error) {
    const e = error as { message: string, extensions?: { code?: string } }
    return { message: e.message, code: e.extensions?.code }
  }
  throw new Error('expected an error')
}

/** ASCII letters and digits as full-width characters (Ａ, １ …). */
function fullWidth(text: string): string {
  return text.replace(/[a-z0-9]/gi, c => String.fromCharCode(c.charCodeAt(0) + 0xFEE0))
}

async function attemptState(attemptId: string) {
  const [row] = await db.read<{ status: string, score: number | null, submittedAt: string | null, autoSubmitted: boolean, submissionId: string | null, answered: { questionId: string, given: string[], correct: boolean | null }[] }>(
    `MATCH (t:Attempt {id: $attemptId})
     RETURN t.status AS status, t.score AS score, t.submittedAt AS submittedAt, t.autoSubmitted AS autoSubmitted, t.submissionId AS submissionId,
       COLLECT { MATCH (t)-[an:ANSWERED]->(q:Question)<-[i:ITEM]-(t) RETURN {questionId: q.id, given: an.given, correct: an.correct} AS a } AS answered`,
    { attemptId },
  )
  return row!
}

describe('the deadline is kept by the server', () => {
  it('submits an expired attempt with the saved answer when the sweep runs (submitExpiredAttempts with a later now)', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids, { timeLimitSec: 60 })
    const started = new Date()
    const attempt = await startAttempt(db, user, quizId, started)
    expect(attempt.status).toBe('IN_PROGRESS')
    expect(Date.parse(attempt.deadline!) - started.getTime()).toBe(60_000)
    const right = await rightAnswers(db, attempt.id)
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.single, given: right.get(questions.single)! }, new Date())

    // Not yet: a sweep before the deadline leaves it alone.
    expect(await submitExpiredAttempts(db, new Date(started.getTime() + 30_000))).not.toContain(attempt.id)
    expect((await attemptState(attempt.id)).status).toBe('IN_PROGRESS')

    const submitted = await submitExpiredAttempts(db, new Date(started.getTime() + 61_000))
    expect(submitted).toContain(attempt.id)
    const state = await attemptState(attempt.id)
    expect(state.status).toBe('SUBMITTED')
    expect(state.autoSubmitted).toBe(true)
    expect(state.score).toBe(10)
    expect(Date.parse(state.submittedAt!)).toBe(Date.parse(attempt.deadline!))
    expect(state.answered).toEqual([{ questionId: questions.single, given: right.get(questions.single), correct: true }])
    // The three unanswered questions became review cards (written just after the submission).
    await followUpSettled(db)
    const cards = await listDueReviews(db, user.personId!, 20, new Date(started.getTime() + 62_000))
    expect(cards.map(c => c.questionId).sort()).toEqual([questions.multiple, questions.trueFalse, questions.blank].sort())
  })

  it('refuses saveAnswer after the deadline and submits what was saved; reading it back shows it submitted', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids, { timeLimitSec: 60 })
    const attempt = await startAttempt(db, user, quizId, new Date())
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['FALSE'] }, new Date())
    await db.write('MATCH (t:Attempt {id: $id}) SET t.deadline = datetime() - duration({seconds: 5})', { id: attempt.id })
    const late = await errorOf(saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.single, given: ['A'] }, new Date()))
    expect(late.code).toBe('CONFLICT')
    expect(late.message).toMatch(/time is up/)
    const state = await attemptState(attempt.id)
    expect(state.status).toBe('SUBMITTED')
    expect(state.score).toBe(10)
    expect(state.answered.map(a => a.questionId)).toEqual([questions.trueFalse])
    const read = await readAttempt(db, user, attempt.id, new Date())
    expect(read.status).toBe('SUBMITTED')
    expect(read.autoSubmitted).toBe(true)
  })

  it('submits on the next read when the deadline passed before any sweep', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids, { timeLimitSec: 60 })
    const attempt = await startAttempt(db, user, quizId, new Date())
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.blank, given: [`  空答${questions.token} `] }, new Date())
    const read = await readAttempt(db, user, attempt.id, new Date(Date.now() + 120_000))
    expect(read.status).toBe('SUBMITTED')
    expect(read.score).toBe(10)
  })
})

describe('submitting is idempotent', () => {
  it('records one submission for the same submissionId twice and for a second, different submissionId', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    const attempt = await startAttempt(db, user, quizId, new Date())
    const right = await rightAnswers(db, attempt.id)
    for (const id of [questions.single, questions.multiple])
      await saveAnswer(db, user, { attemptId: attempt.id, questionId: id, given: right.get(id)! }, new Date())
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['TRUE'] }, new Date())

    const submissionId = uniqueId('sub')
    const [first, again] = await Promise.all([
      submitAttempt(db, user, attempt.id, submissionId, new Date()),
      submitAttempt(db, user, attempt.id, submissionId, new Date()),
    ])
    expect(first.score).toBe(20)
    expect(again.score).toBe(20)
    expect(again.submittedAt).toBe(first.submittedAt)
    await followUpSettled(db)
    const before = await db.read<{ lapses: number, reps: number }>(
      'MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question) RETURN r.lapses AS lapses, r.reps AS reps ORDER BY r.id',
      { personId: user.personId },
    )
    // A different submissionId for the same, already submitted attempt returns the recorded result.
    const other = await submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date(Date.now() + 5000))
    expect(other.score).toBe(20)
    expect(other.submittedAt).toBe(first.submittedAt)

    await followUpSettled(db)
    const [counts] = await db.read<{ audits: number, submissions: number, attempts: number }>(
      `RETURN COUNT { MATCH (e:AuditEvent) WHERE e.operation STARTS WITH 'submitAttempt' AND $id IN e.targetIds } AS audits,
         COUNT { MATCH (t:Attempt {id: $id}) WHERE t.submissionId = $submissionId } AS submissions,
         COUNT { MATCH (:Person {id: $personId})-[:MADE]->(:Attempt) } AS attempts`,
      { id: attempt.id, personId: user.personId, submissionId },
    )
    expect(counts).toEqual({ audits: 1, submissions: 1, attempts: 1 })
    await followUpSettled(db)
    const after = await db.read<{ lapses: number, reps: number }>(
      'MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question) RETURN r.lapses AS lapses, r.reps AS reps ORDER BY r.id',
      { personId: user.personId },
    )
    expect(after).toEqual(before)
    expect(after).toHaveLength(2) // the wrong TRUE_FALSE and the unanswered blank
  })

  it('refuses a submissionId already used for another attempt', async () => {
    const { user } = await makeCadre(db)
    const quizA = await makeQuiz(db, questions.ids)
    const quizB = await makeQuiz(db, questions.ids)
    const a = await startAttempt(db, user, quizA, new Date())
    const b = await startAttempt(db, user, quizB, new Date())
    const submissionId = uniqueId('sub')
    await submitAttempt(db, user, a.id, submissionId, new Date())
    const reused = await errorOf(submitAttempt(db, user, b.id, submissionId, new Date()))
    expect(reused.code).toBe('CONFLICT')
    expect((await attemptState(b.id)).status).toBe('IN_PROGRESS')
  })
})

describe('submissions arriving together (group commit)', () => {
  it('stores every one of many simultaneous submissions exactly once, each with its own score and answer', async () => {
    const cadres = await Promise.all(Array.from({ length: 12 }, () => makeCadre(db)))
    const quizId = await makeQuiz(db, questions.ids)
    const attempts = await Promise.all(cadres.map(({ user }) => startAttempt(db, user, quizId, new Date())))
    // Cadre k answers the single-choice question right when k is even, wrong when odd.
    await Promise.all(attempts.map(async (attempt, k) => {
      const right = await rightAnswers(db, attempt.id)
      const given = k % 2 === 0 ? right.get(questions.single)! : [right.get(questions.single)![0] === 'A' ? 'B' : 'A']
      await saveAnswer(db, cadres[k]!.user, { attemptId: attempt.id, questionId: questions.single, given }, new Date())
    }))
    const sheets = attempts.map(() => uniqueId('sub'))
    // Every sheet sent twice at once, and a stranger's submission of the first attempt among them.
    const stranger = await makeCadre(db)
    const sent = await Promise.allSettled([
      ...attempts.flatMap((attempt, k) => [0, 1].map(() => submitAttempt(db, cadres[k]!.user, attempt.id, sheets[k]!, new Date(), { items: false, person: false }))),
      submitAttempt(db, stranger.user, attempts[0]!.id, uniqueId('sub'), new Date(), { items: false, person: false }),
    ])
    const refused = sent.pop()!
    expect(refused.status).toBe('rejected')
    expect((refused as PromiseRejectedResult).reason.extensions.code).toBe('FORBIDDEN')
    const results = sent.map(r => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof submitAttempt>>>).value)
    expect(results.map(r => r.score)).toEqual(attempts.flatMap((_, k) => [k % 2 === 0 ? 10 : 0, k % 2 === 0 ? 10 : 0]))
    // The response shows no items when none were asked for, and the two answers to a sheet agree.
    expect(results.every(r => r.items.length === 0 && r.status === 'SUBMITTED')).toBe(true)
    for (let k = 0; k < attempts.length; k++)
      expect(results[2 * k]!.submittedAt).toBe(results[2 * k + 1]!.submittedAt)

    await followUpSettled(db)
    const [counts] = await db.read<{ audits: number, submissions: number, submitted: number }>(
      `RETURN COUNT { MATCH (e:AuditEvent) WHERE e.operation = 'submitAttempt' AND any(id IN e.targetIds WHERE id IN $ids) } AS audits,
         COUNT { MATCH (t:Attempt) WHERE t.id IN $ids AND t.submissionId IN $sheets } AS submissions,
         COUNT { MATCH (t:Attempt {status: 'SUBMITTED'}) WHERE t.id IN $ids } AS submitted`,
      { ids: attempts.map(a => a.id), sheets },
    )
    expect(counts).toEqual({ audits: attempts.length, submissions: attempts.length, submitted: attempts.length })
  })

  it('applies two attempts of one person submitted at once one after the other, so a review card lapses twice', async () => {
    const { user } = await makeCadre(db)
    const [quizA, quizB] = [await makeQuiz(db, [questions.trueFalse]), await makeQuiz(db, [questions.trueFalse])]
    const a = await startAttempt(db, user, quizA, new Date())
    const b = await startAttempt(db, user, quizB, new Date())
    for (const attempt of [a, b])
      await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['TRUE'] }, new Date())
    await Promise.all([
      submitAttempt(db, user, a.id, uniqueId('sub'), new Date()),
      submitAttempt(db, user, b.id, uniqueId('sub'), new Date(Date.now() + 1)),
    ])
    await followUpSettled(db)
    const cards = await db.read<{ reps: number, state: string }>(
      'MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question {id: $questionId}) RETURN r.reps AS reps, r.state AS state',
      { personId: user.personId, questionId: questions.trueFalse },
    )
    // The first wrong answer creates the card (new, 0 reviews); the second rates it AGAIN (1 review).
    // Both computed from the same read, the second would overwrite the first and leave reps at 0.
    expect(cards).toEqual([{ reps: 1, state: 'LEARNING' }])
  })

  it('submits once when two writes of one attempt overlap: the second waits for the lock, then finds it submitted', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids, { timeLimitSec: 60 })
    const attempt = await startAttempt(db, user, quizId, new Date())
    await db.write('MATCH (t:Attempt {id: $id}) SET t.deadline = datetime() - duration({seconds: 5})', { id: attempt.id })
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let firstWritten!: () => void
    const written = new Promise<void>((resolve) => {
      firstWritten = resolve
    })
    // The first transaction submits and keeps the lock until released; the second starts meanwhile.
    const first = db.transaction(async (tx) => {
      const submitted = await submitLocked(tx, attempt.id, new Date())
      firstWritten()
      await held
      return submitted
    })
    await written
    const second = db.transaction(tx => submitLocked(tx, attempt.id, new Date()))
    await new Promise(resolve => setTimeout(resolve, 300))
    release()
    expect(await first).toBe(true)
    expect(await second).toBe(false)
    await followUpSettled(db)
    queueFollowUp(db, [attempt.id])
    await followUpSettled(db)
    const [audits] = await db.read<{ n: number }>(`MATCH (e:AuditEvent) WHERE e.operation STARTS WITH 'submitAttempt' AND $id IN e.targetIds RETURN count(e) AS n`, { id: attempt.id })
    expect(audits!.n).toBe(1)
  })

  it('scores what was saved last when an answer and the submission race', async () => {
    for (let round = 0; round < 4; round++) {
      const { user } = await makeCadre(db)
      const quizId = await makeQuiz(db, questions.ids)
      const attempt = await startAttempt(db, user, quizId, new Date())
      const right = await rightAnswers(db, attempt.id)
      await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['TRUE'] }, new Date())
      const [saved, submitted] = await Promise.allSettled([
        saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.single, given: right.get(questions.single)! }, new Date()),
        submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date()),
      ])
      expect(submitted.status).toBe('fulfilled')
      const state = await attemptState(attempt.id)
      // Either the answer was saved before the submission (and counts) or refused after it (and does not).
      expect(state.score).toBe(saved.status === 'fulfilled' ? 10 : 0)
      expect(state.answered.some(x => x.questionId === questions.single)).toBe(saved.status === 'fulfilled')
    }
  })
})

describe('the review cards of a submission', () => {
  it('and its audit entry are written even when the server stopped before writing them: the sweep finds the attempt still pending', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    const attempt = await startAttempt(db, user, quizId, new Date())
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['FALSE'] }, new Date())
    await submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date())
    await followUpSettled(db)
    const cards = () => db.read<{ questionId: string, reps: number }>(
      'MATCH (:Person {id: $personId})-[r:REVIEWS]->(q:Question) RETURN q.id AS questionId, r.reps AS reps ORDER BY q.id',
      { personId: user.personId },
    )
    const written = await cards()
    expect(written.map(c => c.questionId)).toEqual([questions.single, questions.multiple, questions.blank].sort())
    const audits = async () => (await db.read<{ n: number, actor: string }>(
      `MATCH (e:AuditEvent) WHERE e.operation = 'submitAttempt' AND $id IN e.targetIds RETURN count(e) AS n, collect(e.actorUsername)[0] AS actor`,
      { id: attempt.id },
    ))[0]
    expect(await audits()).toEqual({ n: 1, actor: user.username })
    // As if the process had stopped between the submission and its follow-up: the label is there, the
    // cards and the audit entry are not.
    await db.write(
      `MATCH (p:Person {id: $personId})-[r:REVIEWS]->() DELETE r
       WITH DISTINCT p MATCH (t:Attempt {id: $id}) SET t:PendingFollowUp
       WITH t MATCH (e:AuditEvent) WHERE e.operation = 'submitAttempt' AND t.id IN e.targetIds DELETE e`,
      { personId: user.personId, id: attempt.id },
    )
    expect(await cards()).toEqual([])
    expect(await queuePendingFollowUps(db)).toBeGreaterThanOrEqual(1)
    await followUpSettled(db)
    expect(await cards()).toEqual(written)
    expect(await audits()).toEqual({ n: 1, actor: user.username })
    const [pending] = await db.read<{ n: number }>('MATCH (t:Attempt:PendingFollowUp {id: $id}) RETURN count(t) AS n', { id: attempt.id })
    expect(pending!.n).toBe(0)
  })

  it('wait for a review made in between, then lapse the card it left', async () => {
    const { user } = await makeCadre(db)
    const [quizA, quizB] = [await makeQuiz(db, [questions.trueFalse]), await makeQuiz(db, [questions.trueFalse])]
    const a = await startAttempt(db, user, quizA, new Date())
    await submitAttempt(db, user, a.id, uniqueId('sub'), new Date())
    await followUpSettled(db)
    const cardId = `${user.personId}:${questions.trueFalse}`
    const b = await startAttempt(db, user, quizB, new Date())
    // The review and the second submission's cards race; either order leaves two reviews on the card.
    await Promise.all([
      submitAttempt(db, user, b.id, uniqueId('sub'), new Date()),
      reviewCard(db, user, cardId, 'GOOD', ['FALSE'], new Date()),
    ])
    await followUpSettled(db)
    const [card] = await db.read<{ reps: number, lapses: number }>('MATCH ()-[r:REVIEWS {id: $cardId}]->() RETURN r.reps AS reps, r.lapses AS lapses', { cardId })
    expect(card!.reps).toBe(2)
  })
})

describe('attempts saved before answers were scored on saving', () => {
  it('are scored at start, so submitting them counts what was saved', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    const attempt = await startAttempt(db, user, quizId, new Date())
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['FALSE'] }, new Date())
    // As an earlier version left it: the answer, no result and no running total.
    await db.write('MATCH (t:Attempt {id: $id})-[an:ANSWERED]->() REMOVE t.pendingScore, an.earned, an.correct', { id: attempt.id })
    expect(await scoreUnscoredAnswers(db, new Date())).toBeGreaterThanOrEqual(1)
    const submitted = await submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date())
    expect(submitted.score).toBe(10)
    expect((await attemptState(attempt.id)).answered).toEqual([{ questionId: questions.trueFalse, given: ['FALSE'], correct: true }])
  })

  it('keep their item results after the migration moves them from ITEM to ANSWERED', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    const attempt = await startAttempt(db, user, quizId, new Date())
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['FALSE'] }, new Date())
    await submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date())
    // As an earlier version stored a submitted attempt: results on ITEM, none on ANSWERED.
    await db.write(
      `MATCH (t:Attempt {id: $id})-[i:ITEM]->(q:Question) OPTIONAL MATCH (t)-[an:ANSWERED]->(q)
       SET i.earned = coalesce(an.earned, 0.0), i.correct = coalesce(an.correct, false) REMOVE an.earned, an.correct`,
      { id: attempt.id },
    )
    const move = readMigrations().find(m => m.id === 'V0009')!.statements[0]!
    await db.autoCommit(move)
    const read = await readAttempt(db, user, attempt.id, new Date())
    expect(read.score).toBe(10)
    expect(read.items.map(i => [i.questionId, i.earned, i.correct])).toEqual(
      questions.ids.map(id => [id, id === questions.trueFalse ? 10 : 0, id === questions.trueFalse]),
    )
    const [left] = await db.read<{ n: number }>('MATCH (:Attempt {id: $id})-[i:ITEM]->() WHERE i.earned IS NOT NULL RETURN count(i) AS n', { id: attempt.id })
    expect(left!.n).toBe(0)
  })
})

describe('who may read an attempt', () => {
  it('forbids a cadre another cadre’s attempt, allows its owner and a trainer of their organisation', async () => {
    const owner = await makeCadre(db)
    const other = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    const attempt = await startAttempt(db, owner.user, quizId, new Date())
    const denied = await errorOf(readAttempt(db, other.user, attempt.id, new Date()))
    expect(denied.code).toBe('FORBIDDEN')
    expect((await errorOf(saveAnswer(db, other.user, { attemptId: attempt.id, questionId: questions.single, given: ['A'] }, new Date()))).code).toBe('FORBIDDEN')
    expect((await errorOf(submitAttempt(db, other.user, attempt.id, uniqueId('sub'), new Date()))).code).toBe('FORBIDDEN')
    expect((await readAttempt(db, owner.user, attempt.id, new Date())).id).toBe(attempt.id)
    const trainer: SessionUser = { id: 'u-trainer-test', username: 'trainer-test', personId: null, roles: [Role.TRAINER], organizationIds: ['org-waigang-economy'] }
    const seen = await readAttempt(db, trainer, attempt.id, new Date())
    expect(seen.items[0]!.stem).toBeTruthy()
    const stranger: SessionUser = { ...trainer, organizationIds: ['org-village-a'] }
    expect((await errorOf(readAttempt(db, stranger, attempt.id, new Date()))).code).toBe('FORBIDDEN')
  })

  it('also answers FORBIDDEN over HTTP', async () => {
    const server = await startTestServer()
    try {
      const owner = await makeCadre(db)
      const other = await makeCadre(db)
      const quizId = await makeQuiz(db, questions.ids)
      const attempt = await startAttempt(db, owner.user, quizId, new Date())
      const token = await login(server.url, other.username, TEST_PASSWORD)
      const result = await gql(server.url, 'query($id: ID!) { attempt(id: $id) { id items { stem } } }', { id: attempt.id }, token)
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
      expect(result.data?.attempt ?? null).toBeNull()
    }
    finally {
      await server.stop()
    }
  })
})

describe('answers survive a restart', () => {
  it('reads back on a new server instance what was saved through another', async () => {
    const { user, username } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    let server = await startTestServer()
    let attemptId: string
    let saved: Record<string, string[]>
    try {
      const token = await login(server.url, username, TEST_PASSWORD)
      const started = await gql(server.url, 'mutation($q: ID!) { startAttempt(quizId: $q) { id items { questionId type options blanks } } }', { q: quizId }, token)
      expect(started.errors).toBeUndefined()
      attemptId = started.data.startAttempt.id
      saved = { [questions.multiple]: ['A', 'C'], [questions.blank]: ['我的答案'], [questions.trueFalse]: ['TRUE'] }
      for (const [questionId, given] of Object.entries(saved)) {
        const result = await gql(server.url, 'mutation($a: ID!, $q: ID!, $g: [String!]!) { saveAnswer(attemptId: $a, questionId: $q, given: $g) { given } }', { a: attemptId, q: questionId, g: given }, token)
        expect(result.errors).toBeUndefined()
      }
      // The latest save wins.
      await gql(server.url, 'mutation($a: ID!, $q: ID!, $g: [String!]!) { saveAnswer(attemptId: $a, questionId: $q, given: $g) { given } }', { a: attemptId, q: questions.trueFalse, g: ['FALSE'] }, token)
      saved[questions.trueFalse] = ['FALSE']
    }
    finally {
      await server.stop()
    }
    server = await startTestServer()
    try {
      const token = await login(server.url, username, TEST_PASSWORD)
      const read = await gql(server.url, 'query($id: ID!) { attempt(id: $id) { status items { questionId given } } }', { id: attemptId }, token)
      expect(read.errors).toBeUndefined()
      expect(read.data.attempt.status).toBe('IN_PROGRESS')
      const given = Object.fromEntries(read.data.attempt.items.filter((i: { given: string[] | null }) => i.given).map((i: { questionId: string, given: string[] }) => [i.questionId, i.given]))
      expect(given).toEqual(saved)
      // Resuming returns the same attempt.
      const resumed = await gql(server.url, 'mutation($q: ID!) { startAttempt(quizId: $q) { id } }', { q: quizId }, token)
      expect(resumed.data.startAttempt.id).toBe(attemptId)
    }
    finally {
      await server.stop()
    }
    expect(user.personId).toBeTruthy()
  })
})

describe('attempts', () => {
  it('scores on the server through the shuffled option order', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids, { multiplePartialCredit: true })
    const attempt = await startAttempt(db, user, quizId, new Date())
    // The options are shown shuffled; the answer given is the letter where the right option is shown.
    const single = attempt.items.find(i => i.questionId === questions.single)!
    const shownC = 'ABCD'[single.options.indexOf('丙项')]!
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.single, given: [shownC] }, new Date())
    const multiple = attempt.items.find(i => i.questionId === questions.multiple)!
    const shown = (text: string) => 'ABCD'[multiple.options.indexOf(text)]!
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.multiple, given: [shown('子项'), shown('丑项')] }, new Date())
    await saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.blank, given: [` ${fullWidth(`备选${questions.token}`).toUpperCase()}`] }, new Date())
    const result = await submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date())
    // 10 (single) + 10 × 2/3 (partial multiple) + 0 (true/false unanswered) + 10 (blank, full-width accepted alternative)
    expect(result.score).toBe(26.67)
    expect(result.revealed).toBe(true)
    const byId = new Map(result.items.map(i => [i.questionId, i]))
    expect(byId.get(questions.single)!.correct).toBe(true)
    expect(byId.get(questions.single)!.answer).toEqual([shownC])
    expect(byId.get(questions.multiple)!.earned).toBe(6.67)
    expect(byId.get(questions.blank)!.correct).toBe(true)
    expect(byId.get(questions.trueFalse)!.explanation).toContain(questions.token)
    expect(byId.get(questions.single)!.articles![0]!.text).toBeTruthy()
  })

  it('refuses a bad answer and changes nothing', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    const attempt = await startAttempt(db, user, quizId, new Date())
    expect((await errorOf(saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.single, given: ['A', 'B'] }, new Date()))).code).toBe('BAD_USER_INPUT')
    expect((await errorOf(saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.single, given: ['Z'] }, new Date()))).code).toBe('BAD_USER_INPUT')
    expect((await errorOf(saveAnswer(db, user, { attemptId: attempt.id, questionId: questions.trueFalse, given: ['YES'] }, new Date()))).code).toBe('BAD_USER_INPUT')
    expect((await errorOf(saveAnswer(db, user, { attemptId: attempt.id, questionId: 'q-not-in-it', given: ['A'] }, new Date()))).code).toBe('BAD_USER_INPUT')
    expect((await attemptState(attempt.id)).answered).toEqual([])
  })

  it('respects attemptsAllowed, the closing time and publication', async () => {
    const { user } = await makeCadre(db)
    const once = await makeQuiz(db, questions.ids, { attemptsAllowed: 1 })
    const first = await startAttempt(db, user, once, new Date())
    await submitAttempt(db, user, first.id, uniqueId('sub'), new Date())
    expect((await errorOf(startAttempt(db, user, once, new Date()))).code).toBe('CONFLICT')
    const closed = await makeQuiz(db, questions.ids, { opensAt: '2025-01-01T00:00:00+08:00', closesAt: '2025-02-01T00:00:00+08:00' })
    expect((await errorOf(startAttempt(db, user, closed, new Date()))).code).toBe('CONFLICT')
    const closing = await makeQuiz(db, questions.ids, { timeLimitSec: 3600, closesAt: new Date(Date.now() + 120_000).toISOString() })
    const short = await startAttempt(db, user, closing, new Date())
    expect(Date.parse(short.deadline!)).toBeLessThanOrEqual(Date.now() + 120_000)
    await db.write(`MATCH (z:Quiz {id: $id}) SET z.status = 'DRAFT'`, { id: once })
    expect((await errorOf(startAttempt(db, user, once, new Date()))).code).toBe('NOT_FOUND')
  })

  it('draws a blueprint attempt on the server, seeded by the attempt id', async () => {
    const { user } = await makeCadre(db)
    const attempt = await startAttempt(db, user, 'quiz-sample-five-steps-exam', new Date())
    expect(attempt.items).toHaveLength(10)
    const [row] = await db.read<{ seed: string, items: number }>('MATCH (t:Attempt {id: $id}) RETURN t.seed AS seed, COUNT { (t)-[:ITEM]->() } AS items', { id: attempt.id })
    expect(row).toEqual({ seed: attempt.id, items: 10 })
    expect(attempt.items.every(i => i.answer === null && i.explanation === null)).toBe(true)
  })
})
