import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Attempt, AttemptSummary, SavedAnswer } from './attempt.type'
import type { AttemptView, ViewDetail } from './attemptView.repository'
import type { AttemptSummaryRow } from './presentation'
import { randomUUID } from 'node:crypto'
import { requirePerson } from '../auth/access'
import { Role } from '../auth/role'
import { badInput, conflict, notFound, notYours } from '../common/errors'
import { recordAudit } from '../db/audit.repository'
import { int } from '../db/database'
import { logger } from '../logger'
import { checkGiven } from '../quiz/answerRules'
import { drawAttempt, DrawShortError, shortageMessage, shuffleOptions } from '../quiz/draw'
import { loadDrawPools } from '../quiz/quiz.repository'
import { scoreAttempt } from '../quiz/scoring'
import { attemptDeadline, startRefusal } from './attemptRules'
import { attemptSummaryProjection, FULL_DETAIL, NO_DETAIL, readView } from './attemptView.repository'
import { queueFollowUp } from './followUp'
import { presentAttempt, presentSummary } from './presentation'
import { expired, submitLocked, submitQueued } from './submission'

/**
 * Attempts (答卷): drawing on the server, saving answers as the person goes, the server-side deadline,
 * idempotent submission, scoring and the review cards of wrong answers.
 *
 * Locking: every write to an attempt locks the attempt, and those that also need the person (saving,
 * starting, writing review cards) lock the person first (always in that order, so two writers never
 * deadlock); saving, submitting and the expiry sweep therefore never interleave on one attempt. Saving
 * scores the attempt's answers so far (hidden until submission), so submitting is one write
 * (submission.ts).
 */

/** Locks the attempt's person, then the attempt; returns the owner, or null when there is no such attempt. */
async function lockAttempt(tx: Tx, attemptId: string): Promise<string | null> {
  const [row] = await tx.run<{ ownerId: string }>(
    `MATCH (p:Person)-[:MADE]->(t:Attempt {id: $attemptId})
     SET p._lock = true REMOVE p._lock
     WITH p, t SET t._lock = true REMOVE t._lock
     RETURN p.id AS ownerId`,
    { attemptId },
  )
  return row?.ownerId ?? null
}

/** Whether `user` may read the attempt, and whether they see everything (a trainer of the owner's organisation, or an admin). */
function accessOf(user: SessionUser, row: AttemptView): { allowed: boolean, full: boolean } {
  if (user.personId && row.ownerId === user.personId)
    return { allowed: true, full: false }
  if (user.roles.includes(Role.ADMIN))
    return { allowed: true, full: true }
  if (user.roles.includes(Role.TRAINER) && row.ownerOrganizationIds.some(id => user.organizationIds.includes(id)))
    return { allowed: true, full: true }
  return { allowed: false, full: false }
}

function present(row: AttemptView, full: boolean, now: Date): Attempt {
  return presentAttempt({ ...row.summary, ownerId: row.ownerId, ownerOrganizationIds: row.ownerOrganizationIds, person: row.person, quiz: row.quiz, items: row.items }, { full, now })
}

/**
 * One attempt for a user: their own (answers as the reveal policy allows), or — for a trainer of the
 * person's organisation, or an admin — anyone's with everything. An attempt whose time ran out is
 * submitted first. FORBIDDEN for anyone else.
 */
export async function readAttempt(db: Database, user: SessionUser, attemptId: string, now: Date): Promise<Attempt> {
  let row = await readView(db, attemptId)
  if (!row)
    throw notFound('答卷 (attempt)', attemptId)
  const access = accessOf(user, row)
  if (!access.allowed)
    throw notYours('只能查看自己的答卷 (you can read only your own attempts).')
  if (row.summary.status === 'IN_PROGRESS' && expired(row.summary.deadline, now)) {
    const timer = await submitQueued(db, { attemptId, user: null, submissionId: null, now, detail: FULL_DETAIL })
    row = timer.view ?? (await readView(db, attemptId))!
  }
  return present(row, access.full, now)
}

/**
 * Starts an attempt at a published quiz, or resumes the person's attempt in progress. The questions are
 * drawn here: a fixed quiz's in order, a blueprint's by `drawAttempt` seeded with the attempt id (unseen
 * questions first); options are shuffled per attempt when the quiz says so, and the order shown is kept
 * on each ITEM. Respects opensAt/closesAt and attemptsAllowed.
 */
export async function startAttempt(db: Database, user: SessionUser, quizId: string, now: Date): Promise<Attempt> {
  const personId = requirePerson(user)
  const pools = await loadDrawPools(db, quizId, personId)
  if (!pools || pools.quiz.status !== 'PUBLISHED')
    throw notFound('试卷 (quiz)', quizId)
  const id = `attempt-${randomUUID()}`
  let drawn: ReturnType<typeof drawAttempt> | null = null
  let shortage: DrawShortError | null = null
  try {
    drawn = drawAttempt(pools, id)
  }
  catch (error) {
    if (!(error instanceof DrawShortError))
      throw error
    shortage = error
  }
  const quiz = pools.quiz
  // Earlier attempts this one closes because their time ran out (reset when the transaction is retried).
  let closed: string[] = []
  const attemptId = await db.transaction(async (tx) => {
    closed = []
    await tx.run('MATCH (p:Person {id: $personId}) SET p._lock = true REMOVE p._lock', { personId })
    const [state] = await tx.run<{ open: { id: string, deadline: string | null }[], made: number, questions: { id: string, type: string, options: string[] }[] }>(
      `MATCH (z:Quiz {id: $quizId})
       RETURN COLLECT {
           MATCH (:Person {id: $personId})-[:MADE]->(t:Attempt {status: 'IN_PROGRESS'})-[:OF]->(z)
           RETURN {id: t.id, deadline: t.deadline} AS a ORDER BY t.startedAt DESC
         } AS open,
         COUNT { (:Person {id: $personId})-[:MADE]->(:Attempt)-[:OF]->(z) } AS made,
         COLLECT { UNWIND $questionIds AS qid MATCH (q:Question {id: qid}) RETURN {id: q.id, type: q.type, options: coalesce(q.options, [])} AS q } AS questions`,
      { quizId, personId, questionIds: (drawn ?? []).map(d => d.questionId) },
    )
    for (const open of state!.open) {
      if (!expired(open.deadline, now))
        return open.id
      await lockAttempt(tx, open.id)
      if (await submitLocked(tx, open.id, now))
        closed.push(open.id)
    }
    const refusal = startRefusal({ status: quiz.status, opensAt: quiz.opensAt ? Date.parse(quiz.opensAt) : null, closesAt: quiz.closesAt ? Date.parse(quiz.closesAt) : null }, now.getTime())
    if (refusal)
      throw conflict(refusal, { field: 'quizId' })
    if (quiz.attemptsAllowed !== null && state!.made >= quiz.attemptsAllowed)
      throw conflict(`已用完 ${quiz.attemptsAllowed} 次作答机会 (you have used all ${quiz.attemptsAllowed} attempts at this quiz).`, { attemptsAllowed: quiz.attemptsAllowed })
    if (shortage)
      throw badInput(`题库已不足以按规则抽题，请联系培训管理员 (the question bank can no longer supply this quiz; tell the trainer):\n${shortage.shortages.map(s => `- ${shortageMessage(s)}`).join('\n')}`)
    const questions = new Map(state!.questions.map(q => [q.id, q]))
    const items = drawn!.flatMap((d, k) => {
      const question = questions.get(d.questionId)
      if (!question)
        return []
      const choice = question.type === 'SINGLE' || question.type === 'MULTIPLE'
      const order = choice && quiz.shuffleOptions ? shuffleOptions(question, id).order : []
      return [{ questionId: d.questionId, order: int(k + 1), points: int(d.points), optionOrder: order.map(int) }]
    })
    if (items.length === 0)
      throw conflict('试卷没有可用的试题 (the quiz has no questions): tell the trainer.')
    const deadline = attemptDeadline(now.getTime(), quiz.timeLimitSec, quiz.closesAt ? Date.parse(quiz.closesAt) : null)
    await tx.run(
      `MATCH (p:Person {id: $personId}), (z:Quiz {id: $quizId})
       CREATE (t:Attempt {id: $id, seed: $id, status: 'IN_PROGRESS', startedAt: datetime($now),
         deadline: CASE WHEN $deadline IS NULL THEN null ELSE datetime($deadline) END, maxScore: $maxScore, autoSubmitted: false})
       CREATE (p)-[:MADE]->(t)-[:OF]->(z)
       WITH t
       UNWIND $items AS it
       MATCH (q:Question {id: it.questionId})
       CREATE (t)-[:ITEM {order: it.order, points: it.points, optionOrder: it.optionOrder}]->(q)`,
      {
        personId,
        quizId,
        id,
        now: now.toISOString(),
        deadline: deadline === null ? null : new Date(deadline).toISOString(),
        maxScore: int(items.reduce((n, i) => n + i.points.toNumber(), 0)),
        items,
      },
    )
    await recordAudit(tx, { actor: user, operation: 'startAttempt', targetIds: [id, quizId] })
    return id
  })
  queueFollowUp(db, closed)
  return readAttempt(db, user, attemptId, now)
}

/** An item of an attempt in progress as saving reads it: the question, its key and the answer saved. */
interface SavedItem {
  id: string
  type: string
  options: string[]
  answer: string[]
  points: number
  optionOrder: number[]
  given: string[] | null
}

/** An attempt's items with the answers saved so far, and whether its quiz gives partial credit. */
async function readSaved(tx: Tx, attemptId: string) {
  const [row] = await tx.run<{ status: string, deadline: string | null, partial: boolean, items: SavedItem[] }>(
    `MATCH (t:Attempt {id: $attemptId})-[:OF]->(z:Quiz)
     RETURN t.status AS status, t.deadline AS deadline, coalesce(z.multiplePartialCredit, false) AS partial,
       COLLECT {
         MATCH (t)-[i:ITEM]->(q:Question)
         OPTIONAL MATCH (t)-[an:ANSWERED]->(q)
         RETURN {id: q.id, type: q.type, options: coalesce(q.options, []), answer: coalesce(q.answer, []), points: i.points,
           optionOrder: coalesce(i.optionOrder, []), given: an.given} AS q ORDER BY i.order
       } AS items`,
    { attemptId },
  )
  return row
}

/**
 * Writes the answers (`writes`, already applied to `saved.items`), the result of each item in `rescore`
 * on its ANSWERED (an item's result depends on its own answer only) and the attempt's total in
 * `t.pendingScore`. Scored now, shown only after submission: the submission then writes without reading
 * first. Returns the answers written.
 */
async function writeSaved(tx: Tx, attemptId: string, saved: { partial: boolean, items: SavedItem[] }, writes: { questionId: string, given: string[], ms: unknown }[], rescore: ReadonlySet<string>, now: Date) {
  const scored = scoreAttempt(saved.items, { multiplePartialCredit: saved.partial })
  const results = saved.items.flatMap((item, k) => item.given && rescore.has(item.id) ? [{ questionId: item.id, earned: scored.items[k]!.earned, correct: scored.items[k]!.correct }] : [])
  return tx.run<{ questionId: string, given: string[], savedAt: string, deadline: string | null }>(
    `MATCH (t:Attempt {id: $attemptId})
     SET t.pendingScore = $score
     WITH t
     CALL (t) {
       UNWIND $writes AS w
       MATCH (t)-[:ITEM]->(q:Question {id: w.questionId})
       MERGE (t)-[an:ANSWERED]->(q)
       SET an.given = w.given, an.savedAt = datetime($now), an.ms = coalesce(w.ms, an.ms)
     }
     CALL (t) {
       UNWIND $results AS r
       MATCH (t)-[an:ANSWERED]->(:Question {id: r.questionId})
       SET an.earned = r.earned, an.correct = r.correct
     }
     UNWIND $writes AS w
     MATCH (t)-[an:ANSWERED]->(q:Question {id: w.questionId})
     RETURN q.id AS questionId, an.given AS given, an.savedAt AS savedAt, t.deadline AS deadline`,
    { attemptId, writes, results, score: scored.score, now: now.toISOString() },
  )
}

/**
 * Scores the saved answers of attempts in progress that were saved before answers were scored on saving
 * (an answer without a result), so submitting them counts those answers. Run at start; returns how many
 * attempts it scored.
 */
export async function scoreUnscoredAnswers(db: Database, now: Date): Promise<number> {
  const rows = await db.read<{ id: string }>(
    `MATCH (t:Attempt {status: 'IN_PROGRESS'}) WHERE EXISTS { (t)-[an:ANSWERED]->() WHERE an.earned IS NULL }
     RETURN t.id AS id`,
  )
  for (const { id } of rows) {
    await db.transaction(async (tx) => {
      await lockAttempt(tx, id)
      const saved = await readSaved(tx, id)
      if (saved?.status === 'IN_PROGRESS')
        await writeSaved(tx, id, saved, [], new Set(saved.items.map(item => item.id)), now)
    })
  }
  return rows.length
}

/** One answer to save. */
export interface AnswerInput {
  questionId: string
  given: string[]
  ms?: number | null
}

/**
 * Saves (replaces) the person's answer to one question of their attempt in progress. Refused after the
 * deadline — the attempt is then submitted with what was saved — and after submission.
 */
export async function saveAnswer(db: Database, user: SessionUser, input: AnswerInput & { attemptId: string }, now: Date): Promise<SavedAnswer> {
  const [saved] = await saveAnswers(db, user, input.attemptId, [input], now)
  return saved!
}

/**
 * Saves several answers of one attempt in one transaction (all or none), as saveAnswer does one: a
 * client flushing answers it could not send, or the sample data.
 */
export async function saveAnswers(db: Database, user: SessionUser, attemptId: string, answers: AnswerInput[], now: Date): Promise<SavedAnswer[]> {
  if (answers.length === 0 || answers.length > 200)
    throw badInput('一次保存 1–200 个答案 (answers: 1–200 per call).', { field: 'answers' })
  for (const input of answers) {
    if (input.ms != null && (!Number.isInteger(input.ms) || input.ms < 0 || input.ms > 86_400_000))
      throw badInput('ms 须为 0–86400000 的整数 (ms: milliseconds spent, 0–86400000).', { field: 'ms' })
    if (input.given.length > 20)
      throw badInput('答案最多 20 项 (given: at most 20 entries).', { field: 'given' })
  }
  const outcome = await db.transaction(async (tx): Promise<{ kind: 'saved', value: SavedAnswer[] } | { kind: 'expired' }> => {
    const ownerId = await lockAttempt(tx, attemptId)
    if (!ownerId)
      throw notFound('答卷 (attempt)', attemptId)
    if (ownerId !== user.personId)
      throw notYours('只能作答自己的答卷 (you can answer only your own attempts).')
    const row = await readSaved(tx, attemptId)
    if (row!.status !== 'IN_PROGRESS')
      throw conflict('答卷已交，不能再修改答案 (the attempt was submitted; answers can no longer change).', { status: row!.status })
    if (expired(row!.deadline, now)) {
      await submitLocked(tx, attemptId, now)
      return { kind: 'expired' }
    }
    const items = new Map(row!.items.map(i => [i.id, i]))
    const writes = answers.map((input) => {
      const item = items.get(input.questionId)
      if (!item)
        throw badInput(`试题 ${input.questionId} 不在本答卷中 (questionId: not a question of this attempt).`, { field: 'questionId' })
      const given = checkGiven({ type: item.type, optionCount: item.options.length, blanks: item.type === 'FILL_BLANK' ? item.answer.length : 0 }, input.given)
      item.given = given
      return { questionId: input.questionId, given, ms: input.ms == null ? null : int(input.ms) }
    })
    const saved = await writeSaved(tx, attemptId, row!, writes, new Set(writes.map(w => w.questionId)), now)
    await recordAudit(tx, { actor: user, operation: 'saveAnswer', targetIds: [attemptId, ...writes.map(w => w.questionId)] })
    return { kind: 'saved', value: saved.map(a => ({ attemptId, ...a })) }
  })
  if (outcome.kind === 'expired') {
    queueFollowUp(db, [attemptId])
    throw conflict('作答时间已到，答卷已按已保存的答案自动提交 (time is up: the attempt was submitted with the answers saved so far).', { attemptId, expired: true })
  }
  return outcome.value
}

const SUBMISSION_ID = /^[\w-]{8,64}$/

/**
 * Submits the person's attempt (交卷) with the answers saved. Idempotent: the same submissionId again, or
 * any submission of an attempt already submitted, returns the recorded result and scores nothing anew.
 * A submissionId already used for another attempt is a CONFLICT.
 */
export async function submitAttempt(db: Database, user: SessionUser, attemptId: string, submissionId: string, now: Date, detail: ViewDetail = FULL_DETAIL): Promise<Attempt> {
  if (!SUBMISSION_ID.test(submissionId))
    throw badInput('submissionId 须为客户端生成的 8–64 位标识，如 UUID (submissionId: 8–64 of a-z 0-9 - _, e.g. a UUID the client generated once per answer sheet).', { field: 'submissionId' })
  const { view } = await submitQueued(db, { attemptId, user, submissionId, now, detail })
  return present(view!, false, now)
}

/**
 * Submits every attempt whose deadline is at or before `now` with what was saved (the server's timer;
 * also run on reads and writes of an attempt). Returns the ids submitted.
 */
export async function submitExpiredAttempts(db: Database, now: Date, limit = 500): Promise<string[]> {
  const rows = await db.read<{ id: string }>(
    `MATCH (t:Attempt {status: 'IN_PROGRESS'}) WHERE t.deadline <= datetime($now)
     RETURN t.id AS id ORDER BY t.deadline LIMIT $limit`,
    { now: now.toISOString(), limit: int(limit) },
  )
  // All at once: the group commit writes them in a few batches.
  const outcomes = await Promise.allSettled(rows.map(({ id }) => submitQueued(db, { attemptId: id, user: null, submissionId: null, now, detail: NO_DETAIL })))
  return rows.flatMap(({ id }, k) => {
    const outcome = outcomes[k]!
    if (outcome.status === 'rejected')
      logger.error({ err: outcome.reason, attemptId: id }, 'could not submit an expired attempt')
    return outcome.status === 'fulfilled' && outcome.value.submitted ? [id] : []
  })
}

/** The person's attempts, newest first. */
export async function listMyAttempts(db: Database, personId: string, skip: number, first: number): Promise<{ total: number, items: AttemptSummary[] }> {
  const [row] = await db.read<{ total: number, items: AttemptSummaryRow[] }>(
    `RETURN COUNT { (:Person {id: $personId})-[:MADE]->(:Attempt) } AS total,
       COLLECT {
         MATCH (:Person {id: $personId})-[:MADE]->(t:Attempt)-[:OF]->(z:Quiz)
         WITH t, z ORDER BY t.startedAt DESC, t.id SKIP $skip LIMIT $first
         RETURN ${attemptSummaryProjection('t', 'z')} AS attempt
       } AS items`,
    { personId, skip: int(skip), first: int(first) },
  )
  return { total: row?.total ?? 0, items: (row?.items ?? []).map(presentSummary) }
}
