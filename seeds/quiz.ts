import type { Database } from '../server/src/db/database'
import type { QuestionRecord } from '../server/src/quiz/questionFile'
import type { QuizValues } from '../server/src/quiz/quiz.repository'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../server/src/common/errors'
import { logger } from '../server/src/logger'
import { seedQuestions } from '../server/src/quiz/questionFile.repository'
import { createQuiz } from '../server/src/quiz/quiz.repository'

const SEEDS_DIR = path.dirname(fileURLToPath(import.meta.url))

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(SEEDS_DIR, name), 'utf8')) as T
}

/**
 * Knowledge points the sample questions use that seeds/topics.json does not define (names in our words).
 * Created only when missing, so the law library's topics always win.
 */
const EXTRA_TOPICS: Record<string, string> = {
  'decision-scope': '决策适用范围',
  'decision-principles': '决策原则',
  'decision-initiation': '决策启动',
  'decision-execution': '决策执行和调整',
  'decision-evaluation': '决策后评估',
}

/** The five mandatory steps of a major administrative decision, as topics. */
const FIVE_STEPS = ['public-participation', 'expert-argumentation', 'risk-assessment', 'legality-review', 'collective-decision']

const MDP = 'major-decision-procedure'

const DEFAULTS: Omit<QuizValues, 'title' | 'mode' | 'kind' | 'passScore'> = {
  timeLimitSec: null,
  attemptsAllowed: null,
  opensAt: null,
  closesAt: null,
  shuffleOptions: true,
  multiplePartialCredit: false,
  scoring: 'BEST',
  reveal: 'AFTER_SUBMIT',
  items: [],
  blueprint: [],
}

/**
 * Sample question bank and quizzes (示例): seeds/questions.json as PUBLISHED sample questions (article refs
 * resolved in the current versions; one that does not resolve stops seeding with the question id), then a
 * fixed 会前学法 quiz on 重大行政决策程序暂行条例, a blueprint exam on the five mandatory steps and a
 * practice quiz. Idempotent: existing ids are left alone.
 */
export async function seedQuizSamples(db: Database): Promise<void> {
  const [library] = await db.read<{ articles: number }>('MATCH (:LawVersion {current: true})-[:CONTAINS]->(a:Article) RETURN count(a) AS articles')
  if (!library?.articles) {
    logger.warn('law library has no articles yet; sample questions skipped')
    return
  }
  const { questions } = readJson<{ questions: (QuestionRecord & { id: string })[] }>('questions.json')
  const { topics } = readJson<{ topics: { id: string, name: string }[] }>('topics.json')
  const names = new Map([...Object.entries(EXTRA_TOPICS), ...topics.map(t => [t.id, t.name] as const)])
  const used = [...new Set(questions.flatMap(q => q.topics))].map(id => ({ id, name: names.get(id) ?? id }))
  await db.write('UNWIND $topics AS topic MERGE (t:Topic {id: topic.id}) ON CREATE SET t.name = topic.name', { topics: used })

  const { created, skipped } = await seedQuestions(db, questions)
  if (skipped.length > 0)
    logger.warn({ skipped: skipped.length }, 'sample questions of laws without imported texts skipped (set LAW_CORPUS_DIR)')

  const [{ ids: present } = { ids: [] }] = await db.read<{ ids: string[] }>(
    `MATCH (q:Question {status: 'PUBLISHED'}) WHERE q.id IN $ids RETURN collect(q.id) AS ids`,
    { ids: questions.map(q => q.id) },
  )
  const available = new Set(present)
  const premeeting = questions
    .filter(q => available.has(q.id) && q.tests.every(t => t.lawId === MDP))
    .map(q => q.id)
    .sort()
    .slice(0, 10)

  const quizzes: { id: string, values: QuizValues }[] = [
    {
      id: 'quiz-sample-premeeting-mdp',
      values: {
        ...DEFAULTS,
        title: '会前学法：重大行政决策程序暂行条例（示例）',
        mode: 'PRACTICE',
        kind: 'FIXED',
        passScore: 60,
        timeLimitSec: 900,
        items: premeeting.map(questionId => ({ questionId, points: 10 })),
      },
    },
    {
      id: 'quiz-sample-five-steps-exam',
      values: {
        ...DEFAULTS,
        title: '重大行政决策五大法定程序测试（示例）',
        mode: 'EXAM',
        kind: 'BLUEPRINT',
        passScore: 60,
        timeLimitSec: 1800,
        attemptsAllowed: 2,
        blueprint: FIVE_STEPS.map(targetId => ({ kind: 'TOPIC', targetId, count: 2, difficultyMin: 1, difficultyMax: 5, points: 10 })),
      },
    },
    {
      id: 'quiz-sample-practice-mediation-disclosure',
      values: {
        ...DEFAULTS,
        title: '人民调解与政府信息公开练习（示例）',
        mode: 'PRACTICE',
        kind: 'BLUEPRINT',
        passScore: 60,
        blueprint: [
          { kind: 'LAW', targetId: 'people-mediation-law', count: 5, difficultyMin: 1, difficultyMax: 5, points: 2 },
          { kind: 'LAW', targetId: 'gov-info-disclosure', count: 5, difficultyMin: 1, difficultyMax: 5, points: 2 },
        ],
      },
    },
  ]
  const existing = new Set((await db.read<{ id: string }>('MATCH (z:Quiz) WHERE z.id IN $ids RETURN z.id AS id', { ids: quizzes.map(q => q.id) })).map(r => r.id))
  for (const quiz of quizzes.filter(q => !existing.has(q.id))) {
    try {
      await createQuiz(db, null, quiz.values, { id: quiz.id, sample: true, status: 'PUBLISHED' })
    }
    catch (error) {
      // Only when texts were not imported (no corpus): the bank is then too small for the sample quizzes.
      if (error instanceof AppError && skipped.length > 0)
        logger.warn({ quiz: quiz.id, reason: error.message }, 'sample quiz skipped')
      else
        throw error
    }
  }
  logger.info({ questions: created.length, quizzes: quizzes.length - existing.size }, 'sample question bank ready (示例)')
}
