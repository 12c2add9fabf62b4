import type { DecisionFacts, FindingCode, Verdict } from './compliance'
import type { RuleSet } from './rules'
import type { StepRecordFacts } from './stepRecords'
import type { StepCode } from './steps'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { calendarDaysBetween, workingDaysBetween } from './calendar'
import { evaluateCompliance } from './compliance'
import { selectRuleSet } from './rules'
import { loadRuleSets } from './rulesFile'
import { effectiveRecords } from './stepRecords'
import { STEP_ORDER } from './steps'

const rulesPath = fileURLToPath(new URL('../../../seeds/rules.json', import.meta.url))
const rulesJson: unknown = JSON.parse(readFileSync(rulesPath, 'utf8'))
const ruleSets = loadRuleSets(rulesJson, (lawId, number) => `${lawId}#${number}`)
const corpusDir = process.env.LAW_CORPUS_DIR ?? path.resolve(process.cwd(), '../shared/laws')

function ruleSetById(id: string): RuleSet {
  const set = ruleSets.find(s => s.id === id)
  if (!set)
    throw new Error(`rule set ${id} missing from seeds/rules.json`)
  return set
}

function decision(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return {
    id: 'd1',
    decidedOn: '2020-10-21',
    status: 'ARCHIVED',
    affectsPublic: true,
    technical: true,
    stabilityRisk: true,
    confidential: false,
    ...overrides,
  }
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
    evidence: [
      { title: `${stepCode} 材料`, number: null },
    ],
    correctsId: null,
    recordedAt: `2020-11-01T08:00:${String(seq % 60).padStart(2, '0')}Z`,
    ...extra,
  }
}

/** A decision of October 2020 that went through every step of 令第713号 in order. */
function fullRecords713(): StepRecordFacts[] {
  return [
    rec('PUBLIC_PARTICIPATION', '2020-09-01', '2020-10-01', { id: 'pp' }),
    rec('EXPERT_ARGUMENTATION', null, '2020-09-20', { id: 'ea' }),
    rec('RISK_ASSESSMENT', null, '2020-09-25', { id: 'ra' }),
    // Fri 10-09 to Tue 10-20 is 7 working days, start day not counted.
    rec('LEGALITY_REVIEW', '2020-10-09', '2020-10-20', { id: 'lr' }),
    rec('COLLECTIVE_DECISION', null, '2020-10-21', { id: 'cd' }),
    rec('PARTY_REPORT', null, '2020-10-22', { id: 'pr' }),
    rec('PUBLICATION', null, '2020-10-26', { id: 'pub' }),
    rec('ARCHIVING', null, '2020-11-10', { id: 'arc' }),
  ]
}

function fullRecords47(): StepRecordFacts[] {
  return [
    rec('PUBLIC_PARTICIPATION', '2017-04-01', '2017-05-02', { id: 'pp' }),
    rec('EXPERT_ARGUMENTATION', null, '2017-05-10', { id: 'ea' }),
    rec('RISK_ASSESSMENT', null, '2017-05-12', { id: 'ra' }),
    rec('LEGALITY_REVIEW', '2017-05-15', '2017-05-31', { id: 'lr' }),
    rec('COLLECTIVE_DECISION', null, '2017-06-15', { id: 'cd' }),
  ]
}

function replace(records: StepRecordFacts[], id: string, patch: Partial<StepRecordFacts>): StepRecordFacts[] {
  return records.map(r => (r.id === id
    ? {
        ...r,
        ...patch,
      }
    : r))
}

function without(records: StepRecordFacts[], ...ids: string[]): StepRecordFacts[] {
  return records.filter(r => !ids.includes(r.id))
}

interface ExpectedFinding { step: StepCode | null, code: FindingCode, recordId?: string, includes?: string[], excludes?: string[] }
interface Case {
  name: string
  decision: DecisionFacts
  records: StepRecordFacts[]
  today: string
  ruleSetId: string | null
  verdict: Verdict
  findings: ExpectedFinding[]
}

const cases: Case[] = [
  {
    name: '713: every step done in order → COMPLIANT',
    decision: decision(),
    records: fullRecords713(),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'COMPLIANT',
    findings: STEP_ORDER.map(step => ({ step, code: 'DONE' as const })),
  },
  {
    name: '713: legality review missing → REQUIRED_MISSING citing 第二十五条',
    decision: decision(),
    records: without(fullRecords713(), 'lr'),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'LEGALITY_REVIEW',
        code: 'REQUIRED_MISSING',
        includes: ['未见合法性审查记录', '《重大行政决策程序暂行条例》第二十五条'],
      },
    ],
  },
  {
    name: '713: collective decision before legality review finished → OUT_OF_ORDER',
    decision: decision(),
    records: replace(fullRecords713(), 'lr', { completedOn: '2020-10-23' }),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'LEGALITY_REVIEW',
        code: 'OUT_OF_ORDER',
        recordId: 'lr',
        includes: ['第二十五条', '2020-10-23', '集体讨论决定（2020-10-21）'],
      },
    ],
  },
  {
    name: '713: collective decision on the day the review ends is in order',
    decision: decision(),
    records: replace(fullRecords713(), 'lr', { completedOn: '2020-10-21' }),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'COMPLIANT',
    findings: [
      { step: 'LEGALITY_REVIEW', code: 'DONE' },
    ],
  },
  {
    name: '713: 20-day comment period → PERIOD_TOO_SHORT citing 第十五条',
    decision: decision(),
    records: replace(fullRecords713(), 'pp', { startedOn: '2020-09-11' }),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'PUBLIC_PARTICIPATION',
        code: 'PERIOD_TOO_SHORT',
        includes: ['第十五条', '20日', '30日'],
      },
    ],
  },
  {
    name: '713: 29 days (start day not counted) is still too short',
    decision: decision(),
    records: replace(fullRecords713(), 'pp', { startedOn: '2020-09-02' }),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'PUBLIC_PARTICIPATION',
        code: 'PERIOD_TOO_SHORT',
        includes: ['29日'],
      },
    ],
  },
  {
    name: '713: legality review given 2 working days → PERIOD_TOO_SHORT citing 第二十六条',
    decision: decision(),
    records: replace(fullRecords713(), 'lr', { startedOn: '2020-10-16' }),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'LEGALITY_REVIEW',
        code: 'PERIOD_TOO_SHORT',
        includes: ['第二十六条', '2个工作日', '7个工作日'],
      },
    ],
  },
  {
    name: '713: not technical → expert argumentation NOT_REQUIRED',
    decision: decision({ technical: false }),
    records: without(fullRecords713(), 'ea'),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'COMPLIANT',
    findings: [
      {
        step: 'EXPERT_ARGUMENTATION',
        code: 'NOT_REQUIRED',
        includes: ['第十九条', '专业性、技术性'],
      },
    ],
  },
  {
    name: '713: no stability risk → risk assessment NOT_REQUIRED',
    decision: decision({ stabilityRisk: false }),
    records: without(fullRecords713(), 'ra'),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'COMPLIANT',
    findings: [
      {
        step: 'RISK_ASSESSMENT',
        code: 'NOT_REQUIRED',
        includes: ['第二十二条'],
      },
    ],
  },
  {
    name: '713: confidential → public participation and publication NOT_REQUIRED',
    decision: decision({ confidential: true }),
    records: without(fullRecords713(), 'pp', 'pub'),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'COMPLIANT',
    findings: [
      {
        step: 'PUBLIC_PARTICIPATION',
        code: 'NOT_REQUIRED',
        includes: ['依法不予公开', '第十四条'],
      },
      {
        step: 'PUBLICATION',
        code: 'NOT_REQUIRED',
        includes: ['第三十二条'],
      },
    ],
  },
  {
    name: '713: a good correction supersedes a bad original → DONE',
    decision: decision(),
    records: [
      ...replace(fullRecords713(), 'pp', { startedOn: '2020-09-11', recordedAt: '2020-10-02T09:00:00Z' }),
      rec('PUBLIC_PARTICIPATION', '2020-09-01', '2020-10-01', { id: 'pp-fix', correctsId: 'pp', recordedAt: '2020-10-05T09:00:00Z' }),
    ],
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'COMPLIANT',
    findings: [
      { step: 'PUBLIC_PARTICIPATION', code: 'DONE', recordId: 'pp-fix' },
    ],
  },
  {
    name: '713: a bad correction supersedes a good original → PERIOD_TOO_SHORT',
    decision: decision(),
    records: [
      ...replace(fullRecords713(), 'pp', { recordedAt: '2020-10-02T09:00:00Z' }),
      rec('PUBLIC_PARTICIPATION', '2020-09-11', '2020-10-01', { id: 'pp-fix', correctsId: 'pp', recordedAt: '2020-10-05T09:00:00Z' }),
    ],
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      { step: 'PUBLIC_PARTICIPATION', code: 'PERIOD_TOO_SHORT', recordId: 'pp-fix' },
    ],
  },
  {
    name: '713: a record without evidence → NO_EVIDENCE',
    decision: decision(),
    records: replace(fullRecords713(), 'ra', { evidence: [] }),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'RISK_ASSESSMENT',
        code: 'NO_EVIDENCE',
        recordId: 'ra',
        includes: ['第二十二条'],
      },
    ],
  },
  {
    name: '713: in-progress decision, review under way → PENDING, INCOMPLETE',
    decision: decision({ status: 'IN_PROGRESS', decidedOn: '2020-10-30' }),
    records: [
      ...fullRecords713().slice(0, 3),
      rec('LEGALITY_REVIEW', '2020-10-09', null, { id: 'lr' }),
    ],
    today: '2020-10-15',
    ruleSetId: 'mdp-713',
    verdict: 'INCOMPLETE',
    findings: [
      { step: 'PUBLIC_PARTICIPATION', code: 'DONE' },
      {
        step: 'LEGALITY_REVIEW',
        code: 'PENDING',
        recordId: 'lr',
        includes: ['2020-10-09'],
      },
      { step: 'COLLECTIVE_DECISION', code: 'PENDING' },
      { step: 'PUBLICATION', code: 'PENDING' },
      { step: 'ARCHIVING', code: 'PENDING' },
    ],
  },
  {
    name: '713: in-progress decision with a flaw is INCOMPLETE, not yet NON_COMPLIANT',
    decision: decision({ status: 'IN_PROGRESS', decidedOn: '2020-10-30' }),
    records: replace(fullRecords713().slice(0, 3), 'pp', { startedOn: '2020-09-11' }),
    today: '2020-10-15',
    ruleSetId: 'mdp-713',
    verdict: 'INCOMPLETE',
    findings: [
      { step: 'PUBLIC_PARTICIPATION', code: 'PERIOD_TOO_SHORT' },
      { step: 'LEGALITY_REVIEW', code: 'PENDING' },
    ],
  },
  {
    name: '713: planned decision date passed without review → REQUIRED_MISSING, still INCOMPLETE',
    decision: decision({ status: 'IN_PROGRESS', decidedOn: '2020-10-10' }),
    records: fullRecords713().slice(0, 3),
    today: '2020-10-15',
    ruleSetId: 'mdp-713',
    verdict: 'INCOMPLETE',
    findings: [
      {
        step: 'LEGALITY_REVIEW',
        code: 'REQUIRED_MISSING',
        includes: ['计划决策日期2020-10-10已过'],
      },
    ],
  },
  {
    name: '713: decided but review only started → REQUIRED_MISSING',
    decision: decision(),
    records: replace(fullRecords713(), 'lr', { completedOn: null }),
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'LEGALITY_REVIEW',
        code: 'REQUIRED_MISSING',
        recordId: 'lr',
        includes: ['开始但未见完成'],
      },
    ],
  },
  {
    name: '713: decided, not yet published → publication PENDING, INCOMPLETE',
    decision: decision({ status: 'DECIDED' }),
    records: without(fullRecords713(), 'pub', 'arc'),
    today: '2020-10-23',
    ruleSetId: 'mdp-713',
    verdict: 'INCOMPLETE',
    findings: [
      { step: 'PARTY_REPORT', code: 'DONE' },
      { step: 'PUBLICATION', code: 'PENDING' },
      { step: 'ARCHIVING', code: 'PENDING' },
    ],
  },
  {
    name: '713: published without a party report → REQUIRED_MISSING citing 第三十一条',
    decision: decision({ status: 'PUBLISHED' }),
    records: without(fullRecords713(), 'pr', 'arc'),
    today: '2020-10-27',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'PARTY_REPORT',
        code: 'REQUIRED_MISSING',
        includes: ['第三十一条'],
      },
      { step: 'ARCHIVING', code: 'PENDING' },
    ],
  },
  {
    name: '713 in the overlap with 47 (2020-03) → mdp-713',
    decision: decision({ decidedOn: '2020-03-20' }),
    records: [],
    today: '2020-12-01',
    ruleSetId: 'mdp-713',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'PUBLIC_PARTICIPATION',
        code: 'REQUIRED_MISSING',
        includes: ['第十四条'],
      },
    ],
  },
  {
    name: '47: a 2017 decision with all known steps → COMPLIANT, unknown articles said so',
    decision: decision({ decidedOn: '2017-06-15' }),
    records: fullRecords47(),
    today: '2020-12-01',
    ruleSetId: 'shanghai-47',
    verdict: 'COMPLIANT',
    findings: [
      {
        step: 'PUBLIC_PARTICIPATION',
        code: 'DONE',
        includes: ['《上海市重大行政决策程序暂行规定》第五条'],
      },
      {
        step: 'EXPERT_ARGUMENTATION',
        code: 'DONE',
        includes: ['第五条'],
      },
      {
        step: 'RISK_ASSESSMENT',
        code: 'DONE',
        includes: ['第五条'],
      },
      {
        step: 'LEGALITY_REVIEW',
        code: 'DONE',
        includes: ['条号不详'],
        excludes: ['第二十五条'],
      },
      {
        step: 'COLLECTIVE_DECISION',
        code: 'DONE',
        includes: ['条号不详'],
        excludes: ['第三十条'],
      },
    ],
  },
  {
    name: '47: legality review missing → REQUIRED_MISSING without an article number',
    decision: decision({ decidedOn: '2017-06-15' }),
    records: without(fullRecords47(), 'lr'),
    today: '2020-12-01',
    ruleSetId: 'shanghai-47',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'LEGALITY_REVIEW',
        code: 'REQUIRED_MISSING',
        includes: ['依据《上海市重大行政决策程序暂行规定》，', '条号不详'],
        excludes: ['第二十五条'],
      },
    ],
  },
  {
    name: '47: meeting before the review is caught by the implied order',
    decision: decision({ decidedOn: '2017-06-15' }),
    records: replace(fullRecords47(), 'lr', { completedOn: '2017-06-20' }),
    today: '2020-12-01',
    ruleSetId: 'shanghai-47',
    verdict: 'NON_COMPLIANT',
    findings: [
      {
        step: 'LEGALITY_REVIEW',
        code: 'OUT_OF_ORDER',
        includes: ['条号不详', '应有之义'],
      },
    ],
  },
  {
    name: '47: not touching a larger group → public participation NOT_REQUIRED',
    decision: decision({ decidedOn: '2017-06-15', affectsPublic: false }),
    records: without(fullRecords47(), 'pp'),
    today: '2020-12-01',
    ruleSetId: 'shanghai-47',
    verdict: 'COMPLIANT',
    findings: [
      {
        step: 'PUBLIC_PARTICIPATION',
        code: 'NOT_REQUIRED',
        includes: ['第五条'],
      },
    ],
  },
  {
    name: '47: confidential matter → public participation NOT_REQUIRED despite the trigger',
    decision: decision({ decidedOn: '2017-06-15', confidential: true }),
    records: without(fullRecords47(), 'pp'),
    today: '2020-12-01',
    ruleSetId: 'shanghai-47',
    verdict: 'COMPLIANT',
    findings: [
      {
        step: 'PUBLIC_PARTICIPATION',
        code: 'NOT_REQUIRED',
        includes: ['保密', '第五条'],
      },
    ],
  },
  {
    name: '2016 decision → NO_RULE_SET',
    decision: decision({ decidedOn: '2016-11-30' }),
    records: fullRecords47(),
    today: '2020-12-01',
    ruleSetId: null,
    verdict: 'INCOMPLETE',
    findings: [
      {
        step: null,
        code: 'NO_RULE_SET',
        includes: ['2016-11-30'],
      },
    ],
  },
]

describe('evaluateCompliance', () => {
  it.each(cases)('$name', (c) => {
    const set = selectRuleSet(ruleSets, c.decision.decidedOn, c.today)
    expect(set?.id ?? null).toBe(c.ruleSetId)
    const result = evaluateCompliance(c.decision, c.records, set, c.today)
    expect(result.ruleSetId).toBe(c.ruleSetId)
    expect(result.verdict).toBe(c.verdict)
    for (const want of c.findings) {
      const got = result.findings.filter(f => f.step === want.step && f.code === want.code)
      expect(got, `${want.code} for ${want.step} in ${JSON.stringify(result.findings, null, 1)}`).toHaveLength(1)
      const finding = got[0]!
      if (want.recordId)
        expect(finding.recordId).toBe(want.recordId)
      for (const text of want.includes ?? [])
        expect(finding.message).toContain(text)
      for (const text of want.excludes ?? [])
        expect(finding.message).not.toContain(text)
    }
    const positions = result.findings.map(f => (f.step === null
      ? -1
      : STEP_ORDER.indexOf(f.step)))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    for (const f of result.findings)
      expect(f.message.length).toBeGreaterThan(0)
  })

  it('reports exactly one finding per rule when nothing is wrong', () => {
    const set = ruleSetById('mdp-713')
    const result = evaluateCompliance(decision(), fullRecords713(), set, '2020-12-01')
    expect(result.findings.map(f => f.ruleId)).toEqual(set.rules.map(r => r.id))
  })

  it('counts a step done when one of several records passes', () => {
    const records = [
      ...fullRecords713(),
      rec('PUBLIC_PARTICIPATION', '2020-09-25', '2020-09-28', { id: 'pp-short' }),
    ]
    const result = evaluateCompliance(decision(), records, ruleSetById('mdp-713'), '2020-12-01')
    expect(result.findings.find(f => f.step === 'PUBLIC_PARTICIPATION')).toMatchObject({ code: 'DONE', recordId: 'pp' })
  })
})

describe('selectRuleSet', () => {
  it.each([
    ['2016-12-31', null],
    ['2017-01-01', 'shanghai-47'],
    ['2019-08-31', 'shanghai-47'],
    ['2019-09-01', 'mdp-713'],
    ['2020-08-31', 'mdp-713'],
    ['2020-10-15', 'mdp-713'],
  ])('decision on %s → %s', (date, id) => {
    expect(selectRuleSet(ruleSets, date, '2024-01-01')?.id ?? null).toBe(id)
  })

  it('uses today when no decision date is planned', () => {
    expect(selectRuleSet(ruleSets, null, '2018-05-05')?.id).toBe('shanghai-47')
    expect(selectRuleSet(ruleSets, null, '2016-05-05')).toBeNull()
  })
})

describe('effectiveRecords', () => {
  const at = (n: number): string => `2020-10-0${n}T00:00:00Z`
  it('keeps only the end of a correction chain', () => {
    const a = rec('LEGALITY_REVIEW', null, '2020-10-01', {
      id: 'a',
      recordedAt: at(1),
    })
    const b = rec('LEGALITY_REVIEW', null, '2020-10-02', {
      id: 'b',
      correctsId: 'a',
      recordedAt: at(2),
    })
    const c = rec('LEGALITY_REVIEW', null, '2020-10-03', {
      id: 'c',
      correctsId: 'b',
      recordedAt: at(3),
    })
    const other = rec('ARCHIVING', null, '2020-10-04', {
      id: 'other',
      recordedAt: at(1),
    })
    expect(effectiveRecords([c, a, other, b]).map(r => r.id)).toEqual(['c', 'other'])
  })

  it('takes the latest of two corrections of the same record', () => {
    const a = rec('LEGALITY_REVIEW', null, '2020-10-01', {
      id: 'a',
      recordedAt: at(1),
    })
    const b = rec('LEGALITY_REVIEW', null, '2020-10-02', {
      id: 'b',
      correctsId: 'a',
      recordedAt: at(3),
    })
    const c = rec('LEGALITY_REVIEW', null, '2020-10-03', {
      id: 'c',
      correctsId: 'a',
      recordedAt: at(2),
    })
    expect(effectiveRecords([a, b, c]).map(r => r.id)).toEqual(['b'])
  })

  it('ignores a correction of an unknown record and survives a cycle', () => {
    const lone = rec('PUBLICATION', null, '2020-10-01', { id: 'lone', correctsId: 'gone' })
    const x = rec('ARCHIVING', null, '2020-10-01', {
      id: 'x',
      correctsId: 'y',
      recordedAt: at(1),
    })
    const y = rec('ARCHIVING', null, '2020-10-02', {
      id: 'y',
      correctsId: 'x',
      recordedAt: at(2),
    })
    expect(effectiveRecords([lone, x, y]).map(r => r.id)).toEqual(['lone', 'y'])
  })
})

describe('workingDaysBetween', () => {
  it.each([
    ['2020-10-09', '2020-10-20', 7], // Fri → Tue of the week after next
    ['2020-10-16', '2020-10-19', 1], // Fri → Mon
    ['2020-10-17', '2020-10-18', 0], // Sat → Sun
    ['2020-10-17', '2020-10-19', 1], // Sat → Mon
    ['2020-10-12', '2020-10-12', 0], // same day
    ['2020-10-20', '2020-10-12', 0], // reversed
    ['2019-12-31', '2020-12-31', 262], // all weekdays of 2020
  ])('%s → %s = %i', (from, to, n) => {
    expect(workingDaysBetween(from, to)).toBe(n)
  })

  it('matches a day-by-day count', () => {
    for (let offset = 0; offset < 40; offset++) {
      const from = new Date(Date.UTC(2021, 0, 1 + offset)).toISOString().slice(0, 10)
      const to = new Date(Date.UTC(2021, 0, 1 + offset + offset * 3)).toISOString().slice(0, 10)
      let n = 0
      for (let d = Date.parse(from) + 86_400_000; d <= Date.parse(to); d += 86_400_000) {
        const wd = new Date(d).getUTCDay()
        if (wd !== 0 && wd !== 6)
          n++
      }
      expect(workingDaysBetween(from, to)).toBe(n)
    }
  })

  it('rejects malformed and impossible dates', () => {
    expect(() => workingDaysBetween('2020-02-30', '2020-03-02')).toThrow(RangeError)
    expect(() => calendarDaysBetween('2020/01/01', '2020-01-02')).toThrow(RangeError)
  })

  it('counts calendar days without the start day', () => {
    expect(calendarDaysBetween('2020-09-01', '2020-10-01')).toBe(30)
  })
})

describe('loadRuleSets', () => {
  it('resolves article ids and keeps unresolved numbers', () => {
    const sets = loadRuleSets(rulesJson, (lawId, number) => (number === '第二十五条'
      ? `${lawId}:25`
      : null))
    const lr = sets.find(s => s.id === 'mdp-713')!.rules.find(r => r.step === 'LEGALITY_REVIEW')!
    expect(lr).toMatchObject({
      articleIds: ['major-decision-procedure:25'],
      articleNumbers: ['第二十五条'],
      ruleSetId: 'mdp-713',
      lawId: 'major-decision-procedure',
    })
    const pp = sets.find(s => s.id === 'mdp-713')!.rules.find(r => r.step === 'PUBLIC_PARTICIPATION')!
    expect(pp).toMatchObject({
      articleIds: [],
      articleNumbers: ['第十四条'],
    })
  })

  it('rejects an unknown article that carries a number', () => {
    const bad = {
      ruleSets: [
        {
          id: 'x',
          lawId: 'l',
          lawTitle: 't',
          effectiveFrom: '2020-01-01',
          effectiveTo: null,
          rules: [
            {
              id: 'x-1',
              step: 'LEGALITY_REVIEW',
              condition: 'ALWAYS',
              articleUnknown: true,
              articleNumbers: ['第一条'],
              before: [],
              description: 'd',
            },
          ],
        },
      ],
    }
    expect(() => loadRuleSets(bad, () => null)).toThrow()
  })
})

/** Article headings of a corpus file: 第…条 at the start of a line followed by a space or a caption bracket. */
function articleHeadings(text: string): Set<string> {
  const found = new Set<string>()
  for (const line of text.split('\n')) {
    const m = /^(第[零一二三四五六七八九十百千]+条)(?=[ \u3000(（])/.exec(line)
    if (m)
      found.add(m[1]!)
  }
  return found
}

function corpusFileFor(title: string): string {
  const matches = readdirSync(corpusDir)
    .filter(f => f.endsWith('.md') && f !== 'README.md')
    .filter(f => readFileSync(path.join(corpusDir, f), 'utf8').split('\n', 1)[0]?.trim() === `# ${title}`)
  expect(matches, `corpus files titled ${title}`).toHaveLength(1)
  return path.join(corpusDir, matches[0]!)
}

describe('seeds/rules.json against the law corpus', () => {
  it('finds the corpus', () => {
    expect(existsSync(corpusDir), `law corpus at ${corpusDir} (set LAW_CORPUS_DIR)`).toBe(true)
  })

  it.each(ruleSets.map(s => [s.id, s] as const))('%s cites only articles present in its law text', (_id, set) => {
    const text = readFileSync(corpusFileFor(set.lawTitle), 'utf8')
    const headings = articleHeadings(text)
    const cited = [
      ...set.rules.flatMap(r => [
        ...r.articleNumbers,
        ...(r.periodArticleNumber
          ? [r.periodArticleNumber]
          : []),
      ]),
      ...(set.appliesToTownsBy?.match(/第[零一二三四五六七八九十百千]+条/g) ?? []),
    ]
    expect(cited.length).toBeGreaterThan(0)
    for (const number of cited)
      expect(headings, `${set.id}: ${number}`).toContain(number)
  })

  it.each(ruleSets.map(s => [s.id, s] as const))('%s paraphrases rather than copies the statute', (_id, set) => {
    const strip = (s: string): string => s.replace(/[\s\p{P}]/gu, '')
    const text = strip(readFileSync(corpusFileFor(set.lawTitle), 'utf8'))
    const window = 15
    for (const rule of set.rules) {
      const d = strip(rule.description)
      for (let i = 0; i + window <= d.length; i++)
        expect(text, `${rule.id}: "${d.slice(i, i + window)}"`).not.toContain(d.slice(i, i + window))
    }
  })

  it('keeps rule ids unique and flags unknown articles consistently', () => {
    const ids = ruleSets.flatMap(s => s.rules.map(r => r.id))
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of ruleSets.flatMap(s => s.rules)) {
      expect(rule.id.startsWith(`${rule.ruleSetId}-`)).toBe(true)
      expect(rule.articleUnknown).toBe(rule.articleNumbers.length === 0)
      if (rule.articleUnknown)
        expect(rule.description).toContain('条号不详')
    }
    const unknown = ruleSetById('shanghai-47').rules.filter(r => r.articleUnknown).map(r => r.step)
    expect(unknown).toEqual(['LEGALITY_REVIEW', 'COLLECTIVE_DECISION'])
  })
})
