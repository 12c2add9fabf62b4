import type { Database, Tx } from '../../server/src/db/database'
import type { LawVersionPlan } from '../../server/src/law/importPlan'
import type { AttemptRow, BenchPlan, DecisionRow, LawRows, LawShape } from './generate'
import { writeUsers } from '../../server/src/auth/user.repository'
import { int } from '../../server/src/db/database'
import { newDecision, writeDecisions } from '../../server/src/decision/decision.repository'
import { writeStepRecords } from '../../server/src/decision/stepRecord.repository'
import { attachSummaries, orderVersions, setReplacements, upsertTopics, writeCitations, writeTopicLinks, writeVersions } from '../../server/src/law/law.import.repository'
import { writeOrganizations, writePeople } from '../../server/src/org/org.repository'
import { insertQuestions } from '../../server/src/quiz/question.repository'
import { newQuiz, writeQuizzes } from '../../server/src/quiz/quiz.repository'
import {
  attemptRows,
  decisionRows,
  GENERATOR_VERSION,
  lawRows,
  linkRows,
  makePlan,
  organizationRows,
  personRows,
  questionRows,
  QUIZ_POINTS,
  QUIZ_ROW_COUNT,
  quizRows,
  stepRecordRows,
  topicRows,
  userRows,
} from './generate'

/**
 * Loads the generated graph into Neo4j in bulk: `UNWIND $rows` batches of about 5–10k rows, each in
 * one write transaction that also records the batch on the (:BenchDataset {scale, seed}) marker. A
 * run that stops half-way resumes at the first batch that did not commit (batches are rebuilt from
 * the seed, so they are the same); a complete dataset is not loaded again.
 */

/** Time and size of one part of the load. */
export interface LoadTiming {
  part: string
  labels: string
  rows: number
  ms: number
  /** Batches loaded by this run (0 when the part was already there). */
  batches: number
}

export interface LoadReport {
  scale: number
  seed: number
  /** False when the dataset was already complete and nothing was loaded. */
  loaded: boolean
  loadedAt: string
  totalMs: number
  parts: LoadTiming[]
}

interface Part {
  name: string
  labels: string
  batches: number
  rows: (batch: number) => number
  write: (tx: Tx, batch: number) => Promise<void>
}

function ranges(total: number, size: number): number {
  return Math.ceil(total / size)
}

/** Groups laws into batches of about `articles` articles. */
function lawBatches(plan: BenchPlan, articles: number): LawShape[][] {
  const batches: LawShape[][] = [[]]
  let size = 0
  for (const law of plan.laws) {
    if (size >= articles) {
      batches.push([])
      size = 0
    }
    batches[batches.length - 1]!.push(law)
    size += law.articleCount
  }
  return batches
}

/** The versions of one generated law as the law importer plans them, for its writer. */
function lawVersionPlans(rows: LawRows): LawVersionPlan[] {
  const law = { ...rows.law, statusNote: null }
  const articles = new Map(rows.articles.map(a => [a.id, a]))
  return rows.versions.map((version) => {
    const divisions = rows.divisions.filter(d => d.versionId === version.id)
    const ids = new Set(divisions.map(d => d.id))
    const placedIn = new Map(rows.placed.filter(p => ids.has(p.divisionId)).map(p => [p.articleId, p.divisionId]))
    return {
      law,
      version: { ...version, events: [], eventDates: [], preamble: [], contentHash: null, fileName: null },
      // The importer plans a chapter as a child of the version itself (no parent division).
      divisions: divisions.map(d => ({ ...d, parentId: d.kind === 'CHAPTER' ? null : d.parentId })),
      articles: rows.contains.filter(c => c.versionId === version.id).map(({ articleId }) => {
        const { synthetic: _synthetic, ...a } = articles.get(articleId)!
        return { ...a, divisionId: placedIn.get(articleId) ?? null }
      }),
    }
  })
}

function parts(plan: BenchPlan, passwordHash: string): Part[] {
  const { counts } = plan
  const laws = lawBatches(plan, 5_000)
  const quizzes = quizRows(plan)
  const PEOPLE = 5_000
  const QUESTIONS = 5_000
  const DECISIONS = 5_000
  const STEP_DECISIONS = 1_250
  const ATTEMPTS = 1_000
  const decisionsOf = (batch: number): DecisionRow[] => decisionRows(plan, batch * STEP_DECISIONS, (batch + 1) * STEP_DECISIONS)
  return [
    {
      name: 'topics',
      labels: 'Topic',
      batches: 1,
      rows: () => counts.topics,
      write: tx => upsertTopics(tx, topicRows(plan)),
    },
    {
      name: 'organizations',
      labels: 'Organization, PART_OF',
      batches: 1,
      rows: () => counts.organizations,
      write: tx => writeOrganizations(tx, organizationRows(plan)),
    },
    {
      name: 'people',
      labels: 'Person, MEMBER_OF, ADVISES',
      batches: ranges(counts.people, PEOPLE),
      rows: b => personRows(plan, b * PEOPLE, (b + 1) * PEOPLE).length,
      write: (tx, b) => writePeople(tx, personRows(plan, b * PEOPLE, (b + 1) * PEOPLE)),
    },
    {
      name: 'users',
      labels: 'User, IS',
      batches: 1,
      rows: () => userRows(plan).length,
      write: tx => writeUsers(tx, userRows(plan).map(u => ({ ...u, passwordHash, synthetic: true }))),
    },
    {
      name: 'laws',
      labels: 'Law, LawVersion, Division, Article, HAS_VERSION, SUPERSEDES, HAS_DIVISION, HAS_ARTICLE, CONTAINS, REPLACES',
      batches: laws.length,
      rows: b => laws[b]!.reduce((n, l) => n + l.articleCount, 0),
      write: async (tx, b) => {
        const all = laws[b]!.map(law => lawRows(plan, law))
        const plans = all.flatMap(lawVersionPlans)
        await writeVersions(tx, plans)
        await orderVersions(tx, all.map(r => r.law.id))
        for (const rows of all.filter(r => r.replaces.length > 0))
          await setReplacements(tx, rows.law.id, rows.replaces)
        // Official articles get their summaries (要点) by number, per version, as seeds/summaries.json's do.
        for (const { version, articles } of plans) {
          const summaries = Object.fromEntries(articles.filter(a => a.summary).map(a => [a.number, a.summary!]))
          if (Object.keys(summaries).length > 0)
            await attachSummaries(tx, version.id, summaries)
        }
      },
    },
    {
      name: 'links',
      labels: 'CITES, ABOUT (articles)',
      batches: laws.length,
      rows: b => laws[b]!.reduce((n, l) => {
        const links = linkRows(plan, l)
        return n + links.cites.length + links.citesLaw.length + links.about.length
      }, 0),
      write: async (tx, b) => {
        const links = laws[b]!.map(law => linkRows(plan, law))
        const citing = new Map<string, { id: string, articles: string[], laws: string[], unresolved: string[] }>()
        const of = (id: string) => citing.get(id) ?? citing.set(id, { id, articles: [], laws: [], unresolved: [] }).get(id)!
        for (const c of links.flatMap(l => l.cites))
          of(c.from).articles.push(c.to)
        for (const c of links.flatMap(l => l.citesLaw))
          of(c.from).laws.push(c.to)
        await writeCitations(tx, [...citing.values()])
        await writeTopicLinks(tx, links.flatMap(l => l.about))
      },
    },
    {
      name: 'questions',
      labels: 'Question, TESTS, ABOUT',
      batches: ranges(counts.questions, QUESTIONS),
      rows: b => questionRows(plan, b * QUESTIONS, (b + 1) * QUESTIONS).length,
      write: (tx, b) => insertQuestions(tx, null, questionRows(plan, b * QUESTIONS, (b + 1) * QUESTIONS).map(({ needsReview: _n, ...q }) => ({
        ...q,
        publishedAt: q.status === 'PUBLISHED' ? q.createdAt : undefined,
      }))),
    },
    {
      name: 'quizzes',
      labels: 'Quiz, INCLUDES, DRAWS',
      batches: 1,
      rows: () => quizzes.length,
      write: tx => writeQuizzes(tx, null, quizzes.map(x => newQuiz(x.id, {
        ...x,
        opensAt: null,
        closesAt: null,
        items: x.items.map(questionId => ({ questionId, points: QUIZ_POINTS })),
        blueprint: x.draws.map(lawId => ({ kind: 'LAW', targetId: lawId, count: QUIZ_ROW_COUNT, difficultyMin: 1, difficultyMax: 5, points: QUIZ_POINTS })),
      }, { status: x.status, sample: false, createdAt: x.createdAt, synthetic: true }))),
    },
    {
      name: 'decisions',
      labels: 'Decision, DecisionCatalogue, DECIDES, KEEPS, LISTED_IN, BASED_ON',
      batches: ranges(counts.decisions, DECISIONS),
      rows: b => decisionRows(plan, b * DECISIONS, (b + 1) * DECISIONS).length,
      write: (tx, b) => writeDecisions(tx, decisionRows(plan, b * DECISIONS, (b + 1) * DECISIONS).map(x => newDecision(
        { ...x, basedOnArticleIds: x.basedOn },
        { id: x.id, sample: false, synthetic: true },
      ))),
    },
    {
      name: 'stepRecords',
      labels: 'StepRecord, HAS_STEP, PERFORMED_BY, CORRECTS',
      batches: ranges(counts.decisions, STEP_DECISIONS),
      rows: b => decisionsOf(b).reduce((n, _, i) => n + (plan.stepsPerDecision[b * STEP_DECISIONS + i] ?? 0), 0),
      write: async (tx, b) => {
        await writeStepRecords(tx, decisionsOf(b).flatMap((d, i) => stepRecordRows(plan, d, b * STEP_DECISIONS + i)).map(r => ({ ...r, recordedBy: null })))
      },
    },
    {
      name: 'attempts',
      labels: 'Attempt, MADE, OF, ITEM, ANSWERED, REVIEWS',
      batches: ranges(counts.attempts, ATTEMPTS),
      rows: b => attemptRows(plan, b * ATTEMPTS, (b + 1) * ATTEMPTS, quizzes).reduce((n, a) => n + a.answers.length, 0),
      write: async (tx, b) => {
        const rows = attemptRows(plan, b * ATTEMPTS, (b + 1) * ATTEMPTS, quizzes).map(a => ({
          ...a,
          cards: a.cards.map(c => ({ ...c, elapsedDays: int(c.elapsedDays), scheduledDays: int(c.scheduledDays), learningSteps: int(c.learningSteps), reps: int(c.reps), lapses: int(c.lapses) })),
        }))
        await tx.run(
          `UNWIND $rows AS x
           MATCH (p:Person {id: x.personId}), (z:Quiz {id: x.quizId})
           CREATE (t:Attempt {id: x.id, seed: x.id, status: 'SUBMITTED', startedAt: datetime(x.startedAt),
             deadline: CASE WHEN x.deadline IS NULL THEN null ELSE datetime(x.deadline) END,
             submittedAt: datetime(x.submittedAt), score: toInteger(x.score), maxScore: toInteger(x.maxScore),
             autoSubmitted: false, submissionId: x.submissionId, synthetic: true})
           CREATE (p)-[:MADE]->(t)
           CREATE (t)-[:OF]->(z)
           WITH p, t, x
           CALL (t, x) {
             UNWIND x.answers AS a
             MATCH (q:Question {id: a.questionId})
             CREATE (t)-[:ITEM {order: toInteger(a.order), points: toInteger(a.points), optionOrder: []}]->(q)
             CREATE (t)-[:ANSWERED {given: a.given, earned: toFloat(a.earned), correct: a.correct, ms: toInteger(a.ms), savedAt: datetime(a.savedAt)}]->(q)
           }
           CALL (p, x) {
             UNWIND x.cards AS c
             MATCH (q:Question {id: c.questionId})
             MERGE (p)-[r:REVIEWS]->(q)
               ON CREATE SET r.id = c.id, r.createdAt = datetime(c.lastWrongAt)
             SET r.due = datetime(c.due), r.stability = c.stability, r.difficulty = c.difficulty, r.elapsedDays = c.elapsedDays,
                 r.scheduledDays = c.scheduledDays, r.learningSteps = c.learningSteps, r.reps = c.reps, r.lapses = c.lapses,
                 r.state = c.state, r.lastReview = CASE WHEN c.lastReview IS NULL THEN null ELSE datetime(c.lastReview) END,
                 r.lastWrongAt = datetime(c.lastWrongAt), r.synthetic = true
           }`,
          { rows },
        )
      },
    },
  ]
}

/** The database holds a dataset an older generator made (GENERATOR_VERSION differs). */
export class OutdatedDatasetError extends Error {}

interface Marker {
  scale: number
  seed: number
  version: number | null
  loadedAt: string | null
  progress: string | null
  report: string | null
}

/**
 * Loads the dataset of (scale, seed) unless it is already complete. `passwordHash` is the hash every
 * bench account shares (hashing 1,000 passwords would only measure argon2).
 */
export async function loadBenchDataset(db: Database, options: { scale: number, seed: number, passwordHash: string, log?: (line: string) => void }): Promise<LoadReport> {
  const { scale, seed } = options
  const log = options.log ?? (() => {})
  const others = await db.read<Marker>(
    'MATCH (m:BenchDataset) WHERE m.scale <> $scale OR m.seed <> $seed RETURN m.scale AS scale, m.seed AS seed, m.version AS version, m.loadedAt AS loadedAt, null AS progress, null AS report',
    { scale, seed },
  )
  if (others.length > 0)
    throw new Error(`This database already holds the bench dataset of scale ${others[0]!.scale}, seed ${others[0]!.seed}; its ids would collide with scale ${scale}, seed ${seed}. Use another data directory (or delete .data/bench/neo4j-${others[0]!.scale}).`)
  const [marker] = await db.write<Marker>(
    `MERGE (m:BenchDataset {scale: $scale, seed: $seed})
       ON CREATE SET m.startedAt = datetime(), m.synthetic = true, m.version = $version
     RETURN m.scale AS scale, m.seed AS seed, m.version AS version, toString(m.loadedAt) AS loadedAt, m.progress AS progress, m.report AS report`,
    { scale, seed, version: GENERATOR_VERSION },
  )
  if (marker && marker.version !== GENERATOR_VERSION)
    throw new OutdatedDatasetError(`The bench dataset here was made by generator version ${marker.version ?? 1}; this code makes version ${GENERATOR_VERSION}.`)
  if (marker?.loadedAt && marker.report) {
    const report = JSON.parse(marker.report) as LoadReport
    return { ...report, loaded: false }
  }
  const plan = makePlan(scale, seed)
  const progress: Record<string, number> = marker?.progress ? JSON.parse(marker.progress) as Record<string, number> : {}
  const timings: LoadTiming[] = []
  const started = performance.now()
  for (const part of parts(plan, options.passwordHash)) {
    const t0 = performance.now()
    let rows = 0
    let batches = 0
    for (let b = progress[part.name] ?? 0; b < part.batches; b++) {
      rows += part.rows(b)
      await db.transaction(async (tx) => {
        await part.write(tx, b)
        await tx.run(
          'MATCH (m:BenchDataset {scale: $scale, seed: $seed}) SET m.progress = $progress',
          { scale, seed, progress: JSON.stringify({ ...progress, [part.name]: b + 1 }) },
        )
      })
      progress[part.name] = b + 1
      batches++
    }
    const ms = Math.round(performance.now() - t0)
    timings.push({ part: part.name, labels: part.labels, rows, ms, batches })
    log(`  ${part.name.padEnd(13)} ${String(rows).padStart(9)} rows in ${(ms / 1000).toFixed(1).padStart(6)} s${batches === 0 ? ' (already loaded)' : ''}`)
  }
  const report: LoadReport = {
    scale,
    seed,
    loaded: true,
    loadedAt: new Date().toISOString(),
    totalMs: Math.round(performance.now() - started),
    parts: timings,
  }
  await db.write(
    'MATCH (m:BenchDataset {scale: $scale, seed: $seed}) SET m.loadedAt = datetime($loadedAt), m.report = $report',
    { scale, seed, loadedAt: report.loadedAt, report: JSON.stringify(report) },
  )
  return report
}

/** Writes attempts in progress with their answers saved (not scored), in batches of 1,000. */
export async function createOpenAttempts(db: Database, rows: AttemptRow[]): Promise<void> {
  const deadline = new Date(Date.now() + 24 * 3_600_000).toISOString()
  for (let i = 0; i < rows.length; i += 1_000) {
    await db.write(
      `UNWIND $rows AS x
       MATCH (p:Person {id: x.personId}), (z:Quiz {id: x.quizId})
       CREATE (t:Attempt {id: x.id, seed: x.id, status: 'IN_PROGRESS', startedAt: datetime(), deadline: datetime($deadline),
         maxScore: toInteger(x.maxScore), autoSubmitted: false, synthetic: true})
       CREATE (p)-[:MADE]->(t)
       CREATE (t)-[:OF]->(z)
       WITH t, x
       UNWIND x.answers AS a
       MATCH (q:Question {id: a.questionId})
       CREATE (t)-[:ITEM {order: toInteger(a.order), points: toInteger(a.points), optionOrder: []}]->(q)
       CREATE (t)-[:ANSWERED {given: a.given, ms: toInteger(a.ms), savedAt: datetime()}]->(q)`,
      { rows: rows.slice(i, i + 1_000), deadline },
    )
  }
}

/**
 * Removes what the write scenarios of a run added: the attempts made for it or by it (bench people's
 * attempts started since `since`), its client submissions, and the review cards submissions created for
 * bench people (generated cards carry `synthetic`; cards a submission only rescheduled stay). Audit
 * entries stay, as they would in production. With `tag` null (and an early `since`): what any run left.
 */
export async function removeRunAttempts(db: Database, tag: string | null, since: string): Promise<number> {
  let removed = 0
  for (;;) {
    const [row] = await db.write<{ n: number }>(
      `MATCH (p:Person)-[:MADE]->(t:Attempt)
       WHERE p.synthetic AND (t.id STARTS WITH $prefix OR (t.id STARTS WITH 'attempt-' AND t.startedAt >= datetime($since)))
       WITH DISTINCT t LIMIT 2000
       DETACH DELETE t
       RETURN count(*) AS n`,
      { prefix: tag ? `bench-open-${tag}-` : 'bench-open-', since },
    )
    removed += row?.n ?? 0
    if (!row?.n)
      break
  }
  for (;;) {
    const [row] = await db.write<{ n: number }>(
      `MATCH (p:Person)-[r:REVIEWS]->() WHERE p.synthetic AND r.synthetic IS NULL
       WITH r LIMIT 10000 DELETE r RETURN count(*) AS n`,
    )
    if (!row?.n)
      break
  }
  return removed
}
