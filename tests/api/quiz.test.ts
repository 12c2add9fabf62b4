import type { GraphQLNamedType, GraphQLSchema } from 'graphql'
import type { TestServer } from '../helpers'
import { Buffer } from 'node:buffer'
import { getNamedType, isObjectType } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAppSchema } from '../../server/src/schema/schema'
import { gql, login, startTestServer, uniqueId } from '../helpers'

let server: TestServer
let trainer: string
let cadre: string
let articleId: string

const QUESTION_FIELDS = 'id type stem options answer explanation difficulty status version articles { id number text current } '

beforeAll(async () => {
  server = await startTestServer()
  trainer = await login(server.url, 'trainer')
  cadre = await login(server.url, 'cadre')
  const [row] = await server.db.read<{ id: string }>(
    `MATCH (:Law {id: 'major-decision-procedure'})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article {number: '第二十五条'}) RETURN a.id AS id`,
  )
  articleId = row!.id
})
afterAll(async () => {
  await server.stop()
})

describe('a trainer keeps the bank and builds quizzes over HTTP', () => {
  it('creates and publishes a question, builds a fixed and a blueprint quiz, publishes and previews them', async () => {
    const stem = `API 测试：决策草案提交讨论前，应当由哪个机构进行合法性审查？${uniqueId('s')}`
    const created = await gql(server.url, `mutation($input: QuestionInput!) { createQuestion(input: $input) { ${QUESTION_FIELDS} } }`, {
      input: { type: 'SINGLE', stem, options: ['负责合法性审查的部门', '信访部门', '档案部门'], answer: ['A'], explanation: '见第二十五条。', difficulty: 2, articleIds: [articleId] },
    }, trainer)
    expect(created.errors).toBeUndefined()
    const question = created.data.createQuestion
    expect(question).toMatchObject({ status: 'DRAFT', version: 1, answer: ['A'] })
    expect(question.articles[0]).toMatchObject({ id: articleId, number: '第二十五条', current: true })
    expect(question.articles[0].text).toBeTruthy()

    const published = await gql(server.url, 'mutation($id: ID!) { publishQuestion(id: $id) { id status } }', { id: question.id }, trainer)
    expect(published.data.publishQuestion.status).toBe('PUBLISHED')

    const listed = await gql(server.url, 'query($f: QuestionFilter) { questions(first: 5, filter: $f) { items { id } pageInfo { totalCount } } }', { f: { text: stem.slice(4, 20), articleId } }, trainer)
    expect(listed.data.questions.items.map((q: { id: string }) => q.id)).toContain(question.id)

    const fixed = await gql(server.url, 'mutation($input: QuizInput!) { createQuiz(input: $input) { id status kind questionCount maxScore items { order points question { id } } } }', {
      input: { title: `API 固定试卷 ${uniqueId('q')}`, kind: 'FIXED', mode: 'PRACTICE', items: [{ questionId: question.id, points: 5 }] },
    }, trainer)
    expect(fixed.errors).toBeUndefined()
    expect(fixed.data.createQuiz).toMatchObject({ status: 'DRAFT', kind: 'FIXED', questionCount: 1, maxScore: 5 })

    const capacity = await gql(server.url, 'query($rows: [BlueprintRowInput!]!) { blueprintCapacity(rows: $rows) { feasible rows { available enough targetName } } }', {
      rows: [{ kind: 'LAW', targetId: 'major-decision-procedure', count: 5, difficultyMin: 1, difficultyMax: 3 }],
    }, trainer)
    expect(capacity.data.blueprintCapacity.feasible).toBe(true)
    expect(capacity.data.blueprintCapacity.rows[0].available).toBeGreaterThanOrEqual(5)
    expect(capacity.data.blueprintCapacity.rows[0].targetName).toBe('重大行政决策程序暂行条例')

    const blueprint = await gql(server.url, 'mutation($input: QuizInput!) { createQuiz(input: $input) { id kind blueprint { targetName count available } } }', {
      input: { title: `API 抽题试卷 ${uniqueId('q')}`, kind: 'BLUEPRINT', mode: 'EXAM', timeLimitSec: 1200, blueprint: [{ kind: 'LAW', targetId: 'major-decision-procedure', count: 5, difficultyMin: 1, difficultyMax: 3, points: 4 }] },
    }, trainer)
    expect(blueprint.errors).toBeUndefined()
    const quizId = blueprint.data.createQuiz.id
    const publishedQuiz = await gql(server.url, 'mutation($id: ID!) { publishQuiz(id: $id) { status } }', { id: quizId }, trainer)
    expect(publishedQuiz.data.publishQuiz.status).toBe('PUBLISHED')

    const preview = await gql(server.url, 'query($id: ID!) { previewQuiz(quizId: $id, seed: "api") { seed maxScore items { order points displayedOptions displayedAnswer question { id answer difficulty } } } }', { id: quizId }, trainer)
    expect(preview.errors).toBeUndefined()
    expect(preview.data.previewQuiz.items).toHaveLength(5)
    expect(preview.data.previewQuiz.maxScore).toBe(20)
    for (const item of preview.data.previewQuiz.items) {
      expect(item.question.difficulty).toBeLessThanOrEqual(3)
      expect(item.displayedAnswer.length).toBeGreaterThan(0)
    }

    const short = await gql(server.url, 'mutation($input: QuizInput!) { createQuiz(input: $input) { id } }', {
      input: { title: 'API 抽题不足', kind: 'BLUEPRINT', blueprint: [{ kind: 'LAW', targetId: 'major-decision-procedure', count: 100, difficultyMin: 5, difficultyMax: 5 }] },
    }, trainer)
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(short.errors?.[0]?.message).toContain('《重大行政决策程序暂行条例》难度5 需要 100 题')
  })

  it('exports the bank as Excel and refuses an import over 2 MB with a clear error', async () => {
    const exported = await gql(server.url, 'query { exportQuestions(format: XLSX, filter: {lawId: "lawyers-law"}) { filename mimeType contentBase64 count } }', {}, trainer)
    expect(exported.errors).toBeUndefined()
    expect(exported.data.exportQuestions.count).toBeGreaterThan(0)
    expect(exported.data.exportQuestions.filename).toMatch(/\.xlsx$/)
    expect(Buffer.from(exported.data.exportQuestions.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK')

    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 65).toString('base64')
    const refused = await gql(server.url, 'mutation($c: String!) { importQuestions(format: JSON, contentBase64: $c) { imported } }', { c: big }, trainer)
    expect(refused.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE')
    expect(refused.errors?.[0]?.message).toContain('2 MB')

    const bad = await gql(server.url, 'mutation($c: String!) { importQuestions(format: XLSX, contentBase64: $c) { imported } }', { c: Buffer.from('not a workbook').toString('base64') }, trainer)
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(bad.errors?.[0]?.message).toContain('.xlsx')
  })
})

describe('cadres cannot reach the bank', () => {
  const sampleQuestion = 'q-mdp-001'
  const sampleQuiz = 'quiz-sample-premeeting-mdp'
  const operations: [string, string, Record<string, unknown>][] = [
    ['questions', '{ questions(first: 5) { items { id answer explanation } } }', {}],
    ['question', 'query($id: ID!) { question(id: $id) { id stem answer explanation } }', { id: sampleQuestion }],
    ['quiz', 'query($id: ID!) { quiz(id: $id) { id items { question { answer explanation } } } }', { id: sampleQuiz }],
    ['quizzes', '{ quizzes(first: 5) { items { id items { question { answer } } } } }', {}],
    ['previewQuiz', 'query($id: ID!) { previewQuiz(quizId: $id) { items { displayedAnswer question { answer explanation } } } }', { id: sampleQuiz }],
    ['blueprintCapacity', '{ blueprintCapacity(rows: [{kind: LAW, targetId: "major-decision-procedure", count: 1}]) { feasible } }', {}],
    ['exportQuestions', '{ exportQuestions(format: JSON) { contentBase64 } }', {}],
    ['createQuestion', 'mutation { createQuestion(input: {type: TRUE_FALSE, stem: "干部不应看到答案。", answer: ["TRUE"], difficulty: 1, articleIds: []}) { id answer } }', {}],
    ['publishQuestion', 'mutation($id: ID!) { publishQuestion(id: $id) { answer } }', { id: sampleQuestion }],
    ['markQuestionReviewed', 'mutation($id: ID!) { markQuestionReviewed(id: $id) { answer } }', { id: sampleQuestion }],
    ['createQuiz', 'mutation { createQuiz(input: {title: "干部组卷", kind: FIXED, items: [{questionId: "q-mdp-001"}]}) { id } }', {}],
    ['publishQuiz', 'mutation($id: ID!) { publishQuiz(id: $id) { id } }', { id: sampleQuiz }],
  ]

  it.each(operations)('%s is FORBIDDEN for a cadre and returns no answers', async (_name, query, variables) => {
    const result = await gql(server.url, query, variables, cadre)
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(result.status).toBe(403)
    expect(Object.values(result.data ?? {}).every(value => value === null)).toBe(true)
    expect(JSON.stringify(result)).not.toMatch(/"answer"|"explanation"|"displayedAnswer"/)
  })

  it('guards the answer fields themselves, on every path a cadre’s operations can reach', async () => {
    const schema: GraphQLSchema = await buildAppSchema()
    const guarded: Record<string, string[]> = { Question: ['answer', 'explanation'], QuizPreviewItem: ['displayedAnswer'] }
    for (const [typeName, fields] of Object.entries(guarded)) {
      const type = schema.getType(typeName)
      expect(isObjectType(type), typeName).toBe(true)
      for (const field of fields) {
        const rule = (type as { getFields: () => Record<string, { extensions: { access?: unknown } }> }).getFields()[field]!.extensions.access
        expect(rule, `${typeName}.${field}`).toEqual(['TRAINER', 'ADMIN'])
      }
    }
    // Which of these types can a cadre's operations return at all? Only through guarded fields.
    const cadreMay = (rule: unknown) => rule === 'PUBLIC' || rule === 'SIGNED_IN' || (Array.isArray(rule) && rule.includes('CADRE'))
    const reachable = new Set<string>()
    const visit = (type: GraphQLNamedType) => {
      if (reachable.has(type.name) || !isObjectType(type))
        return
      reachable.add(type.name)
      for (const field of Object.values(type.getFields())) {
        const rule = field.extensions?.access
        if (rule !== undefined && !cadreMay(rule))
          continue
        visit(getNamedType(field.type))
      }
    }
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        if (cadreMay(field.extensions?.access))
          visit(getNamedType(field.type))
      }
    }
    for (const [typeName, fields] of Object.entries(guarded)) {
      if (!reachable.has(typeName))
        continue
      const type = schema.getType(typeName) as { getFields: () => Record<string, { extensions: { access?: unknown } }> }
      for (const field of fields)
        expect(cadreMay(type.getFields()[field]!.extensions.access), `${typeName}.${field} reachable by a cadre`).toBe(false)
    }
  })

  it('an advisor is refused too; an admin may read answers', async () => {
    const advisor = await login(server.url, 'advisor')
    expect((await gql(server.url, '{ questions(first: 1) { items { id } } }', {}, advisor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const admin = await login(server.url, 'admin')
    const result = await gql(server.url, 'query($id: ID!) { question(id: $id) { answer explanation } }', { id: 'q-mdp-001' }, admin)
    expect(result.data.question.answer).toEqual(['D'])
  })
})
