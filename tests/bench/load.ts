import type { Database, Tx } from '../../server/src/db/database'
import type { AttemptRow, BenchPlan, DecisionRow, LawShape } from './generate'
import { int } from '../../server/src/db/database'
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
      write: async (tx) => {
        await tx.run('UNWIND $rows AS r MERGE (t:Topic {id: r.id}) SET t += r', { rows: topicRows(plan) })
      },
    },
    {
      name: 'organizations',
      labels: 'Organization, PART_OF',
      batches: 1,
      rows: () => counts.organizations,
      write: async (tx) => {
        const rows = organizationRows(plan)
        await tx.run('UNWIND $rows AS r CREATE (o:Organization {id: r.id, name: r.name, kind: r.kind, sample: false, synthetic: true})', { rows })
        await tx.run(
          `UNWIND $rows AS r MATCH (o:Organization {id: r.id}), (p:Organization {id: r.parentId}) CREATE (o)-[:PART_OF]->(p)`,
          { rows: rows.filter(r => r.parentId) },
        )
      },
    },
    {
      name: 'people',
      labels: 'Person, MEMBER_OF, ADVISES',
      batches: ranges(counts.people, PEOPLE),
      rows: b => personRows(plan, b * PEOPLE, (b + 1) * PEOPLE).length,
      write: async (tx, b) => {
        const rows = personRows(plan, b * PEOPLE, (b + 1) * PEOPLE)
        await tx.run(
          `UNWIND $rows AS r
           MATCH (o:Organization {id: r.organizationId})
           CREATE (p:Person {id: r.id, name: r.name, category: r.category, sample: false, synthetic: true})
           CREATE (p)-[:MEMBER_OF]->(o)`,
          { rows },
        )
        await tx.run(
          `UNWIND $rows AS r
           MATCH (p:Person {id: r.id})
           UNWIND r.advises AS orgId
           MATCH (o:Organization {id: orgId})
           CREATE (p)-[:ADVISES]->(o)`,
          { rows: rows.filter(r => r.advises.length > 0) },
        )
      },
    },
    {
      name: 'users',
      labels: 'User, IS',
      batches: 1,
      rows: () => userRows(plan).length,
      write: async (tx) => {
        await tx.run(
          `UNWIND $rows AS r
           MATCH (p:Person {id: r.personId})
           CREATE (u:User {id: r.id, username: r.username, passwordHash: $passwordHash, roles: r.roles, disabled: false,
             createdAt: datetime(), synthetic: true})
           CREATE (u)-[:IS]->(p)`,
          { rows: userRows(plan), passwordHash },
        )
      },
    },
    {
      name: 'laws',
      labels: 'Law, LawVersion, Division, Article, HAS_VERSION, SUPERSEDES, HAS_DIVISION, HAS_ARTICLE, CONTAINS, REPLACES',
      batches: laws.length,
      rows: b => laws[b]!.reduce((n, l) => n + l.articleCount, 0),
      write: async (tx, b) => {
        const all = laws[b]!.map(law => lawRows(plan, law))
        await tx.run('UNWIND $rows AS r CREATE (l:Law) SET l = r', { rows: all.map(r => r.law) })
        await tx.run(
          `UNWIND $rows AS r
           MATCH (l:Law {id: r.lawId})
           CREATE (v:LawVersion) SET v = r
           CREATE (l)-[:HAS_VERSION]->(v)`,
          { rows: all.flatMap(r => r.versions) },
        )
        await tx.run(
          'UNWIND $rows AS r MATCH (a:LawVersion {id: r.from}), (b:LawVersion {id: r.to}) CREATE (a)-[:SUPERSEDES]->(b)',
          { rows: all.flatMap(r => r.supersedes) },
        )
        const divisions = all.flatMap(r => r.divisions)
        await tx.run(
          `UNWIND $rows AS r
           MATCH (v:LawVersion {id: r.parentId})
           CREATE (d:Division {id: r.id, versionId: r.versionId, kind: r.kind, number: r.number, ordinal: r.ordinal, title: r.title, order: r.order, synthetic: true})
           CREATE (v)-[:HAS_DIVISION]->(d)`,
          { rows: divisions.filter(d => d.kind === 'CHAPTER') },
        )
        await tx.run(
          `UNWIND $rows AS r
           MATCH (p:Division {id: r.parentId})
           CREATE (d:Division {id: r.id, versionId: r.versionId, kind: r.kind, number: r.number, ordinal: r.ordinal, title: r.title, order: r.order, synthetic: true})
           CREATE (p)-[:HAS_DIVISION]->(d)`,
          { rows: divisions.filter(d => d.kind === 'SECTION') },
        )
        await tx.run('UNWIND $rows AS r CREATE (a:Article) SET a = r', { rows: all.flatMap(r => r.articles) })
        await tx.run(
          'UNWIND $rows AS r MATCH (v:LawVersion {id: r.versionId}), (a:Article {id: r.articleId}) CREATE (v)-[:CONTAINS]->(a)',
          { rows: all.flatMap(r => r.contains) },
        )
        await tx.run(
          'UNWIND $rows AS r MATCH (d:Division {id: r.divisionId}), (a:Article {id: r.articleId}) CREATE (d)-[:HAS_ARTICLE]->(a)',
          { rows: all.flatMap(r => r.placed) },
        )
        await tx.run(
          'UNWIND $rows AS r MATCH (a:Article {id: r.from}), (b:Article {id: r.to}) CREATE (a)-[:REPLACES]->(b)',
          { rows: all.flatMap(r => r.replaces) },
        )
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
        await tx.run(
          'UNWIND $rows AS r MATCH (a:Article {id: r.from}), (b:Article {id: r.to}) CREATE (a)-[:CITES]->(b)',
          { rows: links.flatMap(l => l.cites) },
        )
        await tx.run(
          'UNWIND $rows AS r MATCH (a:Article {id: r.from}), (b:Law {id: r.to}) CREATE (a)-[:CITES]->(b)',
          { rows: links.flatMap(l => l.citesLaw) },
        )
        await tx.run(
          'UNWIND $rows AS r MATCH (a:Article {id: r.articleId}), (t:Topic {id: r.topicId}) CREATE (a)-[:ABOUT]->(t)',
          { rows: links.flatMap(l => l.about) },
        )
      },
    },
    {
      name: 'questions',
      labels: 'Question, TESTS, ABOUT',
      batches: ranges(counts.questions, QUESTIONS),
      rows: b => questionRows(plan, b * QUESTIONS, (b + 1) * QUESTIONS).length,
      write: async (tx, b) => {
        await tx.run(
          `UNWIND $rows AS x
           CREATE (q:Question {id: x.id, originId: x.originId, version: toInteger(x.version), type: x.type, stem: x.stem,
             options: x.options, answer: x.answer, explanation: x.explanation, difficulty: toInteger(x.difficulty),
             status: x.status, needsReview: false, sample: false, synthetic: true, createdBy: null,
             createdAt: datetime(x.createdAt), updatedAt: datetime(x.createdAt),
             publishedAt: CASE WHEN x.status = 'PUBLISHED' THEN datetime(x.createdAt) END})
           WITH q, x
           CALL (q, x) {
             UNWIND range(0, size(x.articleIds) - 1) AS i
             MATCH (a:Article {id: x.articleIds[i]}) CREATE (q)-[:TESTS {order: i}]->(a)
           }
           CALL (q, x) {
             UNWIND range(0, size(x.topicIds) - 1) AS i
             MATCH (t:Topic {id: x.topicIds[i]}) CREATE (q)-[:ABOUT {order: i}]->(t)
           }`,
          { rows: questionRows(plan, b * QUESTIONS, (b + 1) * QUESTIONS) },
        )
      },
    },
    {
      name: 'quizzes',
      labels: 'Quiz, INCLUDES, DRAWS',
      batches: 1,
      rows: () => quizzes.length,
      write: async (tx) => {
        await tx.run(
          `UNWIND $rows AS x
           CREATE (z:Quiz {id: x.id, title: x.title, mode: x.mode, kind: x.kind, status: x.status,
             timeLimitSec: toInteger(x.timeLimitSec), passScore: toInteger(x.passScore), attemptsAllowed: null,
             scoring: x.scoring, opensAt: null, closesAt: null, reveal: x.reveal, shuffleOptions: x.shuffleOptions,
             multiplePartialCredit: false, sample: false, synthetic: true,
             createdAt: datetime(x.createdAt), updatedAt: datetime(x.createdAt), publishedAt: datetime(x.createdAt)})
           WITH z, x
           CALL (z, x) {
             UNWIND range(0, size(x.items) - 1) AS i
             MATCH (q:Question {id: x.items[i]})
             CREATE (z)-[:INCLUDES {order: i + 1, points: $points}]->(q)
           }
           CALL (z, x) {
             UNWIND range(0, size(x.draws) - 1) AS i
             MATCH (l:Law {id: x.draws[i]})
             CREATE (z)-[:DRAWS {order: i + 1, count: $count, difficultyMin: 1, difficultyMax: 5, points: $points}]->(l)
           }`,
          { rows: quizzes, points: int(QUIZ_POINTS), count: int(QUIZ_ROW_COUNT) },
        )
      },
    },
    {
      name: 'decisions',
      labels: 'Decision, DecisionCatalogue, DECIDES, KEEPS, LISTED_IN, BASED_ON',
      batches: ranges(counts.decisions, DECISIONS),
      rows: b => decisionRows(plan, b * DECISIONS, (b + 1) * DECISIONS).length,
      write: async (tx, b) => {
        await tx.run(
          `UNWIND $rows AS x
           MATCH (o:Organization {id: x.organizationId})
           MERGE (c:DecisionCatalogue {id: x.catalogueId})
             ON CREATE SET c.year = toInteger(x.year), c.organizationId = x.organizationId, c.synthetic = true
           MERGE (o)-[:KEEPS]->(c)
           CREATE (d:Decision {id: x.id, title: x.title, summary: x.summary, domain: x.domain, status: x.status,
             decidedOn: CASE WHEN x.decidedOn IS NULL THEN null ELSE date(x.decidedOn) END,
             affectsPublic: x.affectsPublic, technical: x.technical, stabilityRisk: x.stabilityRisk,
             confidential: x.confidential, sample: false, synthetic: true, createdAt: datetime(), updatedAt: datetime()})
           CREATE (o)-[:DECIDES]->(d)
           CREATE (d)-[:LISTED_IN]->(c)
           WITH d, x
           CALL (d, x) {
             UNWIND range(0, size(x.basedOn) - 1) AS i
             MATCH (a:Article {id: x.basedOn[i]})
             CREATE (d)-[:BASED_ON {position: i}]->(a)
           }`,
          { rows: decisionRows(plan, b * DECISIONS, (b + 1) * DECISIONS) },
        )
      },
    },
    {
      name: 'stepRecords',
      labels: 'StepRecord, HAS_STEP, PERFORMED_BY, CORRECTS',
      batches: ranges(counts.decisions, STEP_DECISIONS),
      rows: b => decisionsOf(b).reduce((n, _, i) => n + (plan.stepsPerDecision[b * STEP_DECISIONS + i] ?? 0), 0),
      write: async (tx, b) => {
        const rows = decisionsOf(b).flatMap((d, i) => stepRecordRows(plan, d, b * STEP_DECISIONS + i))
        await tx.run(
          `UNWIND $rows AS x
           MATCH (d:Decision {id: x.decisionId})
           CREATE (r:StepRecord {id: x.id, clientId: x.clientId, stepCode: x.stepCode,
             startedOn: CASE WHEN x.startedOn IS NULL THEN null ELSE date(x.startedOn) END,
             completedOn: CASE WHEN x.completedOn IS NULL THEN null ELSE date(x.completedOn) END,
             outcome: x.outcome, evidenceTitles: x.evidenceTitles, evidenceNumbers: x.evidenceNumbers, note: x.note,
             correctsId: x.correctsId, recordedAt: datetime(x.recordedAt), recordedBy: null, synthetic: true})
           CREATE (d)-[:HAS_STEP]->(r)
           WITH r, x
           CALL (r, x) {
             MATCH (p:Person {id: x.performedBy})
             CREATE (r)-[:PERFORMED_BY]->(p)
           }`,
          { rows },
        )
        await tx.run(
          'UNWIND $rows AS x MATCH (r:StepRecord {id: x.id}), (o:StepRecord {id: x.correctsId}) CREATE (r)-[:CORRECTS]->(o)',
          { rows: rows.filter(r => r.correctsId).map(r => ({ id: r.id, correctsId: r.correctsId })) },
        )
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
