import type { SessionUser } from '../../server/src/context'
import type { Database } from '../../server/src/db/database'
import type { BenchPlan } from './generate'
import type { GraphQLCall } from './measure'
import { complianceOverview } from '../../server/src/decision/catalogue.repository'
import { findDecision } from '../../server/src/decision/decision.repository'
import { viewerOf } from '../../server/src/decision/viewer.repository'
import { findArticle, searchArticles } from '../../server/src/law/law.repository'
import { fulltextQuery } from '../../server/src/law/search'
import { previewQuiz } from '../../server/src/quiz/quiz.repository'
import { quizStatistics, unitStudyStats } from '../../server/src/report/report.repository'
import { startAttempt, submitAttempt } from '../../server/src/study/attempt.repository'
import { studyProgress } from '../../server/src/study/review.repository'
import { articleIdAt, DECISION_YEARS, decisionId, openAttemptRows, quizId, rng, SEARCH_PHRASES } from './generate'
import { createOpenAttempts } from './load'
import { PEER_ARTICLE, PEER_DECISION, PEER_SEARCH } from './peer'

/** A latency target of a scenario: `metric` below `ms` at `connections` connections. */
export interface LatencyTarget {
  metric: 'p95' | 'p99'
  connections: number
  ms: number
}

/** One named workload, as sent to Xuefa, to the driver floor and to the peer. */
export interface Scenario {
  name: string
  title: string
  /** Query and Mutation fields it needs; the scenario is skipped (and says so) while one is missing. */
  requires: string[]
  /** Reads are expected to take one database round trip. */
  read: boolean
  /** Round trips the design allows when more than one (explained in `note`). */
  expectedRoundTrips?: number
  call: GraphQLCall
  /** The repository function with its hand-written Cypher, called directly. */
  floor?: (i: number) => Promise<unknown>
  /** The same shape asked of @neo4j/graphql (no auth there). */
  peer?: GraphQLCall
  latency: LatencyTarget[]
  note?: string
  /** Makes the fixtures the scenario needs (attempts in progress to submit), before it runs. */
  prepare?: () => Promise<void>
  /** Requests the scenario can make before it repeats itself (a write that then does less work). */
  capacity?: number
}

/** Who the scenarios act as. */
export interface Actors {
  admin: { user: SessionUser, token: string }
  advisor: { user: SessionUser, token: string }
  trainer: { user: SessionUser, token: string }
  cadre: { user: SessionUser, token: string }
  /** Bench accounts (cadres with generated study records). */
  users: { user: SessionUser, token: string }[]
}

/** Deterministic picks of `n` values (a fixed list, so every run asks for the same things). */
function picks<T>(plan: BenchPlan, key: string, n: number, make: (r: () => number) => T): T[] {
  const r = rng(plan.seed, 'pick', key)
  return Array.from({ length: n }, () => make(r))
}

/** The i-th item of a list, spread so that consecutive requests ask for different things. */
function nth<T>(list: readonly T[], i: number): T {
  return list[(i * 7919) % list.length]!
}

const bearer = (token: string) => () => ({ authorization: `Bearer ${token}` })

const ARTICLE = /* GraphQL */ `
  query BenchArticle($id: ID!) {
    article(id: $id) {
      id number caption text summary paragraphs textSource
      law { id title shortTitle }
      version { id versionDate current }
      path { id kind number title }
      otherVersions { articleId versionId versionDate current changed }
      replaces { id number }
      replacedBy { id number }
      cites { id kind lawId lawTitle number }
      citedBy { id lawId number caption lawTitle lawShortTitle current }
      topics { id name }
    }
  }
`

const SEARCH = /* GraphQL */ `
  query BenchSearch($text: String!) {
    searchArticles(text: $text, first: 20) {
      score snippet textSource
      article { id number caption lawId lawTitle lawShortTitle current versionDate }
    }
  }
`

const DECISION = /* GraphQL */ `
  query BenchDecision($id: ID!) {
    decision(id: $id) {
      id title summary domain status decidedOn year affectsPublic technical stabilityRisk confidential
      organization { id name kind }
      catalogue { id year decisionCount }
      basedOn { id number lawId lawTitle caption }
      records {
        id stepCode startedOn completedOn outcome note recordedAt correctsId correctedByIds effective
        evidence { title number }
        performedBy { id name category }
      }
      compliance {
        verdict evaluatedOn missingSteps
        ruleSet { id }
        findings { step code defect message recordId rule { id step article { id number lawTitle } } }
      }
    }
  }
`

const OVERVIEW = /* GraphQL */ `
  query BenchOverview($year: Int) {
    complianceOverview(year: $year) {
      year total evaluatedOn
      byVerdict { verdict count }
      missingByStep { step name count }
    }
  }
`

const UNIT_STATS = /* GraphQL */ `
  query BenchUnitStats($year: Int) {
    unitStudyStats(year: $year) {
      organization { id name } members requiredPreMeetingSessions membersMeetingRequirement
      sessionsHeld attendanceRate quizAttempts averageScore passRate
    }
  }
`

const QUIZ_STATS = /* GraphQL */ `
  query BenchQuizStats($quizId: ID!) {
    quizStatistics(quizId: $quizId) {
      quizId title submitted averageScore passRate distribution { from to count }
      questions { questionId order type stem articles attempts correct facility discrimination }
    }
  }
`

const PREVIEW = /* GraphQL */ `
  query BenchPreview($quizId: ID!, $seed: String) {
    previewQuiz(quizId: $quizId, seed: $seed) {
      quizId seed maxScore
      items {
        order points row displayedOptions displayedAnswer
        question { id type stem difficulty explanation articles { id number lawTitle } }
      }
    }
  }
`

const START_ATTEMPT = /* GraphQL */ `
  mutation BenchStartAttempt($quizId: ID!) {
    startAttempt(quizId: $quizId) {
      id status startedAt deadline maxScore serverNow quizId quizTitle
      quiz { id title mode timeLimitSec questionCount }
      items { order points questionId type stem options blanks given savedAt }
    }
  }
`

const SUBMIT_ATTEMPT = /* GraphQL */ `
  mutation BenchSubmitAttempt($attemptId: ID!, $submissionId: String!) {
    submitAttempt(attemptId: $attemptId, submissionId: $submissionId) {
      id status score maxScore passed submittedAt revealed
      items { order questionId given correct earned answer explanation }
    }
  }
`

const ME_PROGRESS = /* GraphQL */ `
  query BenchMeProgress($year: Int) {
    me {
      id username
      progress(year: $year) {
        year sessionsAttended preMeetingAttended requiredSessions quizAttempts averageScore passRate readingMinutes
        byKind { kind count }
        masteryByTopic { topic { id name } mastery cards }
        masteryByArticle { articleId lawId lawTitle number mastery cards }
        monthly { month sessions attempts }
      }
    }
  }
`

/** Years with generated attempts (the study record is per year). */
const STUDY_YEARS = [2024, 2025]

/** Attempts in progress made for the submission scenario, per side (API and floor). */
export const OPEN_ATTEMPTS = 4_000

/** The scenarios over the generated data (`db` is the benchmark's own connection, for the floors). */
export function scenarios(plan: BenchPlan, db: Database, actors: Actors, tag: string): Scenario[] {
  const articles = picks(plan, 'articles', 500, r => articleIdAt(plan, Math.floor(r() * plan.counts.articles)))
  const decisions = picks(plan, 'decisions', 500, r => decisionId(Math.floor(r() * plan.counts.decisions)))
  const quizzes = Array.from({ length: plan.counts.quizzes }, (_, k) => quizId(k))
  const advisorViewer = viewerOf(actors.advisor.user)
  const users = actors.users
  return [
    {
      name: 'article',
      title: 'article(id) with path, versions and citations',
      requires: ['Query.article'],
      read: true,
      call: { query: ARTICLE, variables: i => ({ id: nth(articles, i) }), headers: bearer(actors.cadre.token) },
      floor: i => findArticle(db, nth(articles, i), null, { topicArticleCounts: false }),
      peer: { query: PEER_ARTICLE, variables: i => ({ id: nth(articles, i) }) },
      latency: [{ metric: 'p99', connections: 16, ms: 50 }],
    },
    {
      name: 'search',
      title: 'searchArticles(text) (cjk full-text, 20 hits)',
      requires: ['Query.searchArticles'],
      read: true,
      call: { query: SEARCH, variables: i => ({ text: nth(SEARCH_PHRASES, i) }), headers: bearer(actors.cadre.token) },
      floor: i => searchArticles(db, nth(SEARCH_PHRASES, i), 20),
      peer: { query: PEER_SEARCH, variables: i => ({ query: fulltextQuery(nth(SEARCH_PHRASES, i)), first: 20 }) },
      latency: [{ metric: 'p95', connections: 1, ms: 50 }],
    },
    {
      name: 'decision',
      title: 'decision(id) { records compliance { findings } }',
      requires: ['Query.decision'],
      read: true,
      call: { query: DECISION, variables: i => ({ id: nth(decisions, i) }), headers: bearer(actors.advisor.token) },
      floor: i => findDecision(db, nth(decisions, i), advisorViewer),
      peer: { query: PEER_DECISION, variables: i => ({ id: nth(decisions, i) }) },
      latency: [{ metric: 'p95', connections: 1, ms: 20 }, { metric: 'p99', connections: 16, ms: 50 }],
      note: 'The peer returns the decision and its records only: @neo4j/graphql has no way to compute the compliance findings.',
    },
    {
      name: 'overview',
      title: 'complianceOverview(year) (a district year)',
      requires: ['Query.complianceOverview'],
      read: true,
      call: { query: OVERVIEW, variables: i => ({ year: nth(DECISION_YEARS, i) }), headers: bearer(actors.advisor.token) },
      floor: i => complianceOverview(db, { year: nth(DECISION_YEARS, i) }, advisorViewer),
      latency: [{ metric: 'p95', connections: 1, ms: 200 }],
      note: 'Every decision of the year is read with its records and judged by the compliance engine on each request.',
    },
    {
      name: 'quizDraw',
      title: 'previewQuiz(quizId, seed) (draw as a cadre would get it)',
      requires: ['Query.previewQuiz'],
      read: true,
      expectedRoundTrips: 2,
      call: { query: PREVIEW, variables: i => ({ quizId: nth(quizzes, i), seed: `s${i}` }), headers: bearer(actors.trainer.token) },
      floor: i => previewQuiz(db, nth(quizzes, i), `s${i}`),
      latency: [{ metric: 'p95', connections: 1, ms: 30 }],
      note: 'previewQuiz is documented as two round trips: the candidate pools, then the drawn questions.',
    },
    {
      name: 'unitStats',
      title: 'unitStudyStats(year) (学习统计: every unit of the district, as an admin)',
      requires: ['Query.unitStudyStats'],
      read: true,
      call: { query: UNIT_STATS, variables: i => ({ year: STUDY_YEARS[i % STUDY_YEARS.length] }), headers: bearer(actors.admin.token) },
      floor: i => unitStudyStats(db, actors.admin.user, STUDY_YEARS[i % STUDY_YEARS.length]!),
      latency: [],
      note: 'Every organisation with its members\' pre-meeting attendance and their submitted attempts of the year.',
    },
    {
      name: 'quizStats',
      title: 'quizStatistics(quizId) (学习统计: item analysis of a quiz, as an admin)',
      requires: ['Query.quizStatistics'],
      read: true,
      call: { query: QUIZ_STATS, variables: i => ({ quizId: nth(quizzes, i) }), headers: bearer(actors.admin.token) },
      floor: i => quizStatistics(db, actors.admin.user, nth(quizzes, i)),
      latency: [],
      note: 'All submitted attempts of the quiz with their items, analysed on each request.',
    },
    {
      name: 'meProgress',
      title: 'me { progress(year) } (a cadre\'s study record)',
      requires: ['Query.me'],
      read: true,
      call: {
        query: ME_PROGRESS,
        variables: i => ({ year: STUDY_YEARS[i % STUDY_YEARS.length] }),
        headers: i => ({ authorization: `Bearer ${users[Math.floor(i / 2) % users.length]!.token}` }),
      },
      floor: (i) => {
        const { user } = users[Math.floor(i / 2) % users.length]!
        return studyProgress(db, user.personId!, STUDY_YEARS[i % STUDY_YEARS.length]!, new Date())
      },
      latency: [],
      note: '`me` and its `progress` field are resolved one after the other, one query each.',
    },
    {
      name: 'startAttempt',
      title: 'startAttempt(quizId) (a cadre draws a quiz: write)',
      requires: ['Mutation.startAttempt'],
      read: false,
      // Request i: account i mod A at quiz ⌊i / A⌋ mod Q, so a pair repeats only after A·Q requests (then
      // the attempt in progress is resumed instead of drawn).
      call: {
        query: START_ATTEMPT,
        variables: i => ({ quizId: quizzes[Math.floor(i / users.length) % quizzes.length]! }),
        headers: i => ({ authorization: `Bearer ${users[i % users.length]!.token}` }),
      },
      floor: i => startAttempt(db, users[i % users.length]!.user, quizzes[Math.floor(i / users.length) % quizzes.length]!, new Date()),
      latency: [{ metric: 'p95', connections: 1, ms: 30 }],
      capacity: users.length * quizzes.length,
      note: `The cadre's draw: the pools and what the person has seen (1 query), the attempt written with its items (1 transaction), the attempt read back (1 query). Fresh (account, quiz) pairs for ${users.length * quizzes.length} requests.`,
    },
    {
      name: 'submitAttempt',
      title: 'submitAttempt(attemptId, submissionId) (score, review cards: write)',
      requires: ['Mutation.submitAttempt'],
      read: false,
      prepare: async () => {
        await createOpenAttempts(db, openAttemptRows(plan, tag, 0, 2 * OPEN_ATTEMPTS, users.length))
      },
      call: {
        query: SUBMIT_ATTEMPT,
        variables: i => ({ attemptId: `bench-open-${tag}-${i % (2 * OPEN_ATTEMPTS)}`, submissionId: `bench-sub-${tag}-${i}` }),
        headers: i => ({ authorization: `Bearer ${users[(i % (2 * OPEN_ATTEMPTS)) % users.length]!.token}` }),
      },
      floor: i => submitAttempt(db, users[(i % (2 * OPEN_ATTEMPTS)) % users.length]!.user, `bench-open-${tag}-${i % (2 * OPEN_ATTEMPTS)}`, `bench-sub-${tag}-${i}`, new Date()),
      latency: [],
      capacity: 2 * OPEN_ATTEMPTS,
      note: `Each request submits a different attempt in progress with 10 saved answers (${2 * OPEN_ATTEMPTS} prepared for the API and the floor together; beyond that a submission is a repeat, which answers without scoring).`,
    },
  ]
}

/** `{ __typename }` on Xuefa's own server: the cost of its HTTP, GraphQL, armor and session layers. */
export const TYPENAME: GraphQLCall = { query: '{ __typename }', variables: () => ({}) }
