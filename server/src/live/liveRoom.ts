import type { SessionUser } from '../context'
import type { LiveAnswerReceipt, LiveRun } from './live.type'
import type { LiveHub } from './liveHub'
import type { LiveViewer } from './livePresentation'
import type { HostAction } from './liveRules'
import { requirePerson, Role } from '../auth/access'
import { AppError, badInput, ErrorCode, notFound, notYours } from '../common/errors'
import { checkGiven } from '../quiz/answerRules'
import { checkIn } from '../study/study.repository'
import { changePosition, createRun, findRunByCode, hasJoined, readRun, readSessionForRun, recordJoin, writeAnswer } from './live.repository'
import { LiveRole } from './live.type'
import { viewOf } from './livePresentation'
import { answerRefusal, isJoinCode, LIVE_LIMITS, transition } from './liveRules'

/**
 * The live quiz's operations (what the resolver calls): who may do what, then the write, then the
 * room goes out on the bus. Hosts are the trainers of the session's organisation and admins;
 * participants are the people who joined with the code (invited to the session: joining checks them in).
 */

const CONFLICT = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, details)

/** Whether the user may host runs of sessions of the organisation. */
export function mayHost(user: SessionUser, organizationId: string | null): boolean {
  if (user.roles.includes(Role.ADMIN))
    return true
  return user.roles.includes(Role.TRAINER) && organizationId !== null && user.organizationIds.includes(organizationId)
}

/** The viewer's part in a run, or FORBIDDEN: its host, or a participant who joined. */
export async function viewerOf(hub: LiveHub, user: SessionUser, runId: string): Promise<LiveViewer> {
  const run = await readRun(hub.db, runId)
  if (!run)
    throw notFound('现场答题 (live run)', runId)
  if (mayHost(user, run.organizationId))
    return { role: LiveRole.HOST, personId: user.personId }
  if (await hasJoined(hub.db, runId, user.personId))
    return { role: LiveRole.PARTICIPANT, personId: user.personId }
  throw notYours('请先用加入码加入本场答题 (join this live quiz with its code first).')
}

/** The room as the user may see it now. */
export async function readLiveRun(hub: LiveHub, user: SessionUser, runId: string): Promise<LiveRun> {
  const viewer = await viewerOf(hub, user, runId)
  const view = await hub.view(runId, viewer)
  if (!view)
    throw notFound('现场答题 (live run)', runId)
  return view
}

/**
 * Opens a live run of the session's quiz (in the lobby, with a join code), or returns the one not yet
 * ended. For hosts of the session's organisation.
 */
export async function openLiveRun(hub: LiveHub, user: SessionUser, sessionId: string, secondsPerQuestion: number): Promise<LiveRun> {
  if (!Number.isInteger(secondsPerQuestion) || secondsPerQuestion < LIVE_LIMITS.minSeconds || secondsPerQuestion > LIVE_LIMITS.maxSeconds)
    throw badInput(`每题作答时间须为 ${LIVE_LIMITS.minSeconds}–${LIVE_LIMITS.maxSeconds} 秒 (secondsPerQuestion: ${LIVE_LIMITS.minSeconds}–${LIVE_LIMITS.maxSeconds}).`, { field: 'secondsPerQuestion' })
  const session = await readSessionForRun(hub.db, sessionId)
  if (!session)
    throw notFound('学习会 (study session)', sessionId)
  if (!mayHost(user, session.organizationId))
    throw notYours('只有该学习会所属单位的培训管理员可以主持现场答题 (only trainers of the session’s organisation may host its live quiz).')
  if (!session.quizId)
    throw CONFLICT('该学习会没有试卷 (the session has no quiz): attach a quiz when scheduling it.', { field: 'sessionId' })
  const runId = session.activeRunId ?? await createRun(hub.db, user, { sessionId, quizId: session.quizId, secondsPerQuestion }, hub.now())
  return readLiveRun(hub, user, runId)
}

/** Joins the run with this code (checking the person in to its session) and returns the room. Idempotent. */
export async function joinLiveRun(hub: LiveHub, user: SessionUser, code: string): Promise<LiveRun> {
  const personId = requirePerson(user)
  const joinCode = code.replace(/\s/g, '')
  if (!isJoinCode(joinCode))
    throw badInput('加入码为 6 位数字 (code: six digits, as shown on the screen).', { field: 'code' })
  const found = await findRunByCode(hub.db, joinCode)
  if (!found)
    throw new AppError(ErrorCode.NOT_FOUND, '没有正在进行的该加入码的现场答题 (no live quiz is running with this code): check the code on the screen.', { field: 'code' })
  // Joining is attending: the session's own check-in (invited people only, in its window; idempotent).
  await checkIn(hub.db, user, found.sessionId, hub.now())
  await recordJoin(hub.db, { ...user, personId }, found.runId, hub.now())
  hub.countsChanged(found.runId)
  return readLiveRun(hub, user, found.runId)
}

/** A participant's answer to the open question, counted iff the server received it before the close. */
export async function answerLive(hub: LiveHub, user: SessionUser, input: { runId: string, questionIndex: number, given: string[], clientId: string }): Promise<LiveAnswerReceipt> {
  // The receipt time: taken first, before anything that could wait.
  const now = hub.now()
  const personId = requirePerson(user)
  if (!/^[\w-]{8,64}$/.test(input.clientId))
    throw badInput('clientId 须为 8–64 位字母、数字、- 或 _ (clientId: 8–64 letters, digits, - or _; e.g. a UUID).', { field: 'clientId' })
  const items = await hub.runItems(input.runId)
  if (!items)
    throw notFound('现场答题 (live run)', input.runId)
  const item = items[input.questionIndex]
  if (!item)
    throw badInput(`本场没有第 ${input.questionIndex + 1} 题 (questionIndex: 0–${items.length - 1}).`, { field: 'questionIndex' })
  const given = checkGiven({ type: item.type, optionCount: item.options.length, blanks: item.type === 'FILL_BLANK' ? item.answer.length : 0 }, input.given)
  if (given.length === 0)
    throw badInput('请选择或填写答案 (given: an answer is needed).', { field: 'given' })
  const written = await writeAnswer(hub.db, { runId: input.runId, personId, questionIndex: input.questionIndex, given, clientId: input.clientId, now })
  if (!written)
    throw notFound('现场答题 (live run)', input.runId)
  if (!written.joined)
    throw notYours('请先用加入码加入本场答题 (join this live quiz with its code first).')
  if (!written.written) {
    const refusal = answerRefusal({ state: written.state, questionIndex: written.questionIndex, closesAt: written.closesAt === null ? null : Date.parse(written.closesAt) }, input.questionIndex, now.getTime())
    throw CONFLICT(refusal ?? '本题作答已截止 (the question closed before your answer arrived).', { closesAt: written.closesAt })
  }
  hub.countsChanged(input.runId)
  return { runId: input.runId, questionIndex: input.questionIndex, given: written.given!, receivedAt: written.receivedAt! }
}

const OPERATIONS: Record<HostAction, string> = { NEXT: 'nextLiveQuestion', EXTEND: 'extendLiveQuestion', END: 'endLiveRun' }

/** The host's control: next (open the next question, or close the open one now), extend, end. */
export async function controlLiveRun(hub: LiveHub, user: SessionUser, runId: string, action: HostAction, extendSeconds = 0): Promise<LiveRun> {
  const viewer = await viewerOf(hub, user, runId)
  if (viewer.role !== LiveRole.HOST)
    throw notYours('只有主持人可以控制答题进度 (only the host controls the live quiz).')
  const now = hub.now().getTime()
  await changePosition(hub.db, user, runId, OPERATIONS[action], (position) => {
    const t = transition(position, action, now, extendSeconds)
    if (!t.ok)
      throw CONFLICT(t.reason, { state: position.state })
    return t.next
  })
  const event = await hub.publishRoom(runId)
  if (!event)
    throw notFound('现场答题 (live run)', runId)
  if (event.room.state === 'ENDED')
    void hub.record(runId)
  return viewOf(event, viewer, hub.now().getTime(), null)
}
