import type { RuleSetRow, StepRecordCheck, StoredDecisionFacts, StoredRecord } from './assessment'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { assess, buildRuleSets, checkStepRecord, effectiveRecordIds, fromEvidence, shanghaiToday, summarize, toEvidence } from './assessment'
import { loadRuleSets } from './rulesFile'

const rulesJson: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('../../../seeds/rules.json', import.meta.url)), 'utf8'))

/** What the graph returns for seeds/rules.json when every cited article is in the law graph. */
function graphRows(): RuleSetRow[] {
  return loadRuleSets(rulesJson, () => null).map(set => ({
    id: set.id,
    lawId: set.lawId,
    lawTitle: set.lawTitle,
    effectiveFrom: set.effectiveFrom,
    effectiveTo: set.effectiveTo,
    appliesToTownsBy: set.appliesToTownsBy ?? null,
    law: { id: set.lawId, title: set.lawTitle },
    rules: set.rules.map(rule => ({
      id: rule.id,
      step: rule.step,
      condition: rule.condition,
      exceptIfConfidential: rule.exceptIfConfidential ?? false,
      description: rule.description,
      minDays: rule.minDays,
      minWorkingDays: rule.minWorkingDays,
      before: rule.before,
      articleUnknown: rule.articleUnknown,
      articleNumbers: rule.articleNumbers,
      periodArticleNumber: rule.periodArticleNumber,
      articles: [
        // Deliberately out of order: the graph gives no order guarantee, `position` does.
        ...(rule.periodArticleNumber
          ? [{ id: `${set.lawId}#${rule.periodArticleNumber}`, number: rule.periodArticleNumber, lawId: set.lawId, caption: null, role: 'PERIOD' as const, position: rule.articleNumbers.length }]
          : []),
        ...rule.articleNumbers.map((number, position) => ({ id: `${set.lawId}#${number}`, number, lawId: set.lawId, caption: null, role: 'MAIN' as const, position })),
      ],
    })),
  }))
}

const loaded = buildRuleSets(graphRows())

let seq = 0
function rec(stepCode: StoredRecord['stepCode'], startedOn: string | null, completedOn: string | null, extra: Partial<StoredRecord> = {}): StoredRecord {
  seq++
  return {
    id: `r${seq}`,
    stepCode,
    startedOn,
    completedOn,
    outcome: null,
    evidenceTitles: ['材料'],
    evidenceNumbers: [''],
    correctsId: null,
    recordedAt: `2021-05-01T00:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    ...extra,
  }
}

function decision(records: StoredRecord[], overrides: Partial<StoredDecisionFacts> = {}): StoredDecisionFacts {
  return {
    id: 'd',
    decidedOn: '2021-04-22',
    status: 'ARCHIVED',
    affectsPublic: true,
    technical: false,
    stabilityRisk: false,
    confidential: false,
    records,
    ...overrides,
  }
}

function complete713(): StoredRecord[] {
  return [
    rec('PUBLIC_PARTICIPATION', '2021-03-01', '2021-04-06'),
    rec('LEGALITY_REVIEW', '2021-04-08', '2021-04-20', { id: 'lr' }),
    rec('COLLECTIVE_DECISION', null, '2021-04-22'),
    rec('PARTY_REPORT', null, '2021-04-26'),
    rec('PUBLICATION', null, '2021-04-30'),
    rec('ARCHIVING', null, '2021-05-20'),
  ]
}

describe('shanghaiToday', () => {
  it('is the calendar date in UTC+8', () => {
    expect(shanghaiToday(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25')
    expect(shanghaiToday(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26')
    expect(shanghaiToday(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01')
  })
})

describe('evidence lists', () => {
  it('round-trips titles and optional numbers through the stored parallel lists', () => {
    const stored = fromEvidence([{ title: ' 审查意见书 ', number: '外法审〔2021〕4号' }, { title: '纪要', number: null }, { title: '公告' }])
    expect(stored).toEqual({ titles: ['审查意见书', '纪要', '公告'], numbers: ['外法审〔2021〕4号', '', ''] })
    expect(toEvidence(stored.titles, stored.numbers)).toEqual([
      { title: '审查意见书', number: '外法审〔2021〕4号' },
      { title: '纪要', number: null },
      { title: '公告', number: null },
    ])
    expect(toEvidence(null, null)).toEqual([])
    expect(fromEvidence([{ title: '意见\u001F书\n', number: '1\t号' }])).toEqual({ titles: ['意见书'], numbers: ['1号'] })
  })
})

describe('buildRuleSets', () => {
  it('gives each rule its article, period article and law', () => {
    const lr = loaded.rules.get('mdp-713-legality-review')!
    expect(lr.article).toMatchObject({ id: 'major-decision-procedure#第二十五条', number: '第二十五条', lawId: 'major-decision-procedure', lawTitle: '重大行政决策程序暂行条例' })
    expect(lr.articles.map(a => a.number)).toEqual(['第二十五条'])
    expect(lr.periodArticle?.number).toBe('第二十六条')
    expect(lr.law).toEqual({ id: 'major-decision-procedure', title: '重大行政决策程序暂行条例' })
    expect(lr.articleUnknown).toBe(false)
  })

  it('leaves the article of an unknown-article rule empty, never a number', () => {
    const lr47 = loaded.rules.get('shanghai-47-legality-review')!
    expect(lr47).toMatchObject({ article: null, articles: [], articleNumbers: [], articleUnknown: true })
    expect(lr47.law.id).toBe('shanghai-major-decision-procedure-2016')
  })

  it('hands the engine the main articles only, in citation order', () => {
    const engine = loaded.engine.find(s => s.id === 'mdp-713')!.rules.find(r => r.step === 'PUBLIC_PARTICIPATION')!
    expect(engine.articleIds).toEqual(['major-decision-procedure#第十四条'])
    expect(engine.periodArticleNumber).toBe('第十五条')
  })
})

describe('assess', () => {
  it('finds a missing legality review and cites 第二十五条 through the rule', () => {
    const result = assess(decision(complete713().filter(r => r.id !== 'lr')), loaded, '2026-11-25')
    expect(result.verdict).toBe('NON_COMPLIANT')
    expect(result.ruleSet?.id).toBe('mdp-713')
    expect(result.missingSteps).toEqual(['LEGALITY_REVIEW'])
    const finding = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding).toMatchObject({ code: 'REQUIRED_MISSING', defect: true })
    expect(finding.rule?.article?.number).toBe('第二十五条')
    expect(finding.message).toContain('第二十五条')
    expect(result.evaluatedOn).toBe('2026-11-25')
  })

  it('is compliant with every required step done', () => {
    const result = assess(decision(complete713()), loaded, '2026-11-25')
    expect(result.verdict).toBe('COMPLIANT')
    expect(result.findings.every(f => !f.defect)).toBe(true)
    expect(result.findings.filter(f => f.code === 'NOT_REQUIRED').map(f => f.step)).toEqual(['EXPERT_ARGUMENTATION', 'RISK_ASSESSMENT'])
  })

  it('judges a 2017 decision by 沪府令第47号 without article numbers for unknown articles', () => {
    const result = assess(decision([], { decidedOn: '2017-06-20' }), loaded, '2026-11-25')
    expect(result.ruleSet?.id).toBe('shanghai-47')
    const lr = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(lr.rule).toMatchObject({ articleUnknown: true, article: null })
    expect(lr.message).toContain('条号不详')
  })

  it('says so when no rule set applies', () => {
    const result = assess(decision([], { decidedOn: '2016-11-15' }), loaded, '2026-11-25')
    expect(result).toMatchObject({ verdict: 'INCOMPLETE', ruleSet: null, missingSteps: [] })
    expect(result.findings).toMatchObject([{ code: 'NO_RULE_SET', step: null, rule: null }])
  })
})

describe('effectiveRecordIds', () => {
  it('keeps the correction, not the corrected record', () => {
    const wrong = rec('PUBLIC_PARTICIPATION', '2024-03-01', '2024-03-21', { id: 'wrong', recordedAt: '2024-04-02T00:00:00.000Z' })
    const fix = rec('PUBLIC_PARTICIPATION', '2024-03-01', '2024-04-01', { id: 'fix', correctsId: 'wrong', recordedAt: '2024-04-03T00:00:00.000Z' })
    const other = rec('ARCHIVING', null, '2024-07-30', { id: 'other' })
    expect([...effectiveRecordIds([wrong, fix, other])].sort()).toEqual(['fix', 'other'])
  })
})

describe('summarize', () => {
  it('counts every verdict and step, zero included, adding up to the total', () => {
    const counts = summarize([
      { verdict: 'COMPLIANT' as never, missingSteps: [] },
      { verdict: 'NON_COMPLIANT' as never, missingSteps: ['LEGALITY_REVIEW' as never, 'PARTY_REPORT' as never] },
      { verdict: 'NON_COMPLIANT' as never, missingSteps: ['LEGALITY_REVIEW' as never] },
    ])
    expect(counts.total).toBe(3)
    expect(counts.byVerdict).toEqual([
      { verdict: 'COMPLIANT', count: 1 },
      { verdict: 'INCOMPLETE', count: 0 },
      { verdict: 'NON_COMPLIANT', count: 2 },
    ])
    expect(counts.byVerdict.reduce((n, v) => n + v.count, 0)).toBe(counts.total)
    expect(counts.missingByStep).toHaveLength(8)
    expect(counts.missingByStep.find(s => s.step === 'LEGALITY_REVIEW')).toEqual({ step: 'LEGALITY_REVIEW', name: '合法性审查', count: 2 })
    expect(counts.missingByStep.find(s => s.step === 'ARCHIVING')?.count).toBe(0)
  })
})

describe('checkStepRecord', () => {
  const ok: StepRecordCheck = { stepCode: 'LEGALITY_REVIEW', startedOn: '2026-11-02', completedOn: '2026-11-20', evidence: [{ title: '审查意见书' }] }
  const refused = (patch: Partial<StepRecordCheck>): string => {
    try {
      checkStepRecord({ ...ok, ...patch }, '2026-11-25')
    }
    catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT')
      return (error as Error).message
    }
    throw new Error('not refused')
  }

  it('accepts a proper record, and a completion today', () => {
    expect(() => checkStepRecord(ok, '2026-11-25')).not.toThrow()
    expect(() => checkStepRecord({ ...ok, completedOn: '2026-11-25' }, '2026-11-25')).not.toThrow()
    expect(() => checkStepRecord({ ...ok, startedOn: null }, '2026-11-25')).not.toThrow()
    expect(() => checkStepRecord({ ...ok, completedOn: null }, '2026-11-25')).not.toThrow()
  })

  it.each<[Partial<StepRecordCheck>, string]>([
    [{ stepCode: 'VOTE' }, 'unknown step'],
    [{ completedOn: '2026-11-01' }, 'completion before start'],
    [{ completedOn: '2026-11-26' }, 'future'],
    [{ startedOn: '2026-12-01', completedOn: null }, 'future'],
    [{ startedOn: null, completedOn: null }, 'give a start date'],
    [{ completedOn: '2026-02-30' }, 'real date'],
    [{ evidence: [{ title: '  ' }] }, 'evidence row needs a title'],
  ])('refuses %o (%s)', (patch, words) => {
    expect(refused(patch)).toContain(words)
  })
})
