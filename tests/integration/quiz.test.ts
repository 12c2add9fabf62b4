import type { SessionUser } from '../../server/src/context'
import type { Database } from '../../server/src/db/database'
import type { QuestionRecord } from '../../server/src/quiz/questionFile'
import type { QuestionValues } from '../../server/src/quiz/questionShape'
import type { QuizValues } from '../../server/src/quiz/quiz.repository'
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Role } from '../../server/src/auth/access'
import { ROOT_DIR } from '../../server/src/config'
import { drawAttempt } from '../../server/src/quiz/draw'
import { findQuestion, flagQuestionsForLawChange, LAW_CHANGE_REASON, listQuestions } from '../../server/src/quiz/question.repository'
import { createQuestion, markQuestionReviewed, publishQuestion, retireQuestion, updateQuestion } from '../../server/src/quiz/questionEdit.repository'
import { readQuestionFile, writeQuestionFile } from '../../server/src/quiz/questionFile'
import { exportQuestionRecords, importQuestionRows } from '../../server/src/quiz/questionFile.repository'
import { blueprintCapacity, createQuiz, findQuiz, loadDrawPools, previewQuiz, publishQuiz, updateQuiz } from '../../server/src/quiz/quiz.repository'
import { quizValues as quizFixture } from '../fixtures/quizFixture'
import { connectTestDatabase, uniqueId } from '../helpers'

const actor: SessionUser = { id: 'user-quiz-test', username: 'quiz-tester', personId: null, roles: [Role.TRAINER], organizationIds: [] }
const NUMBERS = ['第一条', '第二条', '第三条', '第四条', '第五条', '第六条']
const bank = JSON.parse(readFileSync(`${ROOT_DIR}/seeds/questions.json`, 'utf8')) as { questions: (QuestionRecord & { id: string })[] }

let db: Database

beforeAll(async () => {
  db = await connectTestDatabase()
})
afterAll(async () => {
  await db.close()
})

/**
 * A made-up law in the shape of the law graph contract (one current version, `n` articles), so a test
 * can change it freely. Its texts are placeholders, not statute text.
 */
async function createTestLaw(n = 4): Promise<{ lawId: string, title: string, versionId: string, articleIds: string[] }> {
  const lawId = uniqueId('law')
  const title = `测试条例${lawId.slice(-6)}`
  const versionId = `${lawId}@2020-01-01`
  const articleIds = NUMBERS.slice(0, n).map((_, i) => `${lawId}-a${i + 1}`)
  await db.write(
    `CREATE (l:Law {id: $lawId, title: $title, shortTitle: $title, level: 'LAW', status: 'IN_FORCE', textComplete: true})
     CREATE (v:LawVersion {id: $versionId, versionDate: '2020-01-01', current: true, source: 'CORPUS', textComplete: true})
     CREATE (l)-[:HAS_VERSION]->(v)
     WITH v
     UNWIND range(0, size($ids) - 1) AS i
     CREATE (a:Article {id: $ids[i], lawId: $lawId, slug: toString(i + 1), number: $numbers[i], ordinal: i + 1,
       text: '测试用占位条文 ' + toString(i + 1), textSource: 'OFFICIAL'})
     CREATE (v)-[:CONTAINS]->(a)`,
    { lawId, title, versionId, ids: articleIds, numbers: NUMBERS.slice(0, n) },
  )
  return { lawId, title, versionId, articleIds }
}

function single(articleIds: string[], overrides: Partial<QuestionValues> = {}): QuestionValues {
  return {
    type: 'SINGLE',
    stem: `测试单选题 ${uniqueId('stem')}：下列哪一项正确？`,
    options: ['甲项', '乙项', '丙项', '丁项'],
    answer: ['B'],
    explanation: '依据测试条文。',
    difficulty: 2,
    articleIds,
    topicIds: [],
    ...overrides,
  }
}

async function publishedQuestion(articleIds: string[], overrides: Partial<QuestionValues> = {}) {
  return createQuestion(db, actor, single(articleIds, overrides), { publish: true })
}

function quizValues(overrides: Partial<QuizValues>): QuizValues {
  return quizFixture({ title: `测试试卷 ${uniqueId('quiz')}`, mode: 'EXAM', kind: 'BLUEPRINT', ...overrides })
}

async function errorOf(promise: Promise<unknown>): Promise<{ message: string, code?: string }> {
  try {
    await promise
  }
  catch (error) {
    const e = error as { message: string, extensions?: { code?: string } }
    return { message: e.message, code: e.extensions?.code }
  }
  throw new Error('expected an error')
}

describe('the sample question bank', () => {
  it('is loaded, published and marked sample, and every question TESTS an existing article of a current version', async () => {
    const rows = await db.read<{ id: string, status: string, sample: boolean, tests: number, current: number }>(
      `UNWIND $ids AS id
       OPTIONAL MATCH (q:Question {id: id})
       RETURN id, q.status AS status, q.sample AS sample,
         COUNT { (q)-[:TESTS]->(:Article) } AS tests,
         COUNT { (q)-[:TESTS]->(a:Article)<-[:CONTAINS]-(:LawVersion {current: true}) } AS current`,
      { ids: bank.questions.map(q => q.id) },
    )
    expect(rows).toHaveLength(bank.questions.length)
    const expected = new Map(bank.questions.map(q => [q.id, q.tests.length]))
    for (const row of rows) {
      expect(row.status, row.id).toBe('PUBLISHED')
      expect(row.sample, row.id).toBe(true)
      expect(row.tests, row.id).toBe(expected.get(row.id))
      expect(row.current, row.id).toBe(row.tests)
    }
  })

  it('resolves each reference to the article with that number in that law', async () => {
    const q = bank.questions.find(x => x.tests.length >= 2)!
    const question = await findQuestion(db, q.id)
    expect(question!.articles.map(a => `${a.lawId}:${a.number}`)).toEqual(q.tests.map(t => `${t.lawId}:${t.article}`))
    expect(question!.articles.every(a => a.current)).toBe(true)
  })

  it('comes with three sample quizzes: a fixed 会前学法 quiz of 10 questions on 重大行政决策程序暂行条例, a five-steps exam and a practice quiz', async () => {
    const premeeting = await findQuiz(db, 'quiz-sample-premeeting-mdp')
    expect(premeeting).toMatchObject({ kind: 'FIXED', status: 'PUBLISHED', sample: true, questionCount: 10 })
    expect(premeeting!.title).toContain('示例')
    for (const item of premeeting!.items)
      expect(item.question.articles.every(a => a.lawId === 'major-decision-procedure')).toBe(true)
    const exam = await findQuiz(db, 'quiz-sample-five-steps-exam')
    expect(exam).toMatchObject({ kind: 'BLUEPRINT', mode: 'EXAM', sample: true, questionCount: 10 })
    expect(exam!.blueprint.map(r => r.targetId)).toEqual(['public-participation', 'expert-argumentation', 'risk-assessment', 'legality-review', 'collective-decision'])
    expect(exam!.blueprint.every(r => r.available >= r.count)).toBe(true)
    const practice = await findQuiz(db, 'quiz-sample-practice-mediation-disclosure')
    expect(practice).toMatchObject({ kind: 'BLUEPRINT', mode: 'PRACTICE', sample: true })
  })
})

describe('question lifecycle and versions', () => {
  it('edits a draft in place, but gives a published question a new version and keeps the old one for its attempts', async () => {
    const law = await createTestLaw()
    const draft = await createQuestion(db, actor, single([law.articleIds[0]!]))
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, originId: draft.id })
    const edited = await updateQuestion(db, actor, draft.id, single([law.articleIds[1]!], { stem: '改过的草稿题干：下列哪一项正确？' }))
    expect(edited).toMatchObject({ id: draft.id, version: 1, stem: '改过的草稿题干：下列哪一项正确？' })
    expect(edited.articles.map(a => a.id)).toEqual([law.articleIds[1]])

    const published = await publishQuestion(db, actor, draft.id)
    expect(published.status).toBe('PUBLISHED')
    // A fixed quiz includes it, and someone answered it.
    const quiz = await createQuiz(db, actor, quizValues({ kind: 'FIXED', items: [{ questionId: draft.id, points: 5 }] }))
    const attemptId = uniqueId('attempt')
    // Someone's attempt at another quiz; removed below so no half-made quiz is left for other suites.
    const fixture = { personId: uniqueId('person'), attemptId, quizId: uniqueId('other-quiz') }
    await db.write(
      `CREATE (p:Person {id: $personId, name: '测试人员'})-[:MADE]->(t:Attempt {id: $attemptId})-[:OF]->(:Quiz {id: $quizId})`,
      fixture,
    )
    await db.write(`MATCH (t:Attempt {id: $attemptId}), (q:Question {id: $qid}) CREATE (t)-[:ANSWERED {given: ['B'], correct: true}]->(q)`, { attemptId, qid: draft.id })

    const v2 = await updateQuestion(db, actor, draft.id, single([law.articleIds[1]!], { stem: '第二版题干：下列哪一项正确？', answer: ['C'] }))
    expect(v2.id).not.toBe(draft.id)
    expect(v2).toMatchObject({ version: 2, status: 'PUBLISHED', originId: draft.id, previousVersionId: draft.id, answer: ['C'] })
    // Saving the same content again makes no further version.
    const again = await updateQuestion(db, actor, v2.id, single([law.articleIds[1]!], { stem: '第二版题干：下列哪一项正确？', answer: ['C'] }))
    expect(again).toMatchObject({ id: v2.id, version: 2 })
    const old = await findQuestion(db, draft.id)
    expect(old).toMatchObject({ status: 'SUPERSEDED', nextVersionId: v2.id, stem: '改过的草稿题干：下列哪一项正确？', answer: ['B'] })
    // The attempt still points at the version it answered.
    const [answered] = await db.read<{ id: string }>('MATCH (:Attempt {id: $attemptId})-[:ANSWERED]->(q:Question) RETURN q.id AS id', { attemptId })
    expect(answered!.id).toBe(draft.id)
    await db.write('MATCH (n) WHERE n.id IN [$personId, $attemptId, $quizId] DETACH DELETE n', fixture)
    // The quiz now includes the new version.
    expect((await findQuiz(db, quiz.id))!.items.map(i => [i.question.id, i.points])).toEqual([[v2.id, 5]])
    // Lists show the latest version only, unless asked for superseded ones.
    const listed = await listQuestions(db, { articleId: law.articleIds[1] }, 0, 10)
    expect(listed.items.map(q => q.id)).toEqual([v2.id])
    expect((await listQuestions(db, { articleId: law.articleIds[1], status: 'SUPERSEDED' }, 0, 10)).items.map(q => q.id)).toEqual([draft.id])

    // Superseded and retired versions cannot be edited.
    expect(await errorOf(updateQuestion(db, actor, draft.id, single([law.articleIds[0]!])))).toMatchObject({ code: 'CONFLICT' })
  })

  it('retires a question, which then cannot be edited, and refuses to retire one a published quiz lists', async () => {
    const law = await createTestLaw()
    const q = await publishedQuestion([law.articleIds[0]!])
    const quiz = await createQuiz(db, actor, quizValues({ kind: 'FIXED', items: [{ questionId: q.id, points: 1 }] }))
    await publishQuiz(db, actor, quiz.id)
    const refused = await errorOf(retireQuestion(db, actor, q.id))
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain(quiz.title)

    const free = await publishedQuestion([law.articleIds[0]!])
    expect((await retireQuestion(db, actor, free.id)).status).toBe('RETIRED')
    const edit = await errorOf(updateQuestion(db, actor, free.id, single([law.articleIds[0]!])))
    expect(edit.code).toBe('CONFLICT')
    expect(edit.message).toContain('停用')
  })

  it('refuses an invalid question with every broken rule and writes nothing', async () => {
    const law = await createTestLaw()
    const before = await db.read<{ n: number }>('MATCH (q:Question) RETURN count(q) AS n')
    const error = await errorOf(createQuestion(db, actor, single([`${law.lawId}-missing`], { answer: ['A', 'B'], difficulty: 7 })))
    expect(error.code).toBe('BAD_USER_INPUT')
    expect(error.message).toContain('[answer]')
    expect(error.message).toContain('[difficulty]')
    expect(error.message).toContain('[articles]')
    expect(await db.read<{ n: number }>('MATCH (q:Question) RETURN count(q) AS n')).toEqual(before)
  })
})

describe('law changes reach the bank', () => {
  it('flags questions whose tested article changed in a new version, not those whose article carried over', async () => {
    const law = await createTestLaw(3)
    const changed = await publishedQuestion([law.articleIds[0]!])
    const unchanged = await publishedQuestion([law.articleIds[1]!])
    // A new version: 第一条 is amended (new node replacing the old one), 第二条 and 第三条 carry over.
    const amendedId = `${law.lawId}-a1-2024`
    await db.write(
      `MATCH (l:Law {id: $lawId})-[:HAS_VERSION]->(old:LawVersion {current: true})
       SET old.current = false
       CREATE (v:LawVersion {id: $lawId + '@2024-01-01', versionDate: '2024-01-01', current: true, source: 'CORPUS', textComplete: true})
       CREATE (l)-[:HAS_VERSION]->(v), (v)-[:SUPERSEDES]->(old)
       CREATE (a:Article {id: $amendedId, lawId: $lawId, slug: '1', number: '第一条', ordinal: 1, text: '测试用占位条文 1（修改后）', textSource: 'OFFICIAL'})
       CREATE (v)-[:CONTAINS]->(a)
       WITH v, a
       MATCH (old:Article {id: $oldId}) CREATE (a)-[:REPLACES]->(old)
       WITH v
       UNWIND $kept AS keptId MATCH (k:Article {id: keptId}) CREATE (v)-[:CONTAINS]->(k)`,
      { lawId: law.lawId, amendedId, oldId: law.articleIds[0], kept: law.articleIds.slice(1) },
    )

    const flagged = await flagQuestionsForLawChange(db)
    expect(flagged).toContain(changed.id)
    expect(flagged).not.toContain(unchanged.id)
    const q = await findQuestion(db, changed.id)
    expect(q).toMatchObject({ needsReview: true, reviewReason: LAW_CHANGE_REASON })
    expect(q!.articles[0]!.current).toBe(false)
    expect((await findQuestion(db, unchanged.id))!.needsReview).toBe(false)

    // The review queue shows it; a flagged question is not drawn.
    const queue = await listQuestions(db, { needsReview: true, lawId: law.lawId }, 0, 10)
    expect(queue.items.map(x => x.id)).toEqual([changed.id])
    const capacity = await blueprintCapacity(db, [{ kind: 'LAW', targetId: law.lawId, count: 1, difficultyMin: 1, difficultyMax: 5, points: 1 }])
    expect(capacity.rows[0]!.available).toBe(1)

    // Reviewed: off the queue, and the same change does not flag it again.
    expect((await markQuestionReviewed(db, actor, changed.id)).needsReview).toBe(false)
    expect(await flagQuestionsForLawChange(db, { lawIds: [law.lawId] })).toEqual([])
    expect((await listQuestions(db, { needsReview: true, lawId: law.lawId }, 0, 10)).items).toEqual([])

    // Pointing the question at the amended article (a new version) resolves it for good.
    const fixed = await updateQuestion(db, actor, changed.id, single([amendedId]))
    expect(fixed.articles[0]).toMatchObject({ id: amendedId, current: true })
    expect(fixed.needsReview).toBe(false)
  })

  it('flags every question of a repealed law', async () => {
    const law = await createTestLaw(2)
    const a = await publishedQuestion([law.articleIds[0]!])
    const b = await createQuestion(db, actor, single([law.articleIds[1]!]))
    await db.write(`MATCH (l:Law {id: $lawId}) SET l.status = 'REPEALED'`, { lawId: law.lawId })
    const flagged = await flagQuestionsForLawChange(db, { lawIds: [law.lawId] })
    expect(flagged.sort()).toEqual([a.id, b.id].sort())
    expect((await findQuestion(db, a.id))!.reviewReason).toBe('条文已修改/已废止')
    // A question cannot newly test an article of a repealed law.
    expect((await errorOf(createQuestion(db, actor, single([law.articleIds[0]!])))).message).toContain('已废止')
  })
})

describe('quizzes', () => {
  it('refuses a blueprint the bank cannot satisfy, saying what is short', async () => {
    const law = await createTestLaw()
    for (let i = 0; i < 7; i++)
      await publishedQuestion([law.articleIds[i % 4]!], { difficulty: 2 + (i % 2) })
    await publishedQuestion([law.articleIds[0]!], { difficulty: 5 })
    await createQuestion(db, actor, single([law.articleIds[0]!], { difficulty: 2 })) // a draft does not count
    const title = `抽题不足 ${uniqueId('quiz')}`
    const error = await errorOf(createQuiz(db, actor, quizValues({ title, blueprint: [{ kind: 'LAW', targetId: law.lawId, count: 10, difficultyMin: 2, difficultyMax: 3, points: 2 }] })))
    expect(error.code).toBe('BAD_USER_INPUT')
    expect(error.message).toContain(`《${law.title}》难度2–3 需要 10 题，题库仅有 7 题已发布`)
    expect(await db.read('MATCH (z:Quiz {title: $title}) RETURN z.id AS id', { title })).toEqual([])

    const ok = await createQuiz(db, actor, quizValues({ title, blueprint: [{ kind: 'LAW', targetId: law.lawId, count: 7, difficultyMin: 2, difficultyMax: 3, points: 2 }] }))
    expect(ok).toMatchObject({ status: 'DRAFT', questionCount: 7, maxScore: 14 })
    expect(ok.blueprint[0]).toMatchObject({ targetName: law.title, available: 7 })
  })

  it('counts overlapping rows jointly, and reports missing targets', async () => {
    const law = await createTestLaw()
    for (let i = 0; i < 4; i++)
      await publishedQuestion([law.articleIds[i]!])
    const capacity = await blueprintCapacity(db, [
      { kind: 'LAW', targetId: law.lawId, count: 3, difficultyMin: 1, difficultyMax: 5, points: 1 },
      { kind: 'LAW', targetId: law.lawId, count: 3, difficultyMin: 1, difficultyMax: 5, points: 1 },
      { kind: 'TOPIC', targetId: 'no-such-topic', count: 1, difficultyMin: 1, difficultyMax: 5, points: 1 },
    ])
    expect(capacity.rows.map(r => [r.available, r.enough])).toEqual([[4, true], [4, false], [0, false]])
    expect(capacity.feasible).toBe(false)
    expect(capacity.shortages.join('\n')).toContain('no-such-topic')
    expect(capacity.shortages.join('\n')).toContain('仅余 1 题')
  })

  it('draws from the pools loaded in one query: reproducible by seed, unseen questions first', async () => {
    const law = await createTestLaw()
    const ids: string[] = []
    for (let i = 0; i < 12; i++)
      ids.push((await publishedQuestion([law.articleIds[i % 4]!])).id)
    const quiz = await createQuiz(db, actor, quizValues({ blueprint: [{ kind: 'LAW', targetId: law.lawId, count: 4, difficultyMin: 1, difficultyMax: 5, points: 5 }] }))
    // A person answered 8 of them (one through an older version of the question).
    const personId = uniqueId('person')
    const attemptId = uniqueId('attempt')
    await db.write(
      `CREATE (p:Person {id: $personId, name: '测试人员'})-[:MADE]->(t:Attempt {id: $attemptId})
       WITH t UNWIND $answered AS qid MATCH (q:Question {id: qid}) CREATE (t)-[:ANSWERED {correct: true}]->(q)`,
      { personId, attemptId, answered: ids.slice(0, 7) },
    )
    const v2 = await updateQuestion(db, actor, ids[7]!, single([law.articleIds[3]!]))
    await db.write(`MATCH (t:Attempt {id: $attemptId}), (q:Question {id: $qid}) CREATE (t)-[:ANSWERED]->(q)`, { attemptId, qid: ids[7] })

    const pools = await loadDrawPools(db, quiz.id, personId)
    expect(pools!.rows[0]!.candidates).toHaveLength(12)
    expect(pools!.seen).toEqual(new Set([...ids.slice(0, 7), v2.id]))
    const unseen = new Set(ids.slice(8))
    for (const seed of ['a', 'b', 'c']) {
      const drawn = drawAttempt(pools!, seed)
      expect(drawn.map(d => d.questionId).sort()).toEqual([...unseen].sort())
    }
    const anyone = await loadDrawPools(db, quiz.id, null)
    expect(drawAttempt(anyone!, 's1')).toEqual(drawAttempt(anyone!, 's1'))
    const draws = new Set(['s1', 's2', 's3', 's4', 's5'].map(s => drawAttempt(anyone!, s).map(d => d.questionId).join()))
    expect(draws.size).toBeGreaterThan(1)
  })

  it('previews a draw with answers, options in the shown order', async () => {
    const law = await createTestLaw()
    for (let i = 0; i < 3; i++)
      await publishedQuestion([law.articleIds[i]!], { type: 'MULTIPLE', answer: ['A', 'C'] })
    const quiz = await createQuiz(db, actor, quizValues({ blueprint: [{ kind: 'LAW', targetId: law.lawId, count: 3, difficultyMin: 1, difficultyMax: 5, points: 4 }] }))
    const preview = await previewQuiz(db, quiz.id, 'seed-1')
    expect(preview.items).toHaveLength(3)
    expect(preview.maxScore).toBe(12)
    for (const item of preview.items) {
      const shownRight = item.displayedAnswer.map(l => item.displayedOptions['ABCDEFGH'.indexOf(l)])
      expect(shownRight.sort()).toEqual(['甲项', '丙项'].sort())
    }
    expect((await previewQuiz(db, quiz.id, 'seed-1')).items.map(i => i.question.id)).toEqual(preview.items.map(i => i.question.id))
  })

  it('keeps a quiz’s questions once someone attempted it, but lets the settings change', async () => {
    const law = await createTestLaw()
    const q1 = await publishedQuestion([law.articleIds[0]!])
    const q2 = await publishedQuestion([law.articleIds[1]!])
    const values = quizValues({ kind: 'FIXED', items: [{ questionId: q1.id, points: 1 }] })
    const quiz = await createQuiz(db, actor, values)
    await db.write(`MATCH (z:Quiz {id: $id}) CREATE (:Attempt {id: $attemptId})-[:OF]->(z)`, { id: quiz.id, attemptId: uniqueId('attempt') })
    const refused = await errorOf(updateQuiz(db, actor, quiz.id, { ...values, items: [{ questionId: q2.id, points: 1 }] }))
    expect(refused.code).toBe('CONFLICT')
    const renamed = await updateQuiz(db, actor, quiz.id, { ...values, title: '改名后的测试试卷', timeLimitSec: 600 })
    expect(renamed).toMatchObject({ title: '改名后的测试试卷', timeLimitSec: 600 })
    expect(renamed.items.map(i => i.question.id)).toEqual([q1.id])
  })

  it('refuses a fixed quiz with a draft or superseded question', async () => {
    const law = await createTestLaw()
    const draft = await createQuestion(db, actor, single([law.articleIds[0]!]))
    const pub = await publishedQuestion([law.articleIds[0]!])
    const v2 = await updateQuestion(db, actor, pub.id, single([law.articleIds[0]!]))
    const error = await errorOf(createQuiz(db, actor, quizValues({ kind: 'FIXED', items: [{ questionId: draft.id, points: 1 }, { questionId: pub.id, points: 1 }] })))
    expect(error.code).toBe('BAD_USER_INPUT')
    expect(error.message).toContain(draft.id)
    expect(error.message).toContain(v2.id)
  })
})

describe('import and export', () => {
  const compare = (q: { type: string, stem: string, options: string[], answer: string[], explanation: string, difficulty: number, articles: { id: string }[] }) =>
    ({ type: q.type, stem: q.stem, options: q.options, answer: q.answer, explanation: q.explanation, difficulty: q.difficulty, articles: q.articles.map(a => a.id) })

  it('round-trips questions through Excel: export, then import yields the same questions', async () => {
    const law = await createTestLaw(4)
    const originals = [
      await publishedQuestion([law.articleIds[0]!, law.articleIds[2]!]),
      await publishedQuestion([law.articleIds[1]!], { type: 'MULTIPLE', answer: ['A', 'B', 'D'], options: ['一', '二', '三', '四', '五'] }),
      await publishedQuestion([law.articleIds[2]!], { type: 'TRUE_FALSE', options: [], answer: ['FALSE'], difficulty: 1 }),
      await publishedQuestion([law.articleIds[3]!], { type: 'FILL_BLANK', stem: '测试填空：期限不少于____日，且不超过____日。', options: [], answer: ['30|三十', '60'], difficulty: 4, explanation: '' }),
    ]
    const sample = bank.questions.filter(q => q.tests.every(t => t.lawId === 'major-decision-procedure')).slice(0, 20).map(q => q.id)
    const exported = [
      ...await exportQuestionRecords(db, { lawId: law.lawId }),
      ...(await exportQuestionRecords(db, { lawId: 'major-decision-procedure', sample: true })).filter(r => sample.includes(r.id!)),
    ]
    expect(exported).toHaveLength(24)
    const file = await writeQuestionFile('XLSX', exported)

    const rows = await readQuestionFile('XLSX', file)
    const report = await importQuestionRows(db, actor, rows, { importValidRows: false, publish: false })
    expect(report.rows.filter(r => !r.ok)).toEqual([])
    expect(report).toMatchObject({ committed: true, imported: 24, refused: 0 })
    // The same stems already exist: a warning, not a refusal.
    expect(report.rows.every(r => r.warnings.join().includes('题库中已有相同题干'))).toBe(true)

    const byStem = new Map<string, { id: string }>()
    for (const id of [...originals.map(o => o.id), ...sample])
      byStem.set((await findQuestion(db, id))!.stem, { id })
    for (const id of report.questionIds) {
      const imported = (await findQuestion(db, id))!
      expect(imported.status).toBe('DRAFT')
      const original = (await findQuestion(db, byStem.get(imported.stem)!.id))!
      expect(compare(imported)).toEqual(compare(original))
    }
  })

  it('refuses the whole file when a row is bad, unless importValidRows', async () => {
    const law = await createTestLaw(2)
    const stem = `导入测试 ${uniqueId('import')}`
    const file = Buffer.from(JSON.stringify({
      questions: [
        { type: 'TRUE_FALSE', stem: `${stem} 一：决策应当依法作出。`, options: [], answer: ['TRUE'], explanation: '', difficulty: 1, topics: [], tests: [{ lawId: law.lawId, article: '第一条' }] },
        { type: 'SINGLE', stem: `${stem} 二：哪一项正确？`, options: ['甲', '乙'], answer: ['A', 'B'], explanation: '', difficulty: 2, topics: [], tests: [{ lawId: law.lawId, article: '第二条' }] },
        { type: 'SINGLE', stem: `${stem} 三：哪一项正确？`, options: ['甲', '乙'], answer: ['A'], explanation: '', difficulty: 2, topics: [], tests: [{ lawId: law.lawId, article: '第九十九条' }] },
        { type: 'FILL_BLANK', stem: `${stem} 四：期限为____日。`, options: [], answer: ['7|七'], explanation: '', difficulty: 2, topics: [], tests: `${law.lawId}:第二条` },
      ],
    }))
    const rows = await readQuestionFile('JSON', file)
    const count = async () => (await db.read<{ n: number }>('MATCH (q:Question) WHERE q.stem STARTS WITH $stem RETURN count(q) AS n', { stem }))[0]!.n

    const refused = await importQuestionRows(db, actor, rows, { importValidRows: false, publish: false })
    expect(refused).toMatchObject({ committed: false, imported: 0, refused: 2, questionIds: [] })
    expect(refused.rows.map(r => r.ok)).toEqual([true, false, false, true])
    expect(refused.rows[1]!.errors.join()).toContain('[answer]')
    expect(refused.rows[2]!.errors.join()).toContain('第九十九条')
    expect(await count()).toBe(0)

    const partial = await importQuestionRows(db, actor, rows, { importValidRows: true, publish: true })
    expect(partial).toMatchObject({ committed: true, imported: 2, refused: 2 })
    expect(partial.rows.map(r => r.questionId !== null)).toEqual([true, false, false, true])
    expect(await count()).toBe(2)
    expect((await findQuestion(db, partial.questionIds[0]!))!.status).toBe('PUBLISHED')
  })
})
