import type { SampleDecision } from '../../seeds/decision'
import type { Database } from '../../server/src/db/database'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleDecisions } from '../../seeds/decision'
import { readSeed } from '../../seeds/seed'
import { findLoginRecord } from '../../server/src/auth/user.repository'
import { currentRoundTrips, withRoundTripCounter } from '../../server/src/db/database'
import { shanghaiToday } from '../../server/src/decision/assessment'
import { complianceOverview, listCatalogues, listDecisions } from '../../server/src/decision/catalogue.repository'
import { createDecision, findDecision, updateDecision } from '../../server/src/decision/decision.repository'
import { appendStepRecord, countStepRecords } from '../../server/src/decision/stepRecord.repository'
import { STEP_ORDER } from '../../server/src/decision/steps'
import { connectTestDatabase, uniqueId } from '../helpers'

const FULL = { restricted: false }
const CADRE = { restricted: true }

interface RulesFile { ruleSets: { id: string, lawId: string, rules: { id: string, step: string, articleNumbers: string[], periodArticleNumber?: string | null, articleUnknown?: boolean }[] }[] }

let db: Database
const samples = sampleDecisions()

beforeAll(async () => {
  db = await connectTestDatabase()
})
afterAll(async () => {
  await db.close()
})

/** A decision of this test, decided in 2021 under 令第713号, with no records yet. */
async function ownDecision(overrides: Partial<Parameters<typeof createDecision>[2]> = {}): Promise<string> {
  return createDecision(db, null, {
    title: `${uniqueId('决策')}（测试）`,
    organizationId: 'org-waigang',
    decidedOn: '2021-06-10',
    status: 'ARCHIVED',
    affectsPublic: false,
    technical: false,
    stabilityRisk: false,
    confidential: false,
    basedOnArticleIds: [],
    ...overrides,
  })
}

function record(decisionId: string, patch: Partial<Parameters<typeof appendStepRecord>[2]> = {}) {
  return {
    decisionId,
    clientId: randomUUID(),
    stepCode: 'LEGALITY_REVIEW',
    startedOn: '2021-05-20',
    completedOn: '2021-06-02',
    evidence: [{ title: '合法性审查意见书', number: '测审〔2021〕1号' }],
    ...patch,
  }
}

describe('rules in the graph', () => {
  it('has the eight procedure steps in order', async () => {
    const steps = await db.read<{ code: string, order: number }>('MATCH (p:ProcedureStep) RETURN p.code AS code, p.order AS order ORDER BY p.order')
    expect(steps.map(s => s.code)).toEqual(STEP_ORDER)
  })

  it('ties every rule to the existing article that creates it, or to its law when the article is unknown', async () => {
    const file = readSeed<RulesFile>('rules.json')
    const rows = await db.read<{
      setId: string
      lawId: string
      id: string
      step: string
      articleUnknown: boolean
      articles: { id: string, number: string, lawId: string, role: string, inCurrentVersion: boolean }[]
      laws: string[]
    }>(
      `MATCH (s:RuleSet)-[:HAS_RULE]->(r:StepRule)-[:REQUIRES]->(p:ProcedureStep)
       RETURN s.id AS setId, s.lawId AS lawId, r.id AS id, p.code AS step, r.articleUnknown AS articleUnknown,
         [(r)-[c:CREATED_BY]->(a:Article) | {id: a.id, number: a.number, lawId: a.lawId, role: c.role,
           inCurrentVersion: EXISTS { (:Law {id: s.lawId})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a) }}] AS articles,
         [(r)-[:CREATED_BY_LAW]->(l:Law) | l.id] AS laws`,
    )
    const expected = file.ruleSets.flatMap(set => set.rules.map(rule => ({ ...rule, setId: set.id, lawId: set.lawId })))
    expect(rows.map(r => r.id).sort()).toEqual(expected.map(r => r.id).sort())
    for (const want of expected) {
      const got = rows.find(r => r.id === want.id)!
      expect(got.setId).toBe(want.setId)
      expect(got.step).toBe(want.step)
      if (want.articleUnknown) {
        expect(got.articleUnknown, want.id).toBe(true)
        expect(got.articles, `${want.id} cites no article`).toEqual([])
        expect(got.laws, `${want.id} is tied to its law`).toEqual([want.lawId])
        continue
      }
      expect(got.laws, `${want.id} resolved every article`).toEqual([])
      const main = got.articles.filter(a => a.role === 'MAIN').map(a => a.number).sort()
      expect(main, want.id).toEqual([...want.articleNumbers].sort())
      const period = got.articles.filter(a => a.role === 'PERIOD').map(a => a.number)
      expect(period, want.id).toEqual(want.periodArticleNumber ? [want.periodArticleNumber] : [])
      for (const article of got.articles) {
        expect(article.lawId, want.id).toBe(want.lawId)
        if (want.setId === 'mdp-713')
          expect(article.inCurrentVersion, `${want.id} → ${article.number} in the current version`).toBe(true)
      }
    }
  })

  it('links the legality-review rule of 令第713号 to an article with text', async () => {
    const [row] = await db.read<{ number: string, hasText: boolean }>(
      `MATCH (:StepRule {id: 'mdp-713-legality-review'})-[:CREATED_BY {role: 'MAIN'}]->(a:Article)
       RETURN a.number AS number, (a.text IS NOT NULL OR a.summary IS NOT NULL) AS hasText`,
    )
    expect(row).toEqual({ number: '第二十五条', hasText: true })
  })
})

describe('sample decisions (示例)', () => {
  it('cover every verdict and every kind of finding', () => {
    expect(new Set(samples.map(s => s.expected.verdict))).toEqual(new Set(['COMPLIANT', 'INCOMPLETE', 'NON_COMPLIANT']))
    const codes = new Set(samples.flatMap(s => s.expected.findings.map(f => f[1])))
    for (const code of ['DONE', 'REQUIRED_MISSING', 'NOT_REQUIRED', 'OUT_OF_ORDER', 'PERIOD_TOO_SHORT', 'NO_EVIDENCE', 'PENDING', 'NO_RULE_SET'])
      expect(codes, code).toContain(code)
    expect(samples.some(s => s.domain === '工业经济和信息化' && s.expected.ruleSetId === 'shanghai-47')).toBe(true)
  })

  it.each(samples.map(s => [s.title, s] as [string, SampleDecision]))('%s gets its expected verdict through the repository and engine', async (_title, sample) => {
    const decision = await findDecision(db, sample.id, FULL)
    expect(decision).not.toBeNull()
    expect(decision!.sample).toBe(true)
    expect(decision!.title).toMatch(/（示例）$/)
    expect(decision!.records.length).toBe(sample.records.length)
    const { compliance } = decision!
    expect(compliance.ruleSet?.id ?? null).toBe(sample.expected.ruleSetId)
    expect(compliance.verdict, JSON.stringify(compliance.findings.map(f => [f.step, f.code]))).toBe(sample.expected.verdict)
    for (const [step, code, cites] of sample.expected.findings) {
      const found = compliance.findings.filter(f => f.step === step && f.code === code)
      expect(found, `${step} ${code}`).toHaveLength(1)
      if (cites) {
        expect(found[0]!.message).toContain(cites)
        const rule = found[0]!.rule!
        expect([rule.article?.number, rule.periodArticle?.number]).toContain(cites)
      }
    }
    expect(decision!.basedOn.map(a => a.number)).toEqual(sample.basedOn.map(b => b.number))
  })

  it('cites no article number for a 2017 rule whose article is unknown, but names the law', async () => {
    const decision = await findDecision(db, 'decision-sample-2017-industry', FULL)
    const review = decision!.compliance.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(review.rule).toMatchObject({ articleUnknown: true, article: null, law: { id: 'shanghai-major-decision-procedure-2016' } })
    expect(review.message).toContain('条号不详')
    expect(review.message).not.toMatch(/第[一二三四五六七八九十百]+条/)
  })

  it('keeps the corrected record in the history and counts the correction', async () => {
    const decision = (await findDecision(db, 'decision-sample-2024-corrected', FULL))!
    const participation = decision.records.filter(r => r.stepCode === 'PUBLIC_PARTICIPATION')
    expect(participation).toHaveLength(2)
    const [original, correction] = participation
    expect(original).toMatchObject({ completedOn: '2024-03-21', effective: false, correctedByIds: [correction!.id] })
    expect(correction).toMatchObject({ completedOn: '2024-04-01', effective: true, correctsId: original!.id })
    const finding = decision.compliance.findings.find(f => f.step === 'PUBLIC_PARTICIPATION')!
    expect(finding).toMatchObject({ code: 'DONE', recordId: correction!.id })
  })

  it('shows the legal advisor as the person who performed the legality reviews', async () => {
    const advisor = await findLoginRecord(db, 'advisor')
    const decision = (await findDecision(db, 'decision-sample-2021-renovation', FULL))!
    const review = decision.records.find(r => r.stepCode === 'LEGALITY_REVIEW')!
    expect(review.performedBy?.id).toBe(advisor!.user.personId)
  })
})

describe('step records are append-only and checked', () => {
  it('changes the verdict when the missing step is recorded, and audits the write', async () => {
    const id = await ownDecision({ status: 'ARCHIVED' })
    expect((await findDecision(db, id, FULL))!.compliance.verdict).toBe('NON_COMPLIANT')
    await appendStepRecord(db, null, record(id, { stepCode: 'PUBLIC_PARTICIPATION', startedOn: '2021-04-01', completedOn: '2021-05-06' }))
    for (const [stepCode, completedOn] of [['COLLECTIVE_DECISION', '2021-06-10'], ['PARTY_REPORT', '2021-06-11'], ['PUBLICATION', '2021-06-15'], ['ARCHIVING', '2021-07-01']] as const)
      await appendStepRecord(db, null, record(id, { stepCode, startedOn: null, completedOn, evidence: [{ title: '纪要' }] }))
    const before = (await findDecision(db, id, FULL))!.compliance
    expect(before.verdict).toBe('NON_COMPLIANT')
    expect(before.missingSteps).toEqual(['LEGALITY_REVIEW'])
    const { id: recordId, created } = await appendStepRecord(db, null, record(id))
    expect(created).toBe(true)
    const after = (await findDecision(db, id, FULL))!.compliance
    expect(after.verdict).toBe('COMPLIANT')
    expect(after.findings.find(f => f.step === 'LEGALITY_REVIEW')).toMatchObject({ code: 'DONE', recordId })
    const audit = await db.read('MATCH (e:AuditEvent {operation: \'appendStepRecord\'}) WHERE $id IN e.targetIds RETURN e.id AS id', { id: recordId })
    expect(audit).toHaveLength(1)
  })

  it('records the same clientId once, even when sent twice at the same time', async () => {
    const id = await ownDecision()
    const input = record(id)
    const first = await appendStepRecord(db, null, input)
    const again = await appendStepRecord(db, null, input)
    expect(again).toEqual({ id: first.id, created: false })
    expect(await countStepRecords(db, id)).toBe(1)

    const racing = record(id, { stepCode: 'ARCHIVING', startedOn: null })
    const results = await Promise.all([appendStepRecord(db, null, racing), appendStepRecord(db, null, racing)])
    expect(results.filter(r => r.created)).toHaveLength(1)
    expect(results[0]!.id).toBe(results[1]!.id)
    expect(await countStepRecords(db, id)).toBe(2)
  })

  it.each([
    ['completion before start', { startedOn: '2021-06-02', completedOn: '2021-05-20' }, 'BAD_USER_INPUT'],
    ['a completion date in the future', { startedOn: null, completedOn: '2099-01-01' }, 'BAD_USER_INPUT'],
    ['an unknown step code', { stepCode: 'VOTE' }, 'BAD_USER_INPUT'],
    ['an impossible date', { completedOn: '2021-02-30' }, 'BAD_USER_INPUT'],
    ['no date at all', { startedOn: null, completedOn: null }, 'BAD_USER_INPUT'],
    ['a clientId that is not a UUID', { clientId: 'twice' }, 'BAD_USER_INPUT'],
  ])('refuses %s and records nothing', async (_name, patch, code) => {
    const id = await ownDecision()
    await appendStepRecord(db, null, record(id, { stepCode: 'PUBLIC_PARTICIPATION' }))
    const before = await countStepRecords(db, id)
    await expect(appendStepRecord(db, null, record(id, patch))).rejects.toMatchObject({ extensions: { code } })
    expect(await countStepRecords(db, id)).toBe(before)
  })

  it('refuses a record for an unknown decision', async () => {
    const missing = uniqueId('decision')
    const input = record(missing)
    await expect(appendStepRecord(db, null, input)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } })
    const [row] = await db.read<{ n: number }>('MATCH (r:StepRecord {clientId: $clientId}) RETURN count(r) AS n', { clientId: input.clientId })
    expect(row!.n).toBe(0)
  })

  it('refuses to correct a record of another decision, and reuse of a clientId on another decision', async () => {
    const one = await ownDecision()
    const other = await ownDecision()
    const theirs = await appendStepRecord(db, null, record(other))
    const beforeOne = await countStepRecords(db, one)
    await expect(appendStepRecord(db, null, record(one, { correctsId: theirs.id }))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
    await expect(appendStepRecord(db, null, record(one, { correctsId: uniqueId('record') }))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
    const reused = record(other)
    await appendStepRecord(db, null, reused)
    await expect(appendStepRecord(db, null, { ...reused, decisionId: one })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } })
    expect(await countStepRecords(db, one)).toBe(beforeOne)
  })

  it('corrects a record by appending, keeping the original', async () => {
    const id = await ownDecision()
    const wrong = await appendStepRecord(db, null, record(id, { completedOn: '2021-06-20' }))
    const fix = await appendStepRecord(db, null, record(id, { completedOn: '2021-06-03', correctsId: wrong.id }))
    const decision = (await findDecision(db, id, FULL))!
    expect(decision.records.map(r => [r.id, r.effective])).toEqual([[wrong.id, false], [fix.id, true]])
    const [stored] = await db.read<{ completedOn: string }>('MATCH (r:StepRecord {id: $id}) RETURN toString(r.completedOn) AS completedOn', { id: wrong.id })
    expect(stored!.completedOn).toBe('2021-06-20')
  })

  it('lists a correction after what it corrects even when both were recorded in the same millisecond', async () => {
    const id = await ownDecision()
    const wrong = await appendStepRecord(db, null, record(id, { completedOn: '2021-06-20' }))
    const fix = await appendStepRecord(db, null, record(id, { completedOn: '2021-06-03', correctsId: wrong.id }))
    // The same time for both, and ids that sort the other way round.
    const ids = { wrong: `z-${uniqueId('record')}`, fix: `a-${uniqueId('record')}` }
    await db.write(
      `MATCH (w:StepRecord {id: $wrong}), (f:StepRecord {id: $fix})
       SET w.id = $ids.wrong, f.id = $ids.fix, w.recordedAt = datetime('2021-06-21T08:00:00.123Z'), f.recordedAt = w.recordedAt`,
      { wrong: wrong.id, fix: fix.id, ids },
    )
    const decision = (await findDecision(db, id, FULL))!
    expect(decision.records.map(r => [r.id, r.effective])).toEqual([[ids.wrong, false], [ids.fix, true]])
  })

  it('lists records by the time they were recorded, to the millisecond', async () => {
    const id = await ownDecision()
    const first = await appendStepRecord(db, null, record(id, { completedOn: '2021-06-20' }))
    const second = await appendStepRecord(db, null, record(id, { stepCode: 'RISK_ASSESSMENT', completedOn: '2021-06-21' }))
    // 08.9 before 08.91 (as text, without trailing zeros, "08.9Z" sorts after "08.91Z"), ids the other way.
    const ids = { first: `z-${uniqueId('record')}`, second: `a-${uniqueId('record')}` }
    await db.write(
      `MATCH (f:StepRecord {id: $first}), (s:StepRecord {id: $second})
       SET f.id = $ids.first, s.id = $ids.second, f.recordedAt = datetime('2021-06-21T08:00:08.9Z'), s.recordedAt = datetime('2021-06-21T08:00:08.91Z')`,
      { first: first.id, second: second.id, ids },
    )
    const decision = (await findDecision(db, id, FULL))!
    expect(decision.records.map(r => r.id)).toEqual([ids.first, ids.second])
  })

  it('refuses a decision of an unknown organisation or with unknown articles, writing nothing', async () => {
    const title = uniqueId('决策')
    await expect(ownDecision({ title, organizationId: uniqueId('org') })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } })
    await expect(ownDecision({ title, basedOnArticleIds: [uniqueId('article')] })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
    await expect(ownDecision({ title, decidedOn: '2021-13-01' })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } })
    const [row] = await db.read<{ n: number }>('MATCH (d:Decision {title: $title}) RETURN count(d) AS n', { title })
    expect(row!.n).toBe(0)
  })

  it('moves a decision between catalogues when its organisation or year changes', async () => {
    const id = await ownDecision()
    const created = (await findDecision(db, id, FULL))!
    expect(created.catalogue?.id).toBe('catalogue-org-waigang-2021')
    await updateDecision(db, null, id, {
      title: created.title,
      organizationId: 'org-waigang-planning',
      decidedOn: '2022-03-01',
      status: 'DECIDED',
      affectsPublic: true,
      technical: false,
      stabilityRisk: false,
      confidential: false,
      basedOnArticleIds: [],
    })
    const moved = (await findDecision(db, id, FULL))!
    expect(moved).toMatchObject({ year: 2022, status: 'DECIDED', decidedOn: '2022-03-01', organization: { id: 'org-waigang-planning' }, catalogue: { id: 'catalogue-org-waigang-planning-2022', year: 2022 } })
    await expect(updateDecision(db, null, uniqueId('decision'), { ...moved, organizationId: 'org-waigang', basedOnArticleIds: [] })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } })
  })
})

describe('reading the catalogue', () => {
  it('shows a cadre only published, non-confidential decisions, in lists, details and counts', async () => {
    const draft = await ownDecision({ status: 'DRAFT', decidedOn: null })
    const secret = await ownDecision({ status: 'ARCHIVED', confidential: true })
    const open = await ownDecision({ status: 'PUBLISHED' })
    expect(await findDecision(db, draft, CADRE)).toBeNull()
    expect(await findDecision(db, secret, CADRE)).toBeNull()
    expect(await findDecision(db, 'decision-sample-2024-confidential', CADRE)).toBeNull()
    expect((await findDecision(db, open, CADRE))?.id).toBe(open)
    const { items, total } = await listDecisions(db, {}, CADRE, 0, 100)
    expect(total).toBe(items.length)
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) {
      expect(['PUBLISHED', 'ARCHIVED']).toContain(item.status)
      expect(item.confidential).toBe(false)
    }
    const all = await listDecisions(db, {}, FULL, 0, 100)
    expect(all.total).toBeGreaterThan(total)
    const overview = await complianceOverview(db, {}, CADRE)
    expect(overview.total).toBe(total)
    for (const catalogue of await listCatalogues(db, CADRE))
      expect(catalogue.decisionCount).toBeGreaterThan(0)
  })

  it('filters by year, organisation, verdict and missing step', async () => {
    const year2022 = await listDecisions(db, { year: 2022, organizationId: 'org-waigang' }, FULL, 0, 100)
    expect(year2022.items.map(i => i.id)).toContain('decision-sample-2022-no-review')
    expect(year2022.items.every(i => i.year === 2022 && i.organization?.id === 'org-waigang')).toBe(true)
    const missingReview = await listDecisions(db, { step: 'LEGALITY_REVIEW' as never }, FULL, 0, 100)
    expect(missingReview.items.map(i => i.id)).toContain('decision-sample-2022-no-review')
    expect(missingReview.items.every(i => i.compliance.missingSteps.includes('LEGALITY_REVIEW' as never))).toBe(true)
    const compliant = await listDecisions(db, { verdict: 'COMPLIANT' as never }, FULL, 0, 100)
    expect(compliant.items.map(i => i.id)).toEqual(expect.arrayContaining(['decision-sample-2021-renovation', 'decision-sample-2017-industry']))
    expect(compliant.items.every(i => i.compliance.verdict === 'COMPLIANT')).toBe(true)
    const industry = await listDecisions(db, { text: '工业经济' }, FULL, 0, 100)
    expect(industry.items.map(i => i.id)).toContain('decision-sample-2017-industry')
  })

  it('pages through the list without losing or repeating a decision', async () => {
    const all = await listDecisions(db, {}, FULL, 0, 100)
    const seen: string[] = []
    for (let skip = 0; skip < all.total; skip += 3) {
      const page = await listDecisions(db, {}, FULL, skip, 3)
      expect(page.total).toBe(all.total)
      seen.push(...page.items.map(i => i.id))
    }
    expect(seen).toEqual(all.items.map(i => i.id))
  })

  it('counts the overview by verdict and missing step, adding up to the total of the filter', async () => {
    const overview = await complianceOverview(db, { year: 2022 }, FULL)
    const listed = await listDecisions(db, { year: 2022 }, FULL, 0, 100)
    expect(overview.total).toBe(listed.total)
    expect(overview.byVerdict.reduce((n, v) => n + v.count, 0)).toBe(overview.total)
    expect(overview.missingByStep.find(s => s.step === 'LEGALITY_REVIEW')!.count).toBe(listed.items.filter(i => i.compliance.missingSteps.includes('LEGALITY_REVIEW' as never)).length)
    expect(overview.evaluatedOn).toBe(shanghaiToday())
  })

  it('reads a decision, a page and the overview in one round trip each once the rules are cached', async () => {
    await findDecision(db, 'decision-sample-2021-renovation', FULL)
    const trips = async (read: () => Promise<unknown>) => withRoundTripCounter(async () => {
      await read()
      return currentRoundTrips()
    })
    expect(await trips(() => findDecision(db, 'decision-sample-2021-renovation', FULL))).toBe(1)
    expect(await trips(() => listDecisions(db, { verdict: 'NON_COMPLIANT' as never }, FULL, 0, 20))).toBe(1)
    expect(await trips(() => complianceOverview(db, { year: 2023 }, FULL))).toBe(1)
  })
})
