import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { Organization } from '../org/org.type'
import type { StudyArticle } from '../quiz/quizView.type'
import type { AttendanceRowData, SessionRow } from './presentation'
import type { StudySession, StudySessionAttendance } from './study.type'
import { randomUUID } from 'node:crypto'
import { attemptSummaryProjection } from '../attempt/attemptView.repository'
import { requirePerson } from '../auth/access'
import { Role } from '../auth/role'
import { PERSON_PROJECTION } from '../auth/user.repository'
import { AppError, badInput, ErrorCode, notFound, notYours } from '../common/errors'
import { shanghaiYearBounds } from '../common/time'
import { recordAudit } from '../db/audit.repository'
import { int } from '../db/database'
import { orgProjection } from '../org/org.repository'
import { articleProjection, quizSummaryProjection } from '../quiz/quizView.repository'
import { presentAttendance, presentSession } from './presentation'
import { checkInOpen, checkInWindow, STUDY_LIMITS } from './studyRules'

/**
 * Study sessions (学习会): scheduling, the cadre's list, check-in, reading time and the trainer's
 * attendance sheet.
 */

/** Map projection of a session `s` for the person `$personId` (may be null). */
const SESSION_PROJECTION = `s {
  .id, .kind, .title, .meeting, .startsAt, .minutes, sample: coalesce(s.sample, false),
  organization: [(o:Organization)-[:HOLDS]->(s) | ${orgProjection('o')}][0],
  articles: COLLECT { MATCH (s)-[c:COVERS]->(a:Article) RETURN ${articleProjection('a')} AS article ORDER BY c.order },
  quiz: [(s)-[:HAS_QUIZ]->(z:Quiz) | ${quizSummaryProjection('z')}][0],
  invitedCount: COUNT { (:Person)-[:INVITED_TO]->(s) },
  attendedCount: COUNT { (:Person)-[:ATTENDED]->(s) },
  invited: EXISTS { (:Person {id: $personId})-[:INVITED_TO]->(s) },
  attendance: [(:Person {id: $personId})-[at:ATTENDED]->(s) | {checkedInAt: at.checkedInAt, readingSeconds: coalesce(at.readingSeconds, 0)}][0],
  attempts: COLLECT {
    MATCH (:Person {id: $personId})-[:MADE]->(t:Attempt)-[:OF]->(z:Quiz)<-[:HAS_QUIZ]-(s)
    RETURN ${attemptSummaryProjection('t', 'z')} AS attempt ORDER BY t.startedAt DESC
  }
}`

/** A session's values as scheduled. */
export interface SessionValues {
  kind: string
  title: string
  meeting?: string | null
  startsAt: string
  minutes: number
  organizationId: string
  attendeeIds?: string[] | null
  articleIds: string[]
  quizId?: string | null
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/

/** Checks what needs no database; returns the values as stored. */
function checkSessionValues(values: SessionValues) {
  const title = values.title.trim()
  if (title.length < 2 || title.length > STUDY_LIMITS.titleMax)
    throw badInput(`标题须为 2–${STUDY_LIMITS.titleMax} 字 (title: 2–${STUDY_LIMITS.titleMax} characters).`, { field: 'title' })
  if (!ISO_WITH_OFFSET.test(values.startsAt) || Number.isNaN(Date.parse(values.startsAt)))
    throw badInput('开始时间格式无效 (startsAt: an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:00:00+08:00).', { field: 'startsAt' })
  if (!Number.isInteger(values.minutes) || values.minutes < STUDY_LIMITS.minutesMin || values.minutes > STUDY_LIMITS.minutesMax)
    throw badInput(`时长须为 ${STUDY_LIMITS.minutesMin}–${STUDY_LIMITS.minutesMax} 分钟 (minutes: ${STUDY_LIMITS.minutesMin}–${STUDY_LIMITS.minutesMax}).`, { field: 'minutes' })
  const articleIds = values.articleIds
  if (new Set(articleIds).size !== articleIds.length)
    throw badInput('同一条文只能列一次 (articleIds: list each article once).', { field: 'articleIds' })
  if (articleIds.length > STUDY_LIMITS.articlesMax)
    throw badInput(`最多 ${STUDY_LIMITS.articlesMax} 条 (articleIds: at most ${STUDY_LIMITS.articlesMax}).`, { field: 'articleIds' })
  const startsAt = new Date(values.startsAt).toISOString()
  return {
    kind: values.kind,
    title,
    meeting: values.meeting?.trim() || null,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + values.minutes * 60_000).toISOString(),
    minutes: int(values.minutes),
    organizationId: values.organizationId,
    attendeeIds: values.attendeeIds ? [...new Set(values.attendeeIds)] : null,
    articleIds,
    quizId: values.quizId || null,
  }
}

/**
 * Schedules a session. A trainer may schedule only for the organisations they belong to or train
 * (`actor.organizationIds`); an admin for any. Attendees default to the organisation's members; named
 * attendees must belong to it or to one of its sub-organisations. Articles must exist; the quiz must be
 * published. Everything is checked before anything is written, in one transaction.
 */
export async function scheduleSession(db: Database, actor: SessionUser | null, values: SessionValues, options: { id?: string, sample?: boolean, now?: Date } = {}): Promise<StudySession> {
  const v = checkSessionValues(values)
  const admin = !actor || actor.roles.includes(Role.ADMIN)
  if (!admin && !actor!.organizationIds.includes(v.organizationId))
    throw notYours(`只能为本人负责的单位安排学习会 (you may schedule sessions only for the organisations you train): choose one of yours.`)
  const id = options.id ?? `session-${randomUUID()}`
  await db.transaction(async (tx) => {
    const [check] = await tx.run<{ org: boolean, missingArticles: string[], quiz: { status: string } | null, members: string[], strangers: string[], exists: boolean }>(
      `OPTIONAL MATCH (o:Organization {id: $organizationId})
       OPTIONAL MATCH (z:Quiz {id: $quizId})
       RETURN o IS NOT NULL AS org,
         EXISTS { MATCH (s:StudySession {id: $id}) } AS exists,
         [id IN $articleIds WHERE NOT EXISTS { MATCH (:Article {id: id}) }] AS missingArticles,
         CASE WHEN z IS NULL THEN null ELSE {status: z.status} END AS quiz,
         COLLECT { MATCH (p:Person)-[:MEMBER_OF]->(o) RETURN p.id } AS members,
         [pid IN coalesce($attendeeIds, []) WHERE NOT EXISTS {
           MATCH (:Person {id: pid})-[:MEMBER_OF]->(:Organization)-[:PART_OF*0..5]->(o)
         }] AS strangers`,
      { ...v, id },
    )
    if (check?.exists)
      throw new AppError(ErrorCode.CONFLICT, `学习会 ${id} 已存在 (a session with this id exists).`)
    if (!check?.org)
      throw notFound('单位 (organisation)', v.organizationId)
    if (check.missingArticles.length > 0)
      throw badInput(`条文不存在：${check.missingArticles.join('、')} (articleIds: no such article): choose articles from the law library.`, { field: 'articleIds', missing: check.missingArticles })
    if (v.quizId && !check.quiz)
      throw badInput(`试卷 ${v.quizId} 不存在 (quizId: no such quiz): choose a published quiz.`, { field: 'quizId' })
    if (v.quizId && check.quiz?.status !== 'PUBLISHED')
      throw badInput(`试卷 ${v.quizId} 尚未发布 (quizId: the quiz is not published): publish it first.`, { field: 'quizId' })
    if (check.strangers.length > 0)
      throw badInput(`以下人员不属于该单位：${check.strangers.join('、')} (attendeeIds: these people are not members of the organisation or its sub-organisations).`, { field: 'attendeeIds', strangers: check.strangers })
    const attendees = v.attendeeIds ?? check.members
    await tx.run(
      `MATCH (o:Organization {id: $organizationId})
       CREATE (s:StudySession {id: $id, kind: $kind, title: $title, meeting: $meeting, startsAt: datetime($startsAt),
         endsAt: datetime($endsAt), minutes: $minutes, sample: $sample, createdAt: datetime(), createdBy: $actorId})
       CREATE (o)-[:HOLDS]->(s)
       WITH s
       CALL (s) {
         UNWIND range(0, size($articleIds) - 1) AS i
         MATCH (a:Article {id: $articleIds[i]})
         CREATE (s)-[:COVERS {order: i + 1}]->(a)
       }
       CALL (s) {
         MATCH (z:Quiz {id: $quizId})
         CREATE (s)-[:HAS_QUIZ]->(z)
       }
       CALL (s) {
         UNWIND $attendees AS pid
         MATCH (p:Person {id: pid})
         CREATE (p)-[:INVITED_TO {invitedAt: datetime()}]->(s)
       }`,
      { ...v, id, attendees, sample: options.sample ?? false, actorId: actor?.id ?? null },
    )
    await recordAudit(tx, { actor, operation: 'scheduleStudySession', targetIds: [id] })
  })
  return (await findSession(db, id, actor?.personId ?? null, options.now ?? new Date()))!
}

export async function findSession(db: Database, id: string, personId: string | null, now: Date): Promise<StudySession | null> {
  const [row] = await db.read<{ session: SessionRow }>(`MATCH (s:StudySession {id: $id}) RETURN ${SESSION_PROJECTION} AS session`, { id, personId })
  return row ? presentSession(row.session, now) : null
}

/**
 * One session for a user in ONE round trip: the session with the viewer's part, plus whether they may
 * see it (invited or attending, a trainer of its organisation, or an admin).
 */
export async function readSessionFor(db: Database, id: string, user: SessionUser, now: Date): Promise<StudySession> {
  const [row] = await db.read<{ session: SessionRow, orgId: string | null, person: boolean }>(
    `MATCH (s:StudySession {id: $id})
     RETURN ${SESSION_PROJECTION} AS session, [(o:Organization)-[:HOLDS]->(s) | o.id][0] AS orgId,
       EXISTS { (:Person {id: $personId})-[:INVITED_TO|ATTENDED]->(s) } AS person`,
    { id, personId: user.personId },
  )
  if (!row)
    throw notFound('学习会 (study session)', id)
  const trainer = user.roles.includes(Role.TRAINER) && !!row.orgId && user.organizationIds.includes(row.orgId)
  if (!row.person && !trainer && !user.roles.includes(Role.ADMIN))
    throw notYours('你未受邀参加该学习会 (you are not invited to this session).')
  return presentSession(row.session, now)
}

/** The sessions a person is invited to or attended: upcoming (not ended, soonest first), past (latest first) or all. */
export async function listMySessions(db: Database, personId: string, upcoming: boolean | null, first: number, now: Date): Promise<StudySession[]> {
  const rows = await db.read<{ session: SessionRow }>(
    `MATCH (:Person {id: $personId})-[:INVITED_TO|ATTENDED]->(s:StudySession)
     WITH DISTINCT s
     WHERE $upcoming IS NULL OR ($upcoming AND s.endsAt > datetime($now)) OR (NOT $upcoming AND s.endsAt <= datetime($now))
     WITH s ORDER BY CASE WHEN $upcoming THEN s.startsAt END ASC, CASE WHEN NOT coalesce($upcoming, false) THEN s.startsAt END DESC
     LIMIT $first
     RETURN ${SESSION_PROJECTION} AS session`,
    { personId, upcoming, first: int(first), now: now.toISOString() },
  )
  return rows.map(r => presentSession(r.session, now))
}

/** Sessions of the organisations a trainer may see (admins: all), with paging. */
export async function listSessions(
  db: Database,
  user: SessionUser,
  filter: { organizationId?: string | null, upcoming?: boolean | null, year?: number | null },
  skip: number,
  first: number,
  now: Date,
): Promise<{ total: number, items: StudySession[] }> {
  const all = user.roles.includes(Role.ADMIN)
  const { from, to } = filter.year ? shanghaiYearBounds(filter.year) : { from: null, to: null }
  const where = `($all OR o.id IN $orgIds) AND ($organizationId IS NULL OR o.id = $organizationId)
    AND ($upcoming IS NULL OR ($upcoming AND s.endsAt > datetime($now)) OR (NOT $upcoming AND s.endsAt <= datetime($now)))
    AND ($from IS NULL OR (s.startsAt >= datetime($from) AND s.startsAt < datetime($to)))`
  const [row] = await db.read<{ total: number, items: SessionRow[] }>(
    `CALL () { MATCH (o:Organization)-[:HOLDS]->(s:StudySession) WHERE ${where} RETURN count(s) AS total }
     RETURN total, COLLECT {
       MATCH (o:Organization)-[:HOLDS]->(s:StudySession) WHERE ${where}
       WITH s ORDER BY CASE WHEN $upcoming THEN s.startsAt END ASC, CASE WHEN NOT coalesce($upcoming, false) THEN s.startsAt END DESC, s.id
       SKIP $skip LIMIT $first
       RETURN ${SESSION_PROJECTION} AS session
     } AS items`,
    {
      all,
      orgIds: user.organizationIds,
      organizationId: filter.organizationId ?? null,
      upcoming: filter.upcoming ?? null,
      from,
      to,
      now: now.toISOString(),
      personId: user.personId,
      skip: int(skip),
      first: int(first),
    },
  )
  return { total: row?.total ?? 0, items: (row?.items ?? []).map(s => presentSession(s, now)) }
}

/** Organisations the user may schedule sessions for (admins: all). */
export async function listSchedulableOrganizations(db: Database, user: SessionUser): Promise<Organization[]> {
  const rows = await db.read<{ org: Organization }>(
    `MATCH (o:Organization) WHERE $all OR o.id IN $orgIds RETURN ${orgProjection('o')} AS org ORDER BY o.id`,
    { all: user.roles.includes(Role.ADMIN), orgIds: user.organizationIds },
  )
  return rows.map(r => r.org)
}

/** The articles of the current version of a law, in order, to choose what a session covers. */
export async function listLawArticles(db: Database, lawId: string): Promise<StudyArticle[]> {
  const rows = await db.read<{ article: StudyArticle }>(
    `MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article)
     RETURN ${articleProjection('a')} AS article ORDER BY a.ordinal`,
    { lawId },
  )
  return rows.map(r => r.article)
}

/**
 * Checks the person in (签到). Idempotent: a second check-in returns the session unchanged. Only invited
 * people, only from 1 h before the start until the end of that day (Asia/Shanghai).
 */
export async function checkIn(db: Database, user: SessionUser, sessionId: string, now: Date): Promise<StudySession> {
  const personId = requirePerson(user)
  await db.transaction(async (tx) => {
    await tx.run('MATCH (p:Person {id: $personId}) SET p._lock = true REMOVE p._lock', { personId })
    const [row] = await tx.run<{ startsAt: string, invited: boolean, attended: boolean }>(
      `MATCH (s:StudySession {id: $sessionId})
       RETURN s.startsAt AS startsAt, EXISTS { (:Person {id: $personId})-[:INVITED_TO]->(s) } AS invited,
         EXISTS { (:Person {id: $personId})-[:ATTENDED]->(s) } AS attended`,
      { sessionId, personId },
    )
    if (!row)
      throw notFound('学习会 (study session)', sessionId)
    if (row.attended)
      return
    if (!row.invited)
      throw notYours('你未受邀参加该学习会，不能签到 (you are not invited to this session, so you cannot check in).')
    const startsAt = Date.parse(row.startsAt)
    if (!checkInOpen(startsAt, now.getTime())) {
      const { opens, closes } = checkInWindow(startsAt)
      throw badInput(`签到时间为开始前 1 小时至当天结束 (check-in is open from ${new Date(opens).toISOString()} to ${new Date(closes).toISOString()}).`, { opensAt: new Date(opens).toISOString(), closesAt: new Date(closes).toISOString() })
    }
    await tx.run(
      `MATCH (p:Person {id: $personId}), (s:StudySession {id: $sessionId})
       CREATE (p)-[:ATTENDED {checkedInAt: datetime($now), minutes: s.minutes, readingSeconds: 0, readingClientIds: []}]->(s)`,
      { personId, sessionId, now: now.toISOString() },
    )
    await recordAudit(tx, { actor: user, operation: 'checkIn', targetIds: [sessionId, personId] })
  })
  return (await findSession(db, sessionId, personId, now))!
}

/** What recordReading did. */
export interface ReadingTotals {
  sessionId: string
  articleId: string
  /** Seconds read in the whole session. */
  readingSeconds: number
  /** Seconds read of this article in this session. */
  articleSeconds: number
  /** False when the clientId was seen before and nothing was added. */
  added: boolean
}

const CLIENT_ID = /^[\w-]{1,64}$/

/**
 * Adds reading time of one covered article (1–3600 s per call) for a checked-in person. A call repeated
 * with the same clientId (a retry) adds nothing; the last 50 client ids of the session are remembered.
 */
export async function recordReading(db: Database, user: SessionUser, input: { sessionId: string, articleId: string, seconds: number, clientId?: string | null }): Promise<ReadingTotals> {
  const personId = requirePerson(user)
  if (!Number.isInteger(input.seconds) || input.seconds < 1 || input.seconds > STUDY_LIMITS.readingSecondsMax)
    throw badInput(`阅读时长须为 1–${STUDY_LIMITS.readingSecondsMax} 秒 (seconds: 1–${STUDY_LIMITS.readingSecondsMax} per call).`, { field: 'seconds' })
  if (input.clientId != null && !CLIENT_ID.test(input.clientId))
    throw badInput('clientId 须为 1–64 个字母、数字、横线或下划线 (clientId: 1–64 of a-z 0-9 - _).', { field: 'clientId' })
  return db.transaction(async (tx) => {
    await tx.run('MATCH (p:Person {id: $personId}) SET p._lock = true REMOVE p._lock', { personId })
    const [row] = await tx.run<{ session: boolean, covered: boolean, attended: boolean, seen: boolean, readingSeconds: number, articleSeconds: number }>(
      `OPTIONAL MATCH (s:StudySession {id: $sessionId})
       OPTIONAL MATCH (:Person {id: $personId})-[at:ATTENDED]->(s)
       RETURN s IS NOT NULL AS session,
         EXISTS { MATCH (s)-[:COVERS]->(:Article {id: $articleId}) } AS covered,
         at IS NOT NULL AS attended,
         $clientId IS NOT NULL AND $clientId IN coalesce(at.readingClientIds, []) AS seen,
         coalesce(at.readingSeconds, 0) AS readingSeconds,
         coalesce([(:Person {id: $personId})-[r:READ {sessionId: $sessionId}]->(:Article {id: $articleId}) | r.seconds][0], 0) AS articleSeconds`,
      { ...input, clientId: input.clientId ?? null, personId },
    )
    if (!row?.session)
      throw notFound('学习会 (study session)', input.sessionId)
    if (!row.covered)
      throw badInput(`条文 ${input.articleId} 不在本次学习范围内 (articleId: the session does not cover this article).`, { field: 'articleId' })
    if (!row.attended)
      throw badInput('请先签到再记录阅读时长 (check in to the session first).', { field: 'sessionId' })
    if (row.seen)
      return { sessionId: input.sessionId, articleId: input.articleId, readingSeconds: row.readingSeconds, articleSeconds: row.articleSeconds, added: false }
    const [totals] = await tx.run<{ readingSeconds: number, articleSeconds: number }>(
      `MATCH (p:Person {id: $personId})-[at:ATTENDED]->(s:StudySession {id: $sessionId})
       MATCH (a:Article {id: $articleId})
       SET at.readingSeconds = coalesce(at.readingSeconds, 0) + $seconds,
           at.readingClientIds = CASE WHEN $clientId IS NULL THEN coalesce(at.readingClientIds, []) ELSE (coalesce(at.readingClientIds, []) + $clientId)[-50..] END
       MERGE (p)-[r:READ {sessionId: $sessionId}]->(a)
       SET r.seconds = coalesce(r.seconds, 0) + $seconds, r.lastReadAt = datetime()
       RETURN at.readingSeconds AS readingSeconds, r.seconds AS articleSeconds`,
      { ...input, seconds: int(input.seconds), clientId: input.clientId ?? null, personId },
    )
    await recordAudit(tx, { actor: user, operation: 'recordReading', targetIds: [input.sessionId, input.articleId] })
    return { sessionId: input.sessionId, articleId: input.articleId, readingSeconds: totals!.readingSeconds, articleSeconds: totals!.articleSeconds, added: true }
  })
}

/** The trainer's attendance sheet of a session, in one round trip. */
export async function sessionAttendance(db: Database, user: SessionUser, sessionId: string, now: Date): Promise<StudySessionAttendance> {
  const [row] = await db.read<{ session: SessionRow, orgId: string | null, quiz: { scoring: string, passScore: number } | null, rows: AttendanceRowData[] }>(
    `MATCH (s:StudySession {id: $sessionId})
     CALL (s) {
       MATCH (p:Person)-[:INVITED_TO|ATTENDED]->(s)
       WITH DISTINCT p
       OPTIONAL MATCH (p)-[at:ATTENDED]->(s)
       WITH p, at ORDER BY p.name, p.id
       RETURN collect({
         person: ${PERSON_PROJECTION},
         invited: EXISTS { (p)-[:INVITED_TO]->(s) },
         checkedInAt: at.checkedInAt, minutes: coalesce(at.minutes, 0), readingSeconds: coalesce(at.readingSeconds, 0),
         attempts: COLLECT {
           MATCH (p)-[:MADE]->(t:Attempt)-[:OF]->(:Quiz)<-[:HAS_QUIZ]-(s)
           RETURN {status: t.status, score: t.score, maxScore: t.maxScore} AS a ORDER BY t.startedAt
         }
       }) AS rows
     }
     RETURN ${SESSION_PROJECTION} AS session, [(o:Organization)-[:HOLDS]->(s) | o.id][0] AS orgId,
       [(s)-[:HAS_QUIZ]->(z:Quiz) | {scoring: z.scoring, passScore: z.passScore}][0] AS quiz, rows`,
    { sessionId, personId: user.personId },
  )
  if (!row)
    throw notFound('学习会 (study session)', sessionId)
  if (!user.roles.includes(Role.ADMIN) && !(row.orgId && user.organizationIds.includes(row.orgId)))
    throw notYours('只能查看本人负责单位的学习会 (you can see the attendance of your own organisations’ sessions only).')
  const rows = row.rows.map(r => presentAttendance(r, row.quiz))
  return {
    session: presentSession(row.session, now),
    invited: rows.filter(r => r.invited).length,
    attended: rows.filter(r => r.checkedInAt).length,
    rows,
  }
}

/** Sets how many 会前学法 sessions the members of an organisation must attend in a year. */
export async function setRequiredPreMeetingSessions(db: Database, user: SessionUser, organizationId: string, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 0 || count > 100)
    throw badInput('次数须为 0–100 (count: 0–100).', { field: 'count' })
  if (!user.roles.includes(Role.ADMIN) && !user.organizationIds.includes(organizationId))
    throw notYours('只能设置本人负责的单位 (you may set this only for the organisations you train).')
  return db.transaction(async (tx) => {
    const [row] = await tx.run<{ n: number }>(
      'MATCH (o:Organization {id: $organizationId}) SET o.requiredPreMeetingSessions = $count RETURN o.requiredPreMeetingSessions AS n',
      { organizationId, count: int(count) },
    )
    if (!row)
      throw notFound('单位 (organisation)', organizationId)
    await recordAudit(tx, { actor: user, operation: 'setRequiredPreMeetingSessions', targetIds: [organizationId] })
    return row.n
  })
}
