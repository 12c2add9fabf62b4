import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Outcome, Pending } from '../db/groupCommit'
import type { AttemptRow, AttemptSummaryRow } from './presentation'
import type { StoredCard } from './spacedRepetition'
import { Neo4jError } from 'neo4j-driver'
import { PERSON_PROJECTION } from '../auth/user.repository'
import { AppError, ErrorCode, notFound } from '../common/errors'
import { int } from '../db/database'
import { GroupCommit, RETRY } from '../db/groupCommit'
import { scoreAttempt } from './scoring'
import { afterWrongAnswer, cardId } from './spacedRepetition'
import { ARTICLE_PROJECTION, ATTEMPT_SUMMARY, notYours, QUIZ_SUMMARY } from './study.repository'

/**
 * Submission (交卷): scoring an attempt with what was saved, and writing the score, each item's result
 * and the review cards of wrong answers, exactly once.
 *
 * Submissions go through a group commit (db/groupCommit.ts): all submissions that arrive while one batch
 * is being written are read in one query, scored here, and written in one transaction. The write
 * re-checks, under the person's and the attempt's locks, what the score was computed from — the attempt
 * is still in progress, no answer was saved since (`t.revision`), none of the person's cards changed
 * (`reps`), the submissionId is not another attempt's — and skips a row whose check fails; that
 * submission is read and scored again in the next batch. A batch holds one attempt per person, so rows
 * of one transaction never touch the same cards. A lone submission costs two round trips (read, write);
 * 200 at once cost a few batches, not 200 transactions.
 *
 * Writers that already hold the locks (saving an answer after the deadline, starting an attempt when the
 * previous one ran out) use `submitLocked`, the same plan and the same write for one row.
 */

/** An attempt as the API presents it, before deciding what the viewer may see. */
export interface AttemptView {
  summary: AttemptSummaryRow
  ownerId: string | null
  ownerOrganizationIds: string[]
  person: AttemptRow['person']
  quiz: AttemptRow['quiz']
  items: AttemptRow['items']
}

/** Which costly parts of an attempt a request asks for (the rest is always there). */
export interface ViewDetail {
  /** The questions, answers and article texts. */
  items: boolean
  /** Whose attempt it is, with their organisation. */
  person: boolean
}

export const FULL_DETAIL: ViewDetail = { items: true, person: true }

/** The summary only (the score and the times), as the timer and a score-only response need. */
export const NO_DETAIL: ViewDetail = { items: false, person: false }

/**
 * Map projection of an attempt `t` of quiz `z` by person `p` (may be null): everything presentation
 * needs, answers included — without the parts `detail` leaves out (a submission whose response shows only
 * the score does not read every article text). The parts are left out of the query text, not skipped
 * with CASE: Neo4j evaluates a subquery inside CASE whatever the condition.
 */
export function attemptView(detail: ViewDetail): string {
  return `{
  summary: ${ATTEMPT_SUMMARY},
  ownerId: p.id,
  ownerOrganizationIds: [(p)-[:MEMBER_OF]->(o:Organization) | o.id],
  person: ${detail.person ? PERSON_PROJECTION : 'null'},
  quiz: ${QUIZ_SUMMARY},
  items: ${detail.items
    ? `COLLECT {
    MATCH (t)-[i:ITEM]->(q:Question)
    OPTIONAL MATCH (t)-[an:ANSWERED]->(q)
    RETURN {
      order: i.order, points: i.points, optionOrder: i.optionOrder, earned: i.earned, correct: i.correct,
      questionId: q.id, type: q.type, stem: q.stem, options: coalesce(q.options, []), answer: coalesce(q.answer, []),
      explanation: coalesce(q.explanation, ''), given: an.given, savedAt: an.savedAt,
      articles: COLLECT { MATCH (q)-[ts:TESTS]->(a:Article) RETURN ${ARTICLE_PROJECTION} AS article ORDER BY ts.order, a.lawId, a.ordinal }
    } AS item ORDER BY i.order
  }`
    : '[]'}
}`
}

/** The union of what several requests ask for. */
function unionOf(details: Iterable<ViewDetail>): ViewDetail {
  const out = { ...NO_DETAIL }
  for (const d of details) {
    out.items ||= d.items
    out.person ||= d.person
  }
  return out
}

/** What scoring needs of an attempt `t` in progress of quiz `z` by person `p`. */
const SCORING_INPUT = `{
  attemptId: t.id, personId: p.id, deadline: t.deadline, revision: coalesce(t.revision, 0),
  partial: coalesce(z.multiplePartialCredit, false),
  items: COLLECT {
    MATCH (t)-[i:ITEM]->(q:Question)
    OPTIONAL MATCH (t)-[an:ANSWERED]->(q)
    RETURN {questionId: q.id, type: q.type, answer: coalesce(q.answer, []), points: i.points,
      optionOrder: coalesce(i.optionOrder, []), given: an.given,
      card: [(p)-[r:REVIEWS]->(q) | r {.due, .stability, .difficulty, .elapsedDays, .scheduledDays, .learningSteps, .reps, .lapses, .state, .lastReview}][0]
    } AS item ORDER BY i.order
  }
}`

/** One attempt in progress as SCORING_INPUT reads it. */
export interface ScoringInput {
  attemptId: string
  personId: string
  deadline: string | null
  revision: number
  partial: boolean
  items: { questionId: string, type: string, answer: string[], points: number, optionOrder: number[], given: string[] | null, card: StoredCard | null }[]
}

/** Who submits: a person (with the submissionId their client generated) or the server's timer. */
export interface SubmitBy {
  actor: SessionUser | null
  submissionId: string | null
}

/** One row of the submission write (submitWrite). */
type WriteRow = ReturnType<typeof planSubmission>

export function expired(deadline: string | null, now: Date): boolean {
  return deadline !== null && Date.parse(deadline) <= now.getTime()
}

/**
 * Scores the attempt and computes its review cards: the row the submission write (submitWrite) applies. After the deadline
 * the submission counts as made at the deadline, by the timer. Wrong or unanswered questions create or
 * lapse the person's card; `previousReps` is what the write checks the card against.
 */
export function planSubmission(input: ScoringInput, by: SubmitBy, now: Date) {
  const late = expired(input.deadline, now)
  const submittedAt = late ? new Date(input.deadline!) : now
  const result = scoreAttempt(input.items, { multiplePartialCredit: input.partial })
  return {
    attemptId: input.attemptId,
    personId: input.personId,
    revision: int(input.revision),
    submittedAt: submittedAt.toISOString(),
    score: result.score,
    auto: late,
    submissionId: by.submissionId,
    operation: late ? 'submitAttempt:timer' : 'submitAttempt',
    actorId: by.actor?.id ?? null,
    actorUsername: by.actor?.username ?? null,
    items: input.items.map((item, k) => ({ questionId: item.questionId, earned: result.items[k]!.earned, correct: result.items[k]!.correct })),
    cards: input.items.flatMap((item, k) => {
      if (result.items[k]!.correct)
        return []
      const card = afterWrongAnswer(item.card, submittedAt)
      return [{
        ...card,
        id: cardId(input.personId, item.questionId),
        questionId: item.questionId,
        previousReps: item.card ? int(item.card.reps) : null,
        learningSteps: int(card.learningSteps),
        reps: int(card.reps),
        lapses: int(card.lapses),
        scheduledDays: int(card.scheduledDays),
        elapsedDays: int(card.elapsedDays),
      }]
    }),
  }
}

/**
 * Writes planned submissions. Each row first locks its person, then its attempt (the order every writer
 * of attempts uses, so writers never deadlock), then checks that what it was planned from still holds;
 * rows that pass are written and returned with the attempt as it now is.
 */
function submitWrite(detail: ViewDetail): string {
  return `
UNWIND $batch.rows AS row
MATCH (p:Person {id: row.personId})-[:MADE]->(t:Attempt {id: row.attemptId})
SET p._lock = true REMOVE p._lock
WITH p, t, row
SET t._lock = true REMOVE t._lock
WITH p, t, row
WHERE t.status = 'IN_PROGRESS' AND coalesce(t.revision, 0) = row.revision
  AND all(c IN row.cards WHERE coalesce([(p)-[r:REVIEWS]->(:Question {id: c.questionId}) | r.reps][0], -1) = coalesce(c.previousReps, -1))
  AND (row.submissionId IS NULL OR NOT EXISTS { MATCH (s:ClientSubmission {id: row.submissionId}) WHERE s.attemptId <> t.id })
SET t.status = 'SUBMITTED', t.submittedAt = datetime(row.submittedAt), t.score = row.score, t.autoSubmitted = row.auto,
    t.submissionId = row.submissionId
WITH p, t, row
CALL (t, row) {
  UNWIND row.items AS it
  MATCH (t)-[i:ITEM]->(q:Question {id: it.questionId})
  SET i.earned = it.earned, i.correct = it.correct
}
CALL (p, row) {
  UNWIND row.cards AS c
  MATCH (q:Question {id: c.questionId})
  MERGE (p)-[r:REVIEWS]->(q)
    ON CREATE SET r.id = c.id, r.createdAt = datetime()
  SET r.due = datetime(c.due), r.stability = c.stability, r.difficulty = c.difficulty, r.elapsedDays = c.elapsedDays,
      r.scheduledDays = c.scheduledDays, r.learningSteps = c.learningSteps, r.reps = c.reps, r.lapses = c.lapses,
      r.state = c.state, r.lastReview = CASE WHEN c.lastReview IS NULL THEN null ELSE datetime(c.lastReview) END,
      r.lastWrongAt = datetime(row.submittedAt)
}
CALL (t, row) {
  WITH t, row WHERE row.submissionId IS NOT NULL
  MERGE (s:ClientSubmission {id: row.submissionId})
    ON CREATE SET s.attemptId = t.id, s.at = datetime()
}
CREATE (:AuditEvent {id: randomUUID(), at: datetime(), actorId: row.actorId, actorUsername: row.actorUsername,
  operation: row.operation, targetIds: [t.id]})
WITH p, t, row
MATCH (t)-[:OF]->(z:Quiz)
RETURN t.id AS attemptId, ${attemptView(detail)} AS view`
}

/**
 * Submits an attempt in progress inside the caller's transaction, which already holds the person's and
 * the attempt's locks (so the write's checks hold). False when the attempt is not in progress.
 */
export async function submitLocked(tx: Tx, by: SubmitBy, attemptId: string, now: Date): Promise<boolean> {
  const [row] = await tx.run<{ input: ScoringInput }>(
    `MATCH (p:Person)-[:MADE]->(t:Attempt {id: $attemptId, status: 'IN_PROGRESS'})-[:OF]->(z:Quiz) RETURN ${SCORING_INPUT} AS input`,
    { attemptId },
  )
  if (!row)
    return false
  const written = await tx.run(submitWrite(NO_DETAIL), { batch: { rows: [planSubmission(row.input, by, now)] } })
  return written.length === 1
}

/** One submission waiting for its batch. */
export interface SubmitRequest {
  attemptId: string
  /** The person submitting (only the attempt's owner may), or null for the server's timer. */
  user: SessionUser | null
  /** The client's id of the answer sheet; null for the timer. */
  submissionId: string | null
  /** When the request arrived: the submission time (or the deadline, when that came first). */
  now: Date
  /** What of the attempt the response shows. */
  detail: ViewDetail
}

/** What a submission request gives back: whether this request submitted the attempt, and the attempt. */
export interface SubmitResult {
  submitted: boolean
  /** The attempt after the request (null for a timer request that found nothing to do). */
  view: AttemptView | null
}

/** After this many batches lost the optimistic check, the request fails with an error to retry. */
const MAX_ROUNDS = 8

const CONFLICT = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, details)

interface ReadRow {
  attemptId: string
  ownerId: string | null
  input: ScoringInput | null
  view: AttemptView | null
}

/** One batch of the group commit: one read, scoring, one write. */
async function submitBatch(db: Database, batch: readonly Pending<SubmitRequest>[]): Promise<Outcome<SubmitResult>[]> {
  const attemptIds = [...new Set(batch.map(b => b.input.attemptId))]
  // What any request of the batch asks for is read for all (the others' responses do not show it).
  const detail = unionOf(batch.map(b => b.input.detail))
  const submissionIds = [...new Set(batch.flatMap(b => b.input.submissionId ?? []))]
  const [read] = await db.read<{ used: { id: string, attemptId: string }[], attempts: ReadRow[] }>(
    `RETURN COLLECT { UNWIND $batch.submissionIds AS sid MATCH (s:ClientSubmission {id: sid}) RETURN {id: sid, attemptId: s.attemptId} } AS used,
       COLLECT {
         UNWIND $batch.attemptIds AS attemptId
         MATCH (t:Attempt {id: attemptId})-[:OF]->(z:Quiz)
         OPTIONAL MATCH (p:Person)-[:MADE]->(t)
         RETURN {attemptId: attemptId, ownerId: p.id,
           input: CASE WHEN t.status = 'IN_PROGRESS' AND p IS NOT NULL THEN ${SCORING_INPUT} END,
           view: CASE WHEN t.status <> 'IN_PROGRESS' THEN ${attemptView(detail)} END}
       } AS attempts`,
    { batch: { attemptIds, submissionIds } },
  )
  const attempts = new Map(read!.attempts.map(a => [a.attemptId, a]))
  const usedFor = new Map(read!.used.map(u => [u.id, u.attemptId]))

  // Decide each request; plan one write per attempt, at most one attempt per person.
  const outcomes: (Outcome<SubmitResult> | { attemptId: string, first: boolean })[] = []
  const planned = new Map<string, WriteRow>()
  const people = new Set<string>()
  const claimed = new Map<string, string>()
  for (const { input: request, rounds } of batch) {
    const attempt = attempts.get(request.attemptId)
    if (!attempt) {
      outcomes.push({ error: notFound('答卷 (attempt)', request.attemptId) })
      continue
    }
    if (request.user && attempt.ownerId !== request.user.personId) {
      outcomes.push({ error: notYours('只能提交自己的答卷 (you can submit only your own attempts).') })
      continue
    }
    const sid = request.submissionId
    const owner = sid ? usedFor.get(sid) : undefined
    if (sid && owner && owner !== request.attemptId) {
      outcomes.push({ error: CONFLICT('submissionId 已用于另一份答卷 (this submissionId was used for another attempt): generate a new one for each answer sheet.', { field: 'submissionId' }) })
      continue
    }
    if (!attempt.input) {
      outcomes.push({ value: { submitted: false, view: attempt.view } })
      continue
    }
    if (!request.user && !expired(attempt.input.deadline, request.now)) {
      outcomes.push({ value: { submitted: false, view: null } })
      continue
    }
    if (planned.has(request.attemptId)) {
      outcomes.push({ attemptId: request.attemptId, first: false })
      continue
    }
    if (rounds > MAX_ROUNDS) {
      outcomes.push({ error: CONFLICT('答卷正在被修改，请稍后重新提交 (the attempt kept changing while it was being submitted): submit again.', { attemptId: request.attemptId }) })
      continue
    }
    if (people.has(attempt.input.personId) || (sid && claimed.has(sid) && claimed.get(sid) !== request.attemptId)) {
      outcomes.push(RETRY)
      continue
    }
    people.add(attempt.input.personId)
    if (sid)
      claimed.set(sid, request.attemptId)
    planned.set(request.attemptId, planSubmission(attempt.input, { actor: request.user, submissionId: sid }, request.now))
    outcomes.push({ attemptId: request.attemptId, first: true })
  }

  const written = planned.size === 0
    ? new Map<string, AttemptView>()
    : new Map((await db.write<{ attemptId: string, view: AttemptView }>(submitWrite(detail), { batch: { rows: [...planned.values()].sort((a, b) => a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0) } })).map(w => [w.attemptId, w.view]))
  return outcomes.map((outcome) => {
    if (outcome === RETRY || !('first' in outcome))
      return outcome
    const view = written.get(outcome.attemptId)
    return view ? { value: { submitted: outcome.first, view } } : RETRY
  })
}

const queues = new WeakMap<Database, GroupCommit<SubmitRequest, SubmitResult>>()

/** Submits through the database's group commit (one per Database, so per process). */
export function submitQueued(db: Database, request: SubmitRequest): Promise<SubmitResult> {
  let queue = queues.get(db)
  if (!queue) {
    queue = new GroupCommit<SubmitRequest, SubmitResult>(batch => submitBatch(db, batch), {
      // A statement error may come from one row; an unreachable database (the driver has already
      // retried) fails every row alike, so it is not retried once per submission.
      isolate: error => error instanceof Neo4jError && /^Neo\.(?:ClientError|DatabaseError)\.Statement\./.test(error.code),
    })
    queues.set(db, queue)
  }
  return queue.add(request)
}
