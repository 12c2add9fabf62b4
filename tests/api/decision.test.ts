import type { TestServer } from '../helpers'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, login, startTestServer, uniqueId } from '../helpers'

let server: TestServer
let advisor: string
let cadre: string
let trainer: string

beforeAll(async () => {
  server = await startTestServer()
  ;[advisor, cadre, trainer] = await Promise.all([login(server.url, 'advisor'), login(server.url, 'cadre'), login(server.url, 'trainer')])
})
afterAll(async () => {
  await server.stop()
})

const CREATE = `mutation($input: DecisionInput!) {
  createDecision(input: $input) { id title status year catalogue { id } organization { id } compliance { verdict missingSteps } }
}`
const APPEND = `mutation($input: AppendStepRecordInput!) {
  appendStepRecord(input: $input) {
    created
    record { id stepCode completedOn evidence { title number } performedBy { name } effective }
    decision { id records { id } compliance { verdict missingSteps findings { code step message rule { id article { number } } } } }
  }
}`
const DECISION = `query($id: ID!) {
  decision(id: $id) {
    id status confidential
    compliance {
      verdict
      ruleSet { id lawTitle }
      findings { code step recordId message rule { id description article { id number lawId } law { id title } articleUnknown } }
    }
  }
}`
const LIST = `query($filter: DecisionFilter, $first: Int!, $after: String) {
  decisions(filter: $filter, first: $first, after: $after) {
    items { id status confidential compliance { verdict missingSteps } }
    pageInfo { totalCount hasNextPage endCursor }
  }
}`
const OVERVIEW = `query($year: Int, $organizationId: ID) {
  complianceOverview(year: $year, organizationId: $organizationId) {
    total byVerdict { verdict count } missingByStep { step count }
  }
}`

function decisionInput(overrides: Record<string, unknown> = {}) {
  return {
    title: `${uniqueId('接口测试决策')}`,
    summary: '接口测试',
    organizationId: 'org-waigang',
    decidedOn: '2022-10-20',
    status: 'ARCHIVED',
    affectsPublic: false,
    technical: false,
    stabilityRisk: false,
    confidential: true,
    basedOnArticleIds: [],
    ...overrides,
  }
}

function recordInput(decisionId: string, overrides: Record<string, unknown> = {}) {
  return {
    decisionId,
    clientId: randomUUID(),
    stepCode: 'LEGALITY_REVIEW',
    startedOn: '2022-09-26',
    completedOn: '2022-10-12',
    outcome: '审查意见：合法。',
    evidence: [{ title: '合法性审查意见书', number: '测审〔2022〕3号' }],
    ...overrides,
  }
}

async function totalCount(token: string, filter: Record<string, unknown>): Promise<number> {
  const result = await gql(server.url, LIST, { filter, first: 1 }, token)
  expect(result.errors).toBeUndefined()
  return result.data.decisions.pageInfo.totalCount
}

describe('an advisor records a decision’s procedure over HTTP', () => {
  it('creates a decision, appends records and sees the verdict change', async () => {
    const created = await gql(server.url, CREATE, { input: decisionInput() }, advisor)
    expect(created.errors).toBeUndefined()
    const decision = created.data.createDecision
    expect(decision).toMatchObject({ status: 'ARCHIVED', year: 2022, catalogue: { id: 'catalogue-org-waigang-2022' }, organization: { id: 'org-waigang' } })
    expect(decision.compliance.verdict).toBe('NON_COMPLIANT')
    expect(decision.compliance.missingSteps).toEqual(['LEGALITY_REVIEW', 'COLLECTIVE_DECISION', 'PARTY_REPORT', 'ARCHIVING'])

    // The review says what 第二十五条第二款 and 第二十八条 ask about: its conclusion and the legal opinion.
    const review = await gql(server.url, APPEND, { input: recordInput(decision.id, { submittedOn: '2022-09-26', conclusion: 'LAWFUL', legalOpinionBy: 'LEGAL_ADVISER' }) }, advisor)
    expect(review.errors).toBeUndefined()
    expect(review.data.appendStepRecord.created).toBe(true)
    expect(review.data.appendStepRecord.record).toMatchObject({ stepCode: 'LEGALITY_REVIEW', completedOn: '2022-10-12', effective: true, performedBy: { name: '法律顾问 李律师（示例）' } })
    expect(review.data.appendStepRecord.decision.compliance.missingSteps).not.toContain('LEGALITY_REVIEW')

    for (const [stepCode, completedOn] of [['COLLECTIVE_DECISION', '2022-10-20'], ['PARTY_REPORT', '2022-10-24']]) {
      const r = await gql(server.url, APPEND, { input: recordInput(decision.id, { stepCode, startedOn: null, completedOn, evidence: [{ title: '会议纪要' }] }) }, advisor)
      expect(r.errors).toBeUndefined()
      expect(r.data.appendStepRecord.decision.compliance.verdict).toBe('NON_COMPLIANT')
    }
    const last = await gql(server.url, APPEND, { input: recordInput(decision.id, { stepCode: 'ARCHIVING', startedOn: null, completedOn: '2022-11-30', evidence: [{ title: '档案目录' }] }) }, advisor)
    expect(last.data.appendStepRecord.decision.compliance.verdict).toBe('COMPLIANT')

    const read = await gql(server.url, DECISION, { id: decision.id }, advisor)
    expect(read.data.decision.compliance.verdict).toBe('COMPLIANT')
    expect(read.data.decision.compliance.ruleSet).toEqual({ id: 'mdp-713', lawTitle: '重大行政决策程序暂行条例' })
    const finding = read.data.decision.compliance.findings.find((f: { step: string }) => f.step === 'LEGALITY_REVIEW')
    expect(finding).toMatchObject({ code: 'DONE', rule: { article: { number: '第二十五条', lawId: 'major-decision-procedure' }, law: { id: 'major-decision-procedure' }, articleUnknown: false } })
  })

  it('finds articles for the legal basis, and edits a decision', async () => {
    const byNumber = await gql(server.url, `query($text: String!) { decisionBasisArticles(text: $text) { id number lawId lawTitle } }`, { text: '重大行政决策程序暂行条例 第三条' }, advisor)
    expect(byNumber.errors).toBeUndefined()
    expect(byNumber.data.decisionBasisArticles).toEqual([expect.objectContaining({ number: '第三条', lawId: 'major-decision-procedure' })])
    const byWords = await gql(server.url, `query($text: String!) { decisionBasisArticles(text: $text) { id number lawId } }`, { text: '合法性审查' }, advisor)
    expect(byWords.data.decisionBasisArticles.length).toBeGreaterThan(0)
    const articleId = byNumber.data.decisionBasisArticles[0].id

    const created = await gql(server.url, CREATE, { input: decisionInput({ basedOnArticleIds: [articleId] }) }, advisor)
    const id = created.data.createDecision.id
    expect(created.data.createDecision.compliance.verdict).toBe('NON_COMPLIANT')
    const UPDATE = `mutation($id: ID!, $input: DecisionInput!) {
      updateDecision(id: $id, input: $input) { id status year basedOn { id number } compliance { verdict } }
    }`
    const edited = await gql(server.url, UPDATE, { id, input: decisionInput({ title: '改过的标题', status: 'IN_PROGRESS', decidedOn: '2026-12-30', basedOnArticleIds: [articleId] }) }, advisor)
    expect(edited.errors).toBeUndefined()
    expect(edited.data.updateDecision).toMatchObject({ status: 'IN_PROGRESS', year: 2026, basedOn: [{ id: articleId, number: '第三条' }], compliance: { verdict: 'INCOMPLETE' } })
    const refused = await gql(server.url, UPDATE, { id, input: decisionInput({ basedOnArticleIds: ['no-such-article'] }) }, advisor)
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    const unchanged = await gql(server.url, `query($id: ID!) { decision(id: $id) { status basedOn { id } } }`, { id }, advisor)
    expect(unchanged.data.decision).toEqual({ status: 'IN_PROGRESS', basedOn: [{ id: articleId }] })
  })

  it('searches the legal basis for text with Lucene operators as plain words (issue 16 item 7)', async () => {
    const SEARCH = `query($text: String!) { decisionBasisArticles(text: $text) { id number lawId } }`
    // These gave INTERNAL_SERVER_ERROR: AND and an unclosed bracket reached Lucene as query syntax.
    for (const text of ['AND', '合法性审查 AND (', 'OR NOT', '") // *']) {
      const res = await gql(server.url, SEARCH, { text }, advisor)
      expect(res.errors, text).toBeUndefined()
      expect(Array.isArray(res.data.decisionBasisArticles), text).toBe(true)
    }
    const mixed = await gql(server.url, SEARCH, { text: '合法性审查 AND (' }, advisor)
    expect(mixed.data.decisionBasisArticles.length).toBeGreaterThan(0)
  })

  it('records a resubmitted clientId once', async () => {
    const { data } = await gql(server.url, CREATE, { input: decisionInput() }, advisor)
    const input = recordInput(data.createDecision.id)
    const first = await gql(server.url, APPEND, { input }, advisor)
    const second = await gql(server.url, APPEND, { input }, advisor)
    expect(second.data.appendStepRecord.created).toBe(false)
    expect(second.data.appendStepRecord.record.id).toBe(first.data.appendStepRecord.record.id)
    expect(second.data.appendStepRecord.decision.records).toHaveLength(1)
  })

  it('records a review concluded 不合法 and discussed anyway: NON_COMPLIANT citing 第二十五条 as data (issue 17)', async () => {
    // 第二十五条第二款: "决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论。"
    const { data } = await gql(server.url, CREATE, { input: decisionInput() }, advisor)
    const id = data.createDecision.id
    const FULL = `mutation($input: AppendStepRecordInput!) {
      appendStepRecord(input: $input) {
        record { id submittedOn conclusion legalOpinionBy exploratoryReform methods shortenedReason alreadyAssessedRef lateEntry }
        decision { compliance { verdict findings { code step defect citations { lawId lawTitle number link article { id number } } } } }
      }
    }`
    const review = await gql(server.url, FULL, { input: recordInput(id, { submittedOn: '2022-09-26', conclusion: 'UNLAWFUL', legalOpinionBy: 'PUBLIC_LAWYER' }) }, advisor)
    expect(review.errors).toBeUndefined()
    expect(review.data.appendStepRecord.record).toMatchObject({ submittedOn: '2022-09-26', conclusion: 'UNLAWFUL', legalOpinionBy: 'PUBLIC_LAWYER', exploratoryReform: false, methods: [], lateEntry: true })
    // Not yet discussed: the draft is held back, the step stays open.
    expect(review.data.appendStepRecord.decision.compliance.findings.find((f: { step: string }) => f.step === 'LEGALITY_REVIEW').code).toBe('PENDING')
    const meeting = await gql(server.url, FULL, { input: recordInput(id, { stepCode: 'COLLECTIVE_DECISION', startedOn: null, completedOn: '2022-10-20', evidence: [{ title: '会议纪要' }] }) }, advisor)
    expect(meeting.errors).toBeUndefined()
    const { compliance } = meeting.data.appendStepRecord.decision
    expect(compliance.verdict).toBe('NON_COMPLIANT')
    const finding = compliance.findings.find((f: { step: string }) => f.step === 'LEGALITY_REVIEW')
    expect(finding).toMatchObject({ code: 'UNLAWFUL_DISCUSSED', defect: true })
    expect(finding.citations).toEqual([expect.objectContaining({ lawId: 'major-decision-procedure', lawTitle: '重大行政决策程序暂行条例', number: '第二十五条', article: expect.objectContaining({ number: '第二十五条' }) })])
    expect(finding.citations[0].link).toBe(`/articles/${encodeURIComponent(finding.citations[0].article.id)}`)
  })

  it('takes the law\'s facts on the steps they belong to, and a correction only of the same step (issue 17)', async () => {
    const { data } = await gql(server.url, CREATE, { input: decisionInput({ confidential: false, affectsPublic: true }) }, advisor)
    const id = data.createDecision.id
    const FACTS = `mutation($input: AppendStepRecordInput!) {
      appendStepRecord(input: $input) { record { id stepCode methods shortenedReason alreadyAssessedRef } decision { compliance { findings { code step message citations { number } } } } }
    }`
    // 第十五条: a shortened period is met when the reason was stated when the call was published.
    const pp = await gql(server.url, FACTS, { input: recordInput(id, { stepCode: 'PUBLIC_PARTICIPATION', startedOn: '2022-08-01', completedOn: '2022-08-21', methods: ['PUBLIC_COMMENT', 'HEARING'], shortenedReason: '汛期抢险急需（测试）', evidence: [{ title: '征求意见公告' }] }) }, advisor)
    expect(pp.errors).toBeUndefined()
    expect(pp.data.appendStepRecord.record).toMatchObject({ methods: ['PUBLIC_COMMENT', 'HEARING'], shortenedReason: '汛期抢险急需（测试）' })
    const done = pp.data.appendStepRecord.decision.compliance.findings.find((f: { step: string }) => f.step === 'PUBLIC_PARTICIPATION')
    expect(done.code).toBe('DONE')
    expect(done.message).toContain('汛期抢险急需')
    expect(done.citations.map((c: { number: string }) => c.number)).toEqual(['第十四条', '第十五条'])

    const refused: [Record<string, unknown>, string][] = [
      [{ stepCode: 'LEGALITY_REVIEW', methods: ['HEARING'] }, 'methods'],
      [{ stepCode: 'PUBLIC_PARTICIPATION', conclusion: 'LAWFUL' }, 'conclusion'],
      [{ stepCode: 'LEGALITY_REVIEW', submittedOn: '2022-10-13' }, 'submittedOn'],
      [{ stepCode: 'LEGALITY_REVIEW', conclusion: 'LAWFUL', exploratoryReform: true }, 'exploratoryReform'],
      // Point 8: a correction keeps the step code.
      [{ stepCode: 'LEGALITY_REVIEW', correctsId: pp.data.appendStepRecord.record.id }, 'stepCode'],
    ]
    for (const [patch, field] of refused) {
      const result = await gql(server.url, FACTS, { input: recordInput(id, patch) }, advisor)
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(patch)).toBe('BAD_USER_INPUT')
      expect((result.errors?.[0]?.extensions?.details as { field?: string } | undefined)?.field, JSON.stringify(patch)).toBe(field)
      expect(result.errors?.[0]?.message).toMatch(/[\u4E00-\u9FFF]/)
    }
    const read = await gql(server.url, `query($id: ID!) { decision(id: $id) { records { id } } }`, { id }, advisor)
    expect(read.data.decision.records).toHaveLength(1)
  })

  it('refuses bad records with a clear error and changes nothing', async () => {
    const { data } = await gql(server.url, CREATE, { input: decisionInput() }, advisor)
    const id = data.createDecision.id
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ startedOn: '2022-10-12', completedOn: '2022-09-26' }, 'BAD_USER_INPUT', /completion before start/],
      [{ startedOn: null, completedOn: '2099-12-31' }, 'BAD_USER_INPUT', /future/],
      [{ stepCode: 'VOTE' }, 'BAD_USER_INPUT', /VOTE/],
      [{ completedOn: '12 Oct' }, 'BAD_USER_INPUT', /YYYY-MM-DD/],
      [{ decisionId: uniqueId('decision') }, 'NOT_FOUND', /not found/],
    ]
    for (const [patch, code, message] of cases) {
      const result = await gql(server.url, APPEND, { input: recordInput(id, patch) }, advisor)
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(patch)).toBe(code)
      expect(result.errors?.[0]?.message).toMatch(message)
    }
    const read = await gql(server.url, `query($id: ID!) { decision(id: $id) { records { id } } }`, { id }, advisor)
    expect(read.data.decision.records).toEqual([])
  })

  it('lets a trainer read but not write', async () => {
    const list = await gql(server.url, LIST, { first: 5 }, trainer)
    expect(list.errors).toBeUndefined()
    const create = await gql(server.url, CREATE, { input: decisionInput() }, trainer)
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })

  it('asks for a session', async () => {
    const result = await gql(server.url, LIST, { first: 5 })
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})

describe('a cadre', () => {
  it('cannot create decisions or append records', async () => {
    const title = uniqueId('干部不能建')
    const create = await gql(server.url, CREATE, { input: decisionInput({ title }) }, cadre)
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const append = await gql(server.url, APPEND, { input: recordInput('decision-sample-2022-no-review') }, cadre)
    expect(append.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(await totalCount(advisor, { text: title })).toBe(0)
  })

  it('sees only published, non-confidential decisions', async () => {
    const hidden = await gql(server.url, CREATE, { input: decisionInput({ status: 'DECIDED', confidential: false }) }, advisor)
    const hiddenId = hidden.data.createDecision.id
    const all = await gql(server.url, LIST, { first: 100 }, cadre)
    expect(all.errors).toBeUndefined()
    expect(all.data.decisions.items.length).toBeGreaterThan(0)
    for (const item of all.data.decisions.items) {
      expect(['PUBLISHED', 'ARCHIVED']).toContain(item.status)
      expect(item.confidential).toBe(false)
    }
    expect(all.data.decisions.items.map((i: { id: string }) => i.id)).not.toContain(hiddenId)
    for (const id of [hiddenId, 'decision-sample-2024-confidential', 'decision-sample-2026-in-progress']) {
      const one = await gql(server.url, DECISION, { id }, cadre)
      expect(one.errors?.[0]?.extensions?.code, id).toBe('NOT_FOUND')
    }
    const open = await gql(server.url, DECISION, { id: 'decision-sample-2021-renovation' }, cadre)
    expect(open.data.decision.compliance.verdict).toBe('COMPLIANT')
    const overview = await gql(server.url, OVERVIEW, {}, cadre)
    expect(overview.data.complianceOverview.total).toBe(all.data.decisions.pageInfo.totalCount)
  })
})

describe('complianceOverview', () => {
  it.each([
    ['advisor', {}],
    ['advisor', { year: 2023 }],
    ['advisor', { year: 2024, organizationId: 'org-waigang-planning' }],
    ['cadre', { year: 2022 }],
  ])('counts add up to the decisions in the filter (%s, %o)', async (who, filter) => {
    const token = who === 'cadre' ? cadre : advisor
    const result = await gql(server.url, OVERVIEW, filter, token)
    expect(result.errors).toBeUndefined()
    const overview = result.data.complianceOverview
    expect(overview.total).toBe(await totalCount(token, filter))
    expect(overview.byVerdict.reduce((n: number, v: { count: number }) => n + v.count, 0)).toBe(overview.total)
    for (const { verdict, count } of overview.byVerdict)
      expect(count, verdict).toBe(await totalCount(token, { ...filter, verdict }))
    for (const { step, count } of overview.missingByStep)
      expect(count, step).toBe(await totalCount(token, { ...filter, step }))
  })
})
