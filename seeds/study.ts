import type { Role } from '../server/src/auth/access'
import type { SessionUser } from '../server/src/context'
import type { Database } from '../server/src/db/database'
import { saveAnswers, startAttempt, submitAttempt } from '../server/src/attempt/attempt.repository'
import { followUpSettled } from '../server/src/attempt/followUp'
import { hashPassword } from '../server/src/auth/password'
import { createUser, findLoginRecord } from '../server/src/auth/user.repository'
import { logger } from '../server/src/logger'
import { originalToDisplayed, seededRandom } from '../server/src/quiz/draw'
import { reviewCard } from '../server/src/review/review.repository'
import { checkIn, recordReading, scheduleSession } from '../server/src/study/study.repository'

/**
 * Sample study records (示例) so every study page has something on first start: ten sample cadres
 * (logins cadre2 … cadre11, password as the demo accounts) beside the demo cadre, a year (2026) of study
 * sessions of 外冈镇人民政府（示例） with check-ins, reading time, submitted attempts and review cards, and
 * — relative to the day of seeding — a 会前学法 session today and one tomorrow at 09:00 (Asia/Shanghai)
 * on 重大行政决策程序暂行条例 with the sample fixed quiz.
 *
 * Everything goes through the study repository, with the historical time passed as `now`. Idempotent:
 * sessions have deterministic ids (the moving ones carry their date), and a person's check-in, attempt
 * or review is made only when it is not there yet.
 */

const MDP = 'major-decision-procedure'
const PREMEETING_QUIZ = 'quiz-sample-premeeting-mdp'
const FIVE_STEPS_QUIZ = 'quiz-sample-five-steps-exam'
const PRACTICE_QUIZ = 'quiz-sample-practice-mediation-disclosure'
const HOLDER = 'org-waigang'
const PASSWORD = 'xuefa-demo'

/** Sample cadres besides the demo cadre: login, name, category, organisation, and how often they get an answer right. */
const CADRES: { username: string, name: string, category: string, organizationId: string, skill: number }[] = [
  { username: 'cadre2', name: '李卫东（示例）', category: 'LEADING', organizationId: 'org-waigang', skill: 0.9 },
  { username: 'cadre3', name: '王秀英（示例）', category: 'LEADING', organizationId: 'org-waigang-party', skill: 0.85 },
  { username: 'cadre4', name: '陈建国（示例）', category: 'RESERVE', organizationId: 'org-waigang-economy', skill: 0.7 },
  { username: 'cadre5', name: '刘芳（示例）', category: 'GENERAL', organizationId: 'org-waigang-economy', skill: 0.6 },
  { username: 'cadre6', name: '赵志强（示例）', category: 'LEADING', organizationId: 'org-waigang-planning', skill: 0.75 },
  { username: 'cadre7', name: '孙丽（示例）', category: 'RESERVE', organizationId: 'org-waigang-planning', skill: 0.55 },
  { username: 'cadre8', name: '周明（示例）', category: 'GENERAL', organizationId: 'org-waigang-justice', skill: 0.95 },
  { username: 'cadre9', name: '吴海燕（示例）', category: 'GENERAL', organizationId: 'org-waigang-justice', skill: 0.8 },
  { username: 'cadre10', name: '郑国华（示例）', category: 'LEADING', organizationId: 'org-village-a', skill: 0.5 },
  { username: 'cadre11', name: '冯小红（示例）', category: 'GENERAL', organizationId: 'org-community-b', skill: 0.65 },
]

/** The demo cadre answers about this well. */
const DEMO_SKILL = 0.68

interface PlannedSession {
  id: string
  kind: string
  title: string
  meeting: string | null
  startsAt: string
  minutes: number
  /** Articles: those tested by the quiz's questions, or by the sample questions of this law. */
  quizId: string | null
  lawId: string
  articles: number
}

/** 2026 history (fixed dates). */
const HISTORY: PlannedSession[] = [
  { id: 'session-sample-2026-01-premeeting', kind: 'PRE_MEETING', title: '会前学法：重大行政决策的范围与原则（示例）', meeting: '镇政府常务会议', startsAt: '2026-01-15T09:00:00+08:00', minutes: 30, quizId: PREMEETING_QUIZ, lawId: MDP, articles: 4 },
  { id: 'session-sample-2026-02-central-group', kind: 'CENTRAL_GROUP', title: '党委理论学习中心组：学习宪法（示例）', meeting: '党委理论学习中心组会议', startsAt: '2026-02-26T14:00:00+08:00', minutes: 90, quizId: null, lawId: 'constitution', articles: 4 },
  { id: 'session-sample-2026-03-premeeting', kind: 'PRE_MEETING', title: '会前学法：决策草案的公众参与（示例）', meeting: '镇政府常务会议', startsAt: '2026-03-19T09:00:00+08:00', minutes: 30, quizId: PREMEETING_QUIZ, lawId: MDP, articles: 5 },
  { id: 'session-sample-2026-04-training', kind: 'TRAINING', title: '专题培训：重大行政决策五大法定程序（示例）', meeting: null, startsAt: '2026-04-22T14:00:00+08:00', minutes: 120, quizId: FIVE_STEPS_QUIZ, lawId: MDP, articles: 6 },
  { id: 'session-sample-2026-05-lecture', kind: 'LECTURE', title: '法治讲座：人民调解法（示例）', meeting: null, startsAt: '2026-05-20T14:30:00+08:00', minutes: 90, quizId: PRACTICE_QUIZ, lawId: 'people-mediation-law', articles: 4 },
  { id: 'session-sample-2026-06-premeeting', kind: 'PRE_MEETING', title: '会前学法：合法性审查与集体讨论决定（示例）', meeting: '镇政府常务会议', startsAt: '2026-06-18T09:00:00+08:00', minutes: 30, quizId: PREMEETING_QUIZ, lawId: MDP, articles: 5 },
  { id: 'session-sample-2026-07-online', kind: 'ONLINE', title: '在线学习：政府信息公开条例（示例）', meeting: null, startsAt: '2026-07-09T10:00:00+08:00', minutes: 60, quizId: null, lawId: 'gov-info-disclosure', articles: 4 },
  { id: 'session-sample-2026-09-premeeting', kind: 'PRE_MEETING', title: '会前学法：决策执行和调整（示例）', meeting: '镇政府常务会议', startsAt: '2026-09-17T09:00:00+08:00', minutes: 30, quizId: PREMEETING_QUIZ, lawId: MDP, articles: 4 },
  { id: 'session-sample-2026-10-training', kind: 'TRAINING', title: '专题培训：风险评估与专家论证（示例）', meeting: null, startsAt: '2026-10-21T14:00:00+08:00', minutes: 120, quizId: FIVE_STEPS_QUIZ, lawId: MDP, articles: 5 },
]

/** 'YYYY-MM-DD' in Asia/Shanghai, `days` after the day of `now`. */
function shanghaiDate(now: Date, days = 0): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

/** Sessions relative to the day of seeding: today 08:00 (check-in open all day) and tomorrow 09:00. */
function upcoming(now: Date): PlannedSession[] {
  const today = shanghaiDate(now)
  const tomorrow = shanghaiDate(now, 1)
  return [
    { id: `session-sample-premeeting-${today}`, kind: 'PRE_MEETING', title: '会前学法：重大行政决策程序暂行条例（示例）', meeting: '镇政府常务会议', startsAt: `${today}T08:00:00+08:00`, minutes: 30, quizId: PREMEETING_QUIZ, lawId: MDP, articles: 6 },
    { id: `session-sample-premeeting-${tomorrow}`, kind: 'PRE_MEETING', title: '会前学法：重大行政决策程序暂行条例（示例）', meeting: '镇政府党政联席会议', startsAt: `${tomorrow}T09:00:00+08:00`, minutes: 30, quizId: PREMEETING_QUIZ, lawId: MDP, articles: 6 },
  ]
}

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000)

async function ensureCadres(db: Database): Promise<SessionUser[]> {
  const existing = new Set((await db.read<{ username: string }>('MATCH (u:User) WHERE u.username IN $names RETURN u.username AS username', { names: CADRES.map(c => c.username) })).map(r => r.username))
  const missing = CADRES.filter(c => !existing.has(c.username))
  if (missing.length > 0) {
    const passwordHash = await hashPassword(PASSWORD)
    for (const cadre of missing)
      await createUser(db, null, { username: cadre.username, passwordHash, name: cadre.name, roles: ['CADRE' as Role], category: cadre.category, organizationId: cadre.organizationId, sample: true })
  }
  const users: SessionUser[] = []
  for (const username of ['cadre', ...CADRES.map(c => c.username)]) {
    const record = await findLoginRecord(db, username)
    if (record?.user.personId)
      users.push(record.user)
  }
  return users
}

/** Articles for a planned session: tested by the quiz's questions, else by the law's sample questions; in article order. */
async function articlesFor(db: Database, plan: PlannedSession, offset: number): Promise<string[]> {
  const current = 'EXISTS { (:LawVersion {current: true})-[:CONTAINS]->(a) }'
  let rows = plan.quizId
    ? await db.read<{ id: string }>(
        `MATCH (:Quiz {id: $quizId})-[:INCLUDES]->(:Question)-[:TESTS]->(a:Article {lawId: $lawId}) WHERE ${current}
         WITH DISTINCT a RETURN a.id AS id ORDER BY a.ordinal`,
        { quizId: plan.quizId, lawId: plan.lawId },
      )
    : []
  if (rows.length === 0) {
    rows = await db.read<{ id: string }>(
      `MATCH (:Question {sample: true})-[:TESTS]->(a:Article {lawId: $lawId}) WHERE ${current}
       WITH DISTINCT a RETURN a.id AS id ORDER BY a.ordinal`,
      { lawId: plan.lawId },
    )
  }
  const ids = rows.map(r => r.id)
  if (ids.length <= plan.articles)
    return ids
  const start = (offset * plan.articles) % (ids.length - plan.articles + 1)
  return ids.slice(start, start + plan.articles)
}

async function ensureSession(db: Database, trainer: SessionUser | null, plan: PlannedSession, attendeeIds: string[], offset: number, now: Date): Promise<boolean> {
  const [found] = await db.read<{ id: string }>('MATCH (s:StudySession {id: $id}) RETURN s.id AS id', { id: plan.id })
  if (found)
    return false
  const [quiz] = plan.quizId ? await db.read<{ id: string }>(`MATCH (z:Quiz {id: $id, status: 'PUBLISHED'}) RETURN z.id AS id`, { id: plan.quizId }) : []
  const articleIds = await articlesFor(db, plan, offset)
  await scheduleSession(db, trainer, {
    kind: plan.kind,
    title: plan.title,
    meeting: plan.meeting,
    startsAt: plan.startsAt,
    minutes: plan.minutes,
    organizationId: HOLDER,
    attendeeIds,
    articleIds,
    quizId: quiz?.id ?? null,
  }, { id: plan.id, sample: true, now })
  return true
}

/** The person checks in, reads, and (when the session has a quiz) takes it — each only if not done yet. */
async function attend(db: Database, user: SessionUser, plan: PlannedSession, skill: number): Promise<number> {
  const random = seededRandom(`${user.personId}\u0000${plan.id}`)
  const [state] = await db.read<{ attended: boolean, articleIds: string[], quizId: string | null, attempted: boolean }>(
    `MATCH (s:StudySession {id: $sessionId}), (p:Person {id: $personId})
     RETURN EXISTS { (p)-[:ATTENDED]->(s) } AS attended,
       COLLECT { MATCH (s)-[c:COVERS]->(a:Article) RETURN a.id ORDER BY c.order } AS articleIds,
       [(s)-[:HAS_QUIZ]->(z:Quiz) | z.id][0] AS quizId,
       EXISTS { (p)-[:MADE]->(t:Attempt)-[:OF]->(:Quiz)<-[:HAS_QUIZ]-(s) WHERE t.startedAt >= s.startsAt AND t.startedAt < s.startsAt + duration({days: 1}) } AS attempted`,
    { sessionId: plan.id, personId: user.personId },
  )
  if (!state)
    return 0
  // Most people attend; the weaker ones miss more.
  if (random() > 0.55 + skill * 0.4)
    return 0
  if (!state.attended) {
    await checkIn(db, user, plan.id, at(plan.startsAt, -Math.floor(random() * 20)))
    // Reading time, reported for the first article (the web app reports each article as it is read).
    if (state.articleIds[0])
      await recordReading(db, user, { sessionId: plan.id, articleId: state.articleIds[0], seconds: 240 + Math.floor(random() * 600), clientId: 'seed-0' })
  }
  if (!state.quizId || state.attempted)
    return 0
  const startedAt = at(plan.startsAt, Math.max(10, plan.minutes - 20))
  const attempt = await startAttempt(db, user, state.quizId, startedAt)
  const items = await db.read<{ questionId: string, type: string, answer: string[], optionOrder: number[], optionCount: number }>(
    `MATCH (:Attempt {id: $id})-[i:ITEM]->(q:Question)
     RETURN q.id AS questionId, q.type AS type, q.answer AS answer, coalesce(i.optionOrder, []) AS optionOrder, size(coalesce(q.options, [])) AS optionCount
     ORDER BY i.order`,
    { id: attempt.id },
  )
  const answers = items.flatMap((item) => {
    const right = random() < skill
    if (!right && random() < 0.15)
      return [] // left blank
    return [{ questionId: item.questionId, given: sampleAnswer(item, right, random), ms: 8000 + Math.floor(random() * 40_000) }]
  })
  if (answers.length > 0)
    await saveAnswers(db, user, attempt.id, answers, at(startedAt.toISOString(), 5))
  await submitAttempt(db, user, attempt.id, `seed-${attempt.id.slice(-12)}`, at(startedAt.toISOString(), 8))
  return 1
}

/** An answer as a person would give it, right or plausibly wrong, in the letters as shown. */
function sampleAnswer(item: { type: string, answer: string[], optionOrder: number[], optionCount: number }, right: boolean, random: () => number): string[] {
  const letters = 'ABCDEFGH'.slice(0, item.optionCount).split('')
  switch (item.type) {
    case 'TRUE_FALSE':
      return right ? item.answer : [item.answer[0] === 'TRUE' ? 'FALSE' : 'TRUE']
    case 'FILL_BLANK':
      return item.answer.map((accepted, i) => (right || (i > 0 && random() < 0.5) ? accepted.split('|')[0]! : '不清楚'))
    default: {
      const shown = originalToDisplayed(item.optionOrder, item.answer)
      if (right)
        return shown
      const wrong = letters.filter(l => !shown.includes(l))
      if (item.type === 'SINGLE')
        return [wrong[Math.floor(random() * wrong.length)] ?? letters[0]!]
      return [...new Set([...shown.slice(0, Math.max(1, shown.length - 1)), ...wrong.slice(0, 1)])].sort()
    }
  }
}

/** Reviews some of a person's cards over the year, so the schedule has history and not every card is due. */
async function reviewSome(db: Database, user: SessionUser, now: Date): Promise<number> {
  const cards = await db.read<{ id: string, due: string, reps: number }>(
    `MATCH (:Person {id: $personId})-[r:REVIEWS]->(:Question) RETURN r.id AS id, r.due AS due, r.reps AS reps ORDER BY r.id`,
    { personId: user.personId },
  )
  let reviewed = 0
  // At most 6 cards per person, so seeding stays quick; the rest stay due for the daily review.
  const chosen = cards.filter(c => c.reps === 0 && seededRandom(`review\u0000${c.id}`)() < 0.6).slice(0, 6)
  for (const card of chosen) {
    const roll = seededRandom(`review\u0000${card.id}`)()
    let when = new Date(Date.parse(card.due) + 86_400_000)
    for (const rating of (roll < 0.3 ? ['GOOD', 'EASY'] : roll < 0.45 ? ['AGAIN', 'GOOD'] : ['HARD'])) {
      if (when.getTime() >= now.getTime())
        break
      const result = await reviewCard(db, user, card.id, rating as 'GOOD', null, when)
      reviewed++
      when = new Date(Math.max(Date.parse(result.card.due), when.getTime() + 60_000))
    }
  }
  return reviewed
}

/** The sample study records (see the module comment). */
export async function seedStudySamples(db: Database, now = new Date()): Promise<void> {
  const [ready] = await db.read<{ n: number }>('MATCH (:LawVersion {current: true})-[:CONTAINS]->(a:Article) RETURN count(a) AS n')
  if (!ready?.n) {
    logger.warn('law library has no articles yet; sample study records skipped')
    return
  }
  const trainer = (await findLoginRecord(db, 'trainer'))?.user ?? null
  const users = await ensureCadres(db)
  const skill = new Map<string, number>([['cadre', DEMO_SKILL], ...CADRES.map(c => [c.username, c.skill] as const)])
  const attendeeIds = users.map(u => u.personId!)
  let sessions = 0
  let attempts = 0
  for (const [k, plan] of HISTORY.entries()) {
    if (Date.parse(plan.startsAt) > now.getTime())
      continue // history only
    if (await ensureSession(db, trainer, plan, attendeeIds, k, now))
      sessions++
    // People in parallel (each one's steps in order): the database commits concurrent writes together.
    const made = await Promise.all(users.map(user => attend(db, user, plan, skill.get(user.username) ?? 0.7)))
    attempts += made.reduce((n, m) => n + m, 0)
  }
  for (const [k, plan] of upcoming(now).entries()) {
    if (await ensureSession(db, trainer, plan, attendeeIds, k, now))
      sessions++
  }
  // The review cards of the attempts are written just after each submission; review once they are there.
  await followUpSettled(db)
  const reviews = (await Promise.all(users.map(user => reviewSome(db, user, now)))).reduce((n, m) => n + m, 0)
  logger.info({ cadres: users.length, sessions, attempts, reviews }, 'sample study records ready (示例)')
}
