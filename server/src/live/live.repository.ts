import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { StudyArticle } from '../quiz/quizView.type'
import type { LiveState, ReceivedAnswer, RunPosition } from './liveRules'
import { randomBytes, randomUUID } from 'node:crypto'
import { AppError, badInput, ErrorCode, notFound } from '../common/errors'
import { recordAudit } from '../db/audit.repository'
import { int, isoText } from '../db/database'
import { drawAttempt, DrawShortError } from '../quiz/draw'
import { loadDrawPools } from '../quiz/quiz.repository'
import { articleProjection } from '../quiz/quizView.repository'
import { joinCodeFrom } from './liveRules'

/**
 * The live quiz's storage (Cypher only here):
 * `(:StudySession)-[:HAS_RUN]->(:LiveRun {id, joinCode, state, questionIndex, questionCount,
 * secondsPerQuestion, openedAt, closesAt, createdAt, endedAt})-[:OF]->(:Quiz)`; the questions drawn once
 * for the run `(:LiveRun)-[:ITEM {order, points, closedAt}]->(:Question)`; who joined
 * `(:Person)-[:JOINED {joinedAt, userId}]->(:LiveRun)`; every answer sent
 * `(:LiveAnswer {id: runId:personId:clientId, runId, personId, questionIndex, given, receivedAt})`.
 * The room's state is all in Neo4j, so any server instance can serve any participant.
 */

const CONFLICT = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, details)

/** One question of a run, with its key (never sent to a participant before it closes). */
export interface RunItem {
  index: number
  id: string
  type: string
  stem: string
  options: string[]
  points: number
  answer: string[]
  explanation: string
  articles: StudyArticle[]
  /** When the question closed (epoch ms), once it has. */
  closedAt: number | null
}

/** A run as stored, with what the presentation of every state needs. */
export interface RunRecord extends RunPosition {
  id: string
  joinCode: string
  sessionId: string
  sessionTitle: string
  organizationId: string | null
  quizId: string
  quizTitle: string
  multiplePartialCredit: boolean
  items: RunItem[]
}

interface RunRow {
  id: string
  joinCode: string
  state: LiveState
  questionIndex: number
  questionCount: number
  secondsPerQuestion: number
  openedAt: string | null
  closesAt: string | null
  sessionId: string
  sessionTitle: string
  organizationId: string | null
  quizId: string
  quizTitle: string
  multiplePartialCredit: boolean
  items: (Omit<RunItem, 'closedAt'> & { closedAt: string | null })[]
}

const RUN_PROJECTION = `r {
  .id, .joinCode, .state, .questionIndex, .questionCount, .secondsPerQuestion,
  openedAt: ${isoText('r.openedAt')}, closesAt: ${isoText('r.closesAt')},
  sessionId: s.id, sessionTitle: s.title, organizationId: [(o:Organization)-[:HOLDS]->(s) | o.id][0],
  quizId: z.id, quizTitle: z.title, multiplePartialCredit: coalesce(z.multiplePartialCredit, false),
  items: COLLECT {
    MATCH (r)-[i:ITEM]->(q:Question)
    RETURN {index: i.order, id: q.id, type: q.type, stem: q.stem, options: coalesce(q.options, []), points: i.points,
      answer: coalesce(q.answer, []), explanation: coalesce(q.explanation, ''), closedAt: ${isoText('i.closedAt')},
      articles: COLLECT { MATCH (q)-[ts:TESTS]->(a:Article) RETURN ${articleProjection('a')} AS article ORDER BY ts.order, a.lawId, a.ordinal }
    } AS item ORDER BY i.order
  }
}`

function toRecord(row: RunRow): RunRecord {
  const ms = (iso: string | null) => iso === null ? null : Date.parse(iso)
  return {
    ...row,
    openedAt: ms(row.openedAt),
    closesAt: ms(row.closesAt),
    items: row.items.map(item => ({ ...item, closedAt: ms(item.closedAt) })),
  }
}

/** A run with its session, quiz and questions; null when there is none. */
export async function readRun(db: Database, runId: string): Promise<RunRecord | null> {
  const [row] = await db.read<{ run: RunRow }>(
    `MATCH (s:StudySession)-[:HAS_RUN]->(r:LiveRun {id: $runId})-[:OF]->(z:Quiz) RETURN ${RUN_PROJECTION} AS run`,
    { runId },
  )
  return row ? toRecord(row.run) : null
}

/** The room's counts now: joined, and answered the current question. */
export async function readCounts(db: Database, runId: string): Promise<{ questionIndex: number, joinedCount: number, answeredCount: number } | null> {
  const [row] = await db.read<{ questionIndex: number, joinedCount: number, answeredCount: number }>(
    `MATCH (r:LiveRun {id: $runId})
     RETURN r.questionIndex AS questionIndex, COUNT { (:Person)-[:JOINED]->(r) } AS joinedCount,
       COUNT { MATCH (a:LiveAnswer {runId: r.id, questionIndex: r.questionIndex}) WHERE a.receivedAt < r.closesAt RETURN DISTINCT a.personId } AS answeredCount`,
    { runId },
  )
  return row ?? null
}

/** Who joined a run: person and user ids. */
export async function readParticipants(db: Database, runId: string): Promise<{ personId: string, userId: string | null }[]> {
  return db.read<{ personId: string, userId: string | null }>(
    `MATCH (p:Person)-[j:JOINED]->(:LiveRun {id: $runId}) RETURN p.id AS personId, j.userId AS userId ORDER BY p.id`,
    { runId },
  )
}

/** Every answer sent to a run (or to one of its questions), received before its question's close or not. */
export async function readAnswers(db: Database, runId: string, questionIndex: number | null = null): Promise<ReceivedAnswer[]> {
  const rows = await db.read<{ personId: string, questionIndex: number, given: string[], receivedAt: string }>(
    `MATCH (a:LiveAnswer {runId: $runId}) WHERE $index IS NULL OR a.questionIndex = $index
     RETURN a.personId AS personId, a.questionIndex AS questionIndex, a.given AS given, ${isoText('a.receivedAt')} AS receivedAt`,
    { runId, index: questionIndex === null ? null : int(questionIndex) },
  )
  return rows.map(r => ({ ...r, receivedAt: Date.parse(r.receivedAt) }))
}

/** The person's latest answer to a question of a run (what their phone shows after a reload). */
export async function readLatestAnswer(db: Database, runId: string, personId: string, questionIndex: number): Promise<string[] | null> {
  const [row] = await db.read<{ given: string[] }>(
    `MATCH (a:LiveAnswer {runId: $runId, questionIndex: $index}) WHERE a.personId = $personId
     RETURN a.given AS given ORDER BY a.receivedAt DESC LIMIT 1`,
    { runId, personId, index: int(questionIndex) },
  )
  return row?.given ?? null
}

/** Whether the person has joined the run. */
export async function hasJoined(db: Database, runId: string, personId: string | null): Promise<boolean> {
  if (!personId)
    return false
  const [row] = await db.read<{ joined: boolean }>(
    'RETURN EXISTS { (:Person {id: $personId})-[:JOINED]->(:LiveRun {id: $runId}) } AS joined',
    { runId, personId },
  )
  return row?.joined ?? false
}

/** The session a host opens a run for: its organisation and quiz, and the run not yet ended, if any. */
export async function readSessionForRun(db: Database, sessionId: string): Promise<{ organizationId: string | null, quizId: string | null, activeRunId: string | null } | null> {
  const [row] = await db.read<{ organizationId: string | null, quizId: string | null, activeRunId: string | null }>(
    `MATCH (s:StudySession {id: $sessionId})
     RETURN [(o:Organization)-[:HOLDS]->(s) | o.id][0] AS organizationId, [(s)-[:HAS_QUIZ]->(z:Quiz) | z.id][0] AS quizId,
       COLLECT { MATCH (s)-[:HAS_RUN]->(r:LiveRun) WHERE r.state <> 'ENDED' RETURN r.id ORDER BY r.createdAt DESC }[0] AS activeRunId`,
    { sessionId },
  )
  return row ?? null
}

/**
 * Creates a run of the session's quiz in the lobby: the questions drawn once for everyone (a fixed quiz's
 * in order; a blueprint drawn with the run's id as seed), options in their own order (one screen for the
 * room), and a join code no other run not yet ended has. Returns the run's id.
 */
export async function createRun(db: Database, actor: SessionUser, input: { sessionId: string, quizId: string, secondsPerQuestion: number }, now: Date): Promise<string> {
  const pools = await loadDrawPools(db, input.quizId, null)
  if (!pools || pools.quiz.status !== 'PUBLISHED')
    throw CONFLICT('学习会的试卷未发布，不能开始现场答题 (the session’s quiz is not published): publish it first.', { quizId: input.quizId })
  const id = `live-${randomUUID()}`
  let drawn: ReturnType<typeof drawAttempt>
  try {
    drawn = drawAttempt(pools, id)
  }
  catch (error) {
    if (error instanceof DrawShortError)
      throw badInput(`题库不足以按规则抽题 (the question bank cannot supply this quiz): ${error.message}`)
    throw error
  }
  if (drawn.length === 0)
    throw CONFLICT('试卷没有试题 (the quiz has no questions): add questions first.')
  await db.transaction(async (tx) => {
    const taken = new Set((await tx.run<{ code: string }>(`MATCH (r:LiveRun) WHERE r.state <> 'ENDED' RETURN r.joinCode AS code`)).map(r => r.code))
    let joinCode = joinCodeFrom(randomBytes(4))
    while (taken.has(joinCode))
      joinCode = joinCodeFrom(randomBytes(4))
    await tx.run(
      `MATCH (s:StudySession {id: $sessionId}), (z:Quiz {id: $quizId})
       CREATE (s)-[:HAS_RUN]->(r:LiveRun {id: $id, joinCode: $joinCode, state: 'LOBBY', questionIndex: -1, questionCount: $count,
         secondsPerQuestion: $seconds, createdAt: datetime($now), hostUserId: $hostUserId})-[:OF]->(z)
       WITH r
       UNWIND $items AS it
       MATCH (q:Question {id: it.questionId})
       CREATE (r)-[:ITEM {order: it.order, points: it.points}]->(q)`,
      {
        sessionId: input.sessionId,
        quizId: input.quizId,
        id,
        joinCode,
        count: int(drawn.length),
        seconds: int(input.secondsPerQuestion),
        now: now.toISOString(),
        hostUserId: actor.id,
        items: drawn.map((d, k) => ({ questionId: d.questionId, order: int(k), points: int(d.points) })),
      },
    )
    await recordAudit(tx, { actor, operation: 'openLiveRun', targetIds: [id, input.sessionId] })
  })
  return id
}

/** The run not yet ended with this join code, and its session; null when there is none. */
export async function findRunByCode(db: Database, joinCode: string): Promise<{ runId: string, sessionId: string } | null> {
  const [row] = await db.read<{ runId: string, sessionId: string }>(
    `MATCH (s:StudySession)-[:HAS_RUN]->(r:LiveRun {joinCode: $joinCode}) WHERE r.state <> 'ENDED'
     RETURN r.id AS runId, s.id AS sessionId ORDER BY r.createdAt DESC LIMIT 1`,
    { joinCode },
  )
  return row ?? null
}

/** Records that the person joined (idempotent). */
export async function recordJoin(db: Database, user: SessionUser & { personId: string }, runId: string, now: Date): Promise<void> {
  await db.write(
    `MATCH (p:Person {id: $personId}), (r:LiveRun {id: $runId})
     MERGE (p)-[j:JOINED]->(r) ON CREATE SET j.joinedAt = datetime($now), j.userId = $userId`,
    { personId: user.personId, runId, userId: user.id, now: now.toISOString() },
  )
}

/**
 * Applies the host's change of position under the run's lock: `change` gets the stored position and
 * returns the new one (or throws a refusal). Leaving an open question records its close on the ITEM.
 * Returns the position written, or null when `change` returned null (nothing to do).
 */
export async function changePosition(db: Database, actor: SessionUser | null, runId: string, operation: string, change: (run: RunPosition) => RunPosition | null): Promise<RunPosition | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.run<{ run: Omit<RunPosition, 'openedAt' | 'closesAt'> & { openedAt: string | null, closesAt: string | null } }>(
      `MATCH (r:LiveRun {id: $runId}) SET r._lock = true REMOVE r._lock
       RETURN r {.state, .questionIndex, .questionCount, .secondsPerQuestion, openedAt: ${isoText('r.openedAt')}, closesAt: ${isoText('r.closesAt')}} AS run`,
      { runId },
    )
    if (!row)
      throw notFound('现场答题 (live run)', runId)
    const before: RunPosition = { ...row.run, openedAt: row.run.openedAt === null ? null : Date.parse(row.run.openedAt), closesAt: row.run.closesAt === null ? null : Date.parse(row.run.closesAt) }
    const after = change(before)
    if (!after)
      return null
    const iso = (ms: number | null) => ms === null ? null : new Date(ms).toISOString()
    const leaving = before.state === 'OPEN' && (after.state !== 'OPEN' || after.questionIndex !== before.questionIndex)
    await tx.run(
      `MATCH (r:LiveRun {id: $runId})
       SET r.state = $state, r.questionIndex = $index,
         r.openedAt = CASE WHEN $openedAt IS NULL THEN null ELSE datetime($openedAt) END,
         r.closesAt = CASE WHEN $closesAt IS NULL THEN null ELSE datetime($closesAt) END,
         r.endedAt = CASE WHEN $state = 'ENDED' THEN coalesce(r.endedAt, datetime()) ELSE r.endedAt END
       WITH r
       CALL (r) {
         WITH r WHERE $leaving
         MATCH (r)-[i:ITEM {order: $beforeIndex}]->()
         SET i.closedAt = datetime($beforeClosesAt)
       }`,
      {
        runId,
        state: after.state,
        index: int(after.questionIndex),
        openedAt: iso(after.openedAt),
        closesAt: iso(after.closesAt),
        leaving,
        beforeIndex: int(before.questionIndex),
        // The question closes when it was due, or now when the host ended it early (after.closesAt).
        beforeClosesAt: iso(after.questionIndex === before.questionIndex ? after.closesAt : before.closesAt),
      },
    )
    if (actor)
      await recordAudit(tx, { actor, operation, targetIds: [runId] })
    return after
  })
}

/** Open questions whose close was due by `before` (the timer's sweep). */
export async function listDueRuns(db: Database, before: Date): Promise<string[]> {
  const rows = await db.read<{ id: string }>(
    `MATCH (r:LiveRun {state: 'OPEN'}) WHERE r.closesAt <= datetime($before) RETURN r.id AS id LIMIT 500`,
    { before: before.toISOString() },
  )
  return rows.map(r => r.id)
}

/** An answer as written, or why it was not (the run's state, for the refusal). */
export interface AnswerWrite {
  written: boolean
  given: string[] | null
  receivedAt: string | null
  state: LiveState
  questionIndex: number
  closesAt: string | null
  joined: boolean
}

/**
 * Stores an answer iff, when it is written, the person has joined and the question is open and its close
 * is after `now` (the server's receipt time). Idempotent per clientId: a resent answer is stored once and
 * returns the first receipt.
 */
export async function writeAnswer(db: Database, input: { runId: string, personId: string, questionIndex: number, given: string[], clientId: string, now: Date }): Promise<AnswerWrite | null> {
  const [row] = await db.write<AnswerWrite>(
    `MATCH (r:LiveRun {id: $runId})
     OPTIONAL MATCH (p:Person {id: $personId})-[:JOINED]->(r)
     CALL (r, p) {
       WITH r, p WHERE p IS NOT NULL AND r.state = 'OPEN' AND r.questionIndex = $index AND datetime($now) < r.closesAt
       MERGE (a:LiveAnswer {id: $answerId})
         ON CREATE SET a.runId = r.id, a.personId = p.id, a.questionIndex = $index, a.given = $given, a.receivedAt = datetime($now)
       RETURN a
     UNION
       WITH r, p WHERE NOT (p IS NOT NULL AND r.state = 'OPEN' AND r.questionIndex = $index AND datetime($now) < r.closesAt)
       OPTIONAL MATCH (a:LiveAnswer {id: $answerId})
       RETURN a
     }
     RETURN a IS NOT NULL AS written, a.given AS given, ${isoText('a.receivedAt')} AS receivedAt, r.state AS state,
       r.questionIndex AS questionIndex, ${isoText('r.closesAt')} AS closesAt, p IS NOT NULL AS joined`,
    {
      runId: input.runId,
      personId: input.personId,
      index: int(input.questionIndex),
      given: input.given,
      answerId: `${input.runId}:${input.personId}:${input.clientId}`,
      now: input.now.toISOString(),
    },
  )
  return row ?? null
}

/** A participant as the record needs them: the person and their account. */
export interface Participant {
  personId: string
  userId: string
  username: string
}

/**
 * The ordinary attempt of the run's quiz for each participant who has none yet: the run's questions in
 * the run's order, options unshuffled (the room saw one screen), no deadline; `liveRunId` marks where it
 * came from. The id is the run's and the person's, so two instances recording the same run create one.
 * Returns every participant with their attempt's id and whether it is still to be submitted.
 */
export async function ensureLiveAttempts(db: Database, runId: string, now: Date): Promise<(Participant & { attemptId: string, status: string })[]> {
  return db.write<Participant & { attemptId: string, status: string }>(
    `MATCH (r:LiveRun {id: $runId})-[:OF]->(z:Quiz)
     CALL (r) { MATCH (r)-[i:ITEM]->() RETURN sum(i.points) AS maxScore }
     MATCH (p:Person)-[j:JOINED]->(r)
     MATCH (u:User)-[:IS]->(p)
     WITH r, z, p, u, maxScore, 'attempt-' + r.id + '-' + p.id AS attemptId, coalesce(j.joinedAt, datetime($now)) AS startedAt
     MERGE (t:Attempt {id: attemptId})
       ON CREATE SET t._new = true, t.seed = attemptId, t.status = 'IN_PROGRESS', t.startedAt = startedAt,
         t.autoSubmitted = false, t.liveRunId = r.id, t.maxScore = maxScore
     WITH r, z, p, u, t, coalesce(t._new, false) AS created
     CALL (r, z, p, t, created) {
       WITH r, z, p, t WHERE created
       CREATE (p)-[:MADE]->(t)-[:OF]->(z)
       WITH r, t
       MATCH (r)-[i:ITEM]->(q:Question)
       CREATE (t)-[:ITEM {order: i.order + 1, points: i.points, optionOrder: []}]->(q)
     }
     REMOVE t._new
     RETURN DISTINCT p.id AS personId, u.id AS userId, u.username AS username, t.id AS attemptId, t.status AS status
     ORDER BY personId`,
    { runId, now: now.toISOString() },
  )
}

/** Ended runs whose attempts are not all recorded yet (the sweep finishes what a stopped instance began). */
export async function listUnrecordedRuns(db: Database): Promise<string[]> {
  const rows = await db.read<{ id: string }>(
    `MATCH (r:LiveRun {state: 'ENDED'}) WHERE r.recordedAt IS NULL RETURN r.id AS id LIMIT 50`,
  )
  return rows.map(r => r.id)
}

/** Marks the run's attempts recorded. */
export async function markRecorded(db: Database, runId: string, now: Date): Promise<void> {
  await db.write('MATCH (r:LiveRun {id: $runId}) SET r.recordedAt = coalesce(r.recordedAt, datetime($now))', { runId, now: now.toISOString() })
}
