/**
 * The compliance engine read against 国务院令第713号 as written (issue 17). Each case quotes the words of
 * the article it proves, from ../shared/laws/major-administrative-decision-procedure-2019.md.
 */
import type { DecisionFacts } from './compliance'
import type { FindingCode } from './findings'
import type { RuleSet } from './rules'
import type { StepRecordFacts } from './stepRecords'
import type { StepCode } from './steps'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { calendarKnowsYear, workingDaysBetween } from './calendar'
import { evaluateCompliance } from './compliance'
import { loadRuleSets } from './rulesFile'

const rulesJson: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('../../../seeds/rules.json', import.meta.url)), 'utf8'))
const ruleSets = loadRuleSets(rulesJson, (lawId, number) => `${lawId}#${number}`)
const mdp713 = ruleSets.find(s => s.id === 'mdp-713') as RuleSet
const sh47 = ruleSets.find(s => s.id === 'shanghai-47') as RuleSet

function decision(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return { id: 'd1', decidedOn: '2025-10-21', status: 'ARCHIVED', affectsPublic: true, technical: true, stabilityRisk: true, confidential: false, ...overrides }
}

let seq = 0
function rec(stepCode: StepCode, startedOn: string | null, completedOn: string | null, extra: Partial<StepRecordFacts> = {}): StepRecordFacts {
  seq++
  return {
    id: `r${seq}`,
    stepCode,
    startedOn,
    completedOn,
    outcome: null,
    evidence: [{ title: `${stepCode} 材料`, number: null }],
    correctsId: null,
    recordedAt: `2025-11-01T08:00:${String(seq % 60).padStart(2, '0')}Z`,
    ...extra,
  }
}

/** A 2025 decision through every step of 令第713号, the review with its conclusion and legal opinion. */
function full(): StepRecordFacts[] {
  return [
    rec('PUBLIC_PARTICIPATION', '2025-08-01', '2025-09-05', { id: 'pp', methods: ['PUBLIC_COMMENT'] }),
    rec('EXPERT_ARGUMENTATION', null, '2025-09-10', { id: 'ea' }),
    rec('RISK_ASSESSMENT', null, '2025-09-12', { id: 'ra' }),
    rec('LEGALITY_REVIEW', null, '2025-10-10', { id: 'lr', submittedOn: '2025-09-15', conclusion: 'LAWFUL', legalOpinionBy: 'LEGAL_ADVISER' }),
    rec('COLLECTIVE_DECISION', null, '2025-10-21', { id: 'cd' }),
    rec('PARTY_REPORT', null, '2025-10-22', { id: 'pr' }),
    rec('PUBLICATION', null, '2025-10-27', { id: 'pub' }),
    rec('ARCHIVING', null, '2025-11-10', { id: 'arc' }),
  ]
}

function patch(records: StepRecordFacts[], id: string, change: Partial<StepRecordFacts>): StepRecordFacts[] {
  return records.map(r => (r.id === id ? { ...r, ...change } : r))
}

function run(records: StepRecordFacts[], d: Partial<DecisionFacts> = {}, set: RuleSet = mdp713, today = '2025-12-01') {
  return evaluateCompliance(decision(d), records, set, today)
}

function codes(result: ReturnType<typeof run>, step: StepCode | null): FindingCode[] {
  return result.findings.filter(f => f.step === step).map(f => f.code)
}

describe('the baseline', () => {
  it('a decision through every step, the review lawful with a legal adviser\'s opinion → COMPLIANT', () => {
    const result = run(full())
    expect(result.findings.map(f => f.code)).toEqual(Array.from({ length: 8 }, () => 'DONE'))
    expect(result.verdict).toBe('COMPLIANT')
  })
})

describe('point 1 — 第二十六条第二款: time allowed to the reviewer, not time taken', () => {
  // "送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日。"
  it('a reviewer who finishes in 2 working days breaks nothing when the meeting leaves 7 or more', () => {
    // Sent Thu 2025-03-06, review back Mon 03-10, meeting Mon 03-31: the sender left 16 working days.
    const records = patch(full(), 'lr', { submittedOn: '2025-03-06', startedOn: '2025-03-06', completedOn: '2025-03-10' })
    const result = run(patch(records, 'cd', { completedOn: '2025-03-31' }), { decidedOn: '2025-03-31' })
    expect(codes(result, 'LEGALITY_REVIEW')).toEqual(['DONE'])
  })

  it('a meeting that left the reviewer fewer than 7 working days after the draft was sent → PERIOD_TOO_SHORT citing 第二十六条', () => {
    // Sent Fri 2025-10-17; meeting Mon 10-27: working days in between are 10-20..10-24 = 5.
    const records = patch(patch(full(), 'lr', { submittedOn: '2025-10-17', completedOn: '2025-10-24' }), 'cd', { completedOn: '2025-10-27' })
    const result = run(records)
    const finding = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('PERIOD_TOO_SHORT')
    expect(finding.message).toContain('5个工作日')
    expect(finding.citations).toContainEqual({ lawId: 'major-decision-procedure', lawTitle: '重大行政决策程序暂行条例', number: '第二十六条' })
    expect(result.verdict).toBe('NON_COMPLIANT')
  })

  it('"一般" — a shorter time with a recorded reason is met, and the note names the reason', () => {
    const records = patch(patch(full(), 'lr', { submittedOn: '2025-10-17', completedOn: '2025-10-24', shortenedReason: '防汛应急需要，经政府主要负责人同意' }), 'cd', { completedOn: '2025-10-27' })
    const finding = run(records).findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('DONE')
    expect(finding.message).toContain('防汛应急需要')
  })
})

describe('point 2 — working days are China\'s working days (法定节假日与调休)', () => {
  it('counts the National Day holiday out and the 调休 weekends in', () => {
    // 2025-09-26 (Fri) → 2025-10-13 (Mon): 09-28 (Sun, 调休), 09-29, 09-30, 10-09, 10-10, 10-11 (Sat, 调休), 10-13.
    expect(workingDaysBetween('2025-09-26', '2025-10-13')).toBe(7)
    // Monday to Friday alone would have said 11.
  })

  it('a review sent before National Day: Monday–Friday would pass it, China\'s calendar does not', () => {
    const records = patch(patch(full(), 'lr', { submittedOn: '2025-09-26', completedOn: '2025-10-10' }), 'cd', { completedOn: '2025-10-13' })
    // Until the day before the meeting: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 = 6 working days.
    const finding = run(records, { decidedOn: '2025-10-13' }).findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('PERIOD_TOO_SHORT')
    expect(finding.message).toContain('6个工作日')
  })

  it('a date in a year the calendar does not know → UNCERTAIN, not a guess', () => {
    expect(calendarKnowsYear(2025)).toBe(true)
    expect(calendarKnowsYear(2031)).toBe(false)
    expect(workingDaysBetween('2031-03-01', '2031-03-20')).toBeNull()
    const records = full().map(r => ({ ...r, completedOn: r.completedOn?.replace('2025', '2031') ?? null, startedOn: r.startedOn?.replace('2025', '2031') ?? null, submittedOn: r.submittedOn?.replace('2025', '2031') ?? null }))
    const result = run(records, { decidedOn: '2031-10-21' }, mdp713, '2031-12-01')
    expect(codes(result, 'LEGALITY_REVIEW')).toEqual(['UNCERTAIN'])
    expect(result.verdict).toBe('INCOMPLETE')
  })
})

describe('point 3 — 第十五条: "一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明"', () => {
  it('a 20-day public call without a stated reason → PERIOD_TOO_SHORT citing 第十五条 (structured)', () => {
    const finding = run(patch(full(), 'pp', { startedOn: '2025-08-16', completedOn: '2025-09-05' })).findings.find(f => f.step === 'PUBLIC_PARTICIPATION')!
    expect(finding.code).toBe('PERIOD_TOO_SHORT')
    expect(finding.citations).toEqual([{ lawId: 'major-decision-procedure', lawTitle: '重大行政决策程序暂行条例', number: '第十五条' }])
  })

  it('a 20-day public call whose shortening was explained when it was published is met, with the reason noted', () => {
    const finding = run(patch(full(), 'pp', { startedOn: '2025-08-16', completedOn: '2025-09-05', shortenedReason: '台风灾后重建急需出台' })).findings.find(f => f.step === 'PUBLIC_PARTICIPATION')!
    expect(finding.code).toBe('DONE')
    expect(finding.message).toContain('台风灾后重建急需出台')
  })

  it('the 30 days concern 向社会公开征求意见 only: a 3-day hearing (第十六条、第十七条) is not held to them', () => {
    // 第十四条: "听取意见可以采取座谈会、听证会、实地走访、书面征求意见、向社会公开征求意见、问卷调查、民意调查等多种方式。"
    const finding = run(patch(full(), 'pp', { startedOn: '2025-09-02', completedOn: '2025-09-05', methods: ['HEARING', 'SYMPOSIUM'] })).findings.find(f => f.step === 'PUBLIC_PARTICIPATION')!
    expect(finding.code).toBe('DONE')
  })
})

describe('point 4 — 第二十五条第二款: "决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论"', () => {
  it('a draft concluded 不合法 and then discussed → NON_COMPLIANT citing 第二十五条', () => {
    const result = run(patch(full(), 'lr', { conclusion: 'UNLAWFUL' }))
    const finding = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('UNLAWFUL_DISCUSSED')
    expect(finding.citations.map(c => c.number)).toEqual(['第二十五条'])
    expect(result.verdict).toBe('NON_COMPLIANT')
  })

  it('a later review that found the changed draft lawful before the meeting puts it right', () => {
    const records = [
      ...patch(full(), 'lr', { conclusion: 'UNLAWFUL', completedOn: '2025-09-30' }),
      rec('LEGALITY_REVIEW', null, '2025-10-14', { id: 'lr2', submittedOn: '2025-10-09', conclusion: 'LAWFUL_AFTER_CHANGES', legalOpinionBy: 'PUBLIC_LAWYER' }),
    ]
    const result = run(records)
    expect(codes(result, 'LEGALITY_REVIEW')).toEqual(['DONE'])
    expect(result.verdict).toBe('COMPLIANT')
  })

  it('a lawful first review does not cover a later review that found the draft unlawful', () => {
    const records = [
      ...patch(full(), 'lr', { conclusion: 'LAWFUL', completedOn: '2025-09-30' }),
      rec('LEGALITY_REVIEW', null, '2025-10-14', { id: 'lr2', submittedOn: '2025-10-09', conclusion: 'UNLAWFUL', legalOpinionBy: 'PUBLIC_LAWYER' }),
    ]
    expect(codes(run(records), 'LEGALITY_REVIEW')).toContain('UNLAWFUL_DISCUSSED')
  })

  it('not yet discussed: an unlawful conclusion holds the draft back (PENDING), not yet a breach', () => {
    const records = full().filter(r => ['pp', 'ea', 'ra', 'lr'].includes(r.id))
    const result = run(patch(records, 'lr', { conclusion: 'UNLAWFUL' }), { status: 'IN_PROGRESS', decidedOn: '2025-12-20' })
    const finding = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('PENDING')
    expect(finding.message).toContain('不得提交决策机关讨论')
  })

  it('"对国家尚无明确规定的探索性改革决策事项，可以明示法律风险，提交决策机关讨论" — recorded and shown, never silently passed', () => {
    const result = run(patch(full(), 'lr', { conclusion: 'UNLAWFUL', exploratoryReform: true }))
    const finding = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('EXPLORATORY_REFORM')
    expect(finding.message).toContain('明示法律风险')
    expect(result.verdict).toBe('INCOMPLETE')
  })
})

describe('point 5 — 第二十八条: "在合法性审查过程中，应当组织法律顾问、公职律师提出法律意见"', () => {
  it('a review without a legal opinion → NO_LEGAL_OPINION citing 第二十八条', () => {
    const result = run(patch(full(), 'lr', { legalOpinionBy: 'NONE' }))
    const finding = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('NO_LEGAL_OPINION')
    expect(finding.citations.map(c => c.number)).toEqual(['第二十八条'])
    expect(result.verdict).toBe('NON_COMPLIANT')
  })

  it('a review record that does not say is a defect too: the record cannot show the opinion was given', () => {
    const finding = run(patch(full(), 'lr', { legalOpinionBy: null })).findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(finding.code).toBe('NO_LEGAL_OPINION')
    expect(finding.message).toContain('未记录')
  })

  it('an opinion by 公职律师 satisfies it', () => {
    expect(codes(run(patch(full(), 'lr', { legalOpinionBy: 'PUBLIC_LAWYER' })), 'LEGALITY_REVIEW')).toEqual(['DONE'])
  })

  it('沪府令第47号 (whose review articles were not obtained) is not held to 第二十八条 of another law', () => {
    const records = [
      rec('PUBLIC_PARTICIPATION', '2017-04-01', '2017-05-02', { id: 'pp' }),
      rec('EXPERT_ARGUMENTATION', null, '2017-05-10', { id: 'ea' }),
      rec('RISK_ASSESSMENT', null, '2017-05-12', { id: 'ra' }),
      rec('LEGALITY_REVIEW', '2017-05-15', '2017-05-31', { id: 'lr' }),
      rec('COLLECTIVE_DECISION', null, '2017-06-15', { id: 'cd' }),
    ]
    const result = run(records, { decidedOn: '2017-06-15' }, sh47, '2017-12-01')
    expect(codes(result, 'LEGALITY_REVIEW')).toEqual(['DONE'])
  })
})

describe('point 6 — 第二十二条第二款: "按照有关规定已对有关风险进行评价、评估的，不作重复评估"', () => {
  it('a risk already assessed under other rules → NOT_REQUIRED with that reason, not REQUIRED_MISSING', () => {
    const records = patch(full(), 'ra', { alreadyAssessedRef: '区生态环境局环境影响评价批复（示例）' })
    const finding = run(records).findings.find(f => f.step === 'RISK_ASSESSMENT')!
    expect(finding.code).toBe('NOT_REQUIRED')
    expect(finding.message).toContain('不作重复评估')
    expect(finding.message).toContain('环境影响评价批复')
    expect(finding.citations.map(c => c.number)).toEqual(['第二十二条'])
  })
})

describe('point 9 — consistency of the dates', () => {
  it('a decision dated before its own collective meeting → INCONSISTENT', () => {
    const result = run(full(), { decidedOn: '2025-10-20' })
    expect(codes(result, 'COLLECTIVE_DECISION')).toContain('INCONSISTENT')
    expect(result.verdict).not.toBe('COMPLIANT')
  })

  it('a meeting dated after publication → INCONSISTENT', () => {
    const result = run(patch(full(), 'pub', { completedOn: '2025-10-20' }), { decidedOn: '2025-10-21' })
    expect(codes(result, 'PUBLICATION')).toContain('INCONSISTENT')
  })
})

describe('point 10 — findings name every article they rely on, as data', () => {
  it('each finding of 令第713号 carries its articles', () => {
    const result = run(full())
    for (const finding of result.findings)
      expect(finding.citations.length, finding.step ?? '').toBeGreaterThan(0)
    expect(result.findings.find(f => f.step === 'LEGALITY_REVIEW')!.citations.map(c => c.number)).toEqual(['第二十五条', '第二十六条', '第二十八条'])
  })

  it('a rule whose article is unknown cites the law without a number', () => {
    const result = run([], { decidedOn: '2017-06-15', status: 'IN_PROGRESS' }, sh47, '2017-06-01')
    const review = result.findings.find(f => f.step === 'LEGALITY_REVIEW')!
    expect(review.citations).toEqual([{ lawId: 'shanghai-major-decision-procedure-2016', lawTitle: '上海市重大行政决策程序暂行规定', number: null }])
  })
})

describe('point 11 — messages resting on the partial text of 沪府令第47号 say so', () => {
  it('every finding under 沪府令第47号 says the text is partial', () => {
    const result = run([], { decidedOn: '2017-06-15', status: 'IN_PROGRESS' }, sh47, '2017-06-01')
    for (const finding of result.findings)
      expect(finding.message).toContain('文本不完整')
  })
})
