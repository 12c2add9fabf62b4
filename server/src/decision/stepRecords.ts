/**
 * Step records and their corrections: a record is never changed, a later record corrects it.
 * Pure: no I/O.
 */
import type { StepCode } from './steps'

/**
 * Ways of hearing the public, as 国务院令第713号 第十四条第二款 lists them (in its order), with their
 * Chinese names. Only PUBLIC_COMMENT (向社会公开征求意见) is held to the comment period of 第十五条.
 */
const METHODS = [
  { code: 'SYMPOSIUM', name: '座谈会' },
  { code: 'HEARING', name: '听证会' },
  { code: 'FIELD_VISIT', name: '实地走访' },
  { code: 'WRITTEN_CONSULTATION', name: '书面征求意见' },
  { code: 'PUBLIC_COMMENT', name: '向社会公开征求意见' },
  { code: 'SURVEY', name: '问卷调查' },
  { code: 'OPINION_POLL', name: '民意调查' },
] as const

/** A way of hearing the public (第十四条). */
export type ParticipationMethod = typeof METHODS[number]['code']
/** The participation methods in the order of 第十四条. */
export const PARTICIPATION_METHODS = METHODS.map(m => m.code) as [ParticipationMethod, ...ParticipationMethod[]]
/** Chinese names of the participation methods. */
export const PARTICIPATION_METHOD_NAMES = Object.fromEntries(METHODS.map(m => [m.code, m.name])) as Record<ParticipationMethod, string>

/** Conclusions of a legality review (第二十五条第二款 turns on 不合法). */
const CONCLUSIONS = [
  { code: 'LAWFUL', name: '合法' },
  { code: 'UNLAWFUL', name: '不合法' },
  { code: 'LAWFUL_AFTER_CHANGES', name: '修改后合法' },
] as const

/** The conclusion of a legality review. */
export type ReviewConclusion = typeof CONCLUSIONS[number]['code']
/** The review conclusions. */
export const REVIEW_CONCLUSIONS = CONCLUSIONS.map(c => c.code) as [ReviewConclusion, ...ReviewConclusion[]]
/** Chinese names of the review conclusions. */
export const REVIEW_CONCLUSION_NAMES = Object.fromEntries(CONCLUSIONS.map(c => [c.code, c.name])) as Record<ReviewConclusion, string>

/** Who gave the legal opinion during a legality review (第二十八条), or NONE when nobody did. */
const OPINION_BY = [
  { code: 'LEGAL_ADVISER', name: '法律顾问' },
  { code: 'PUBLIC_LAWYER', name: '公职律师' },
  { code: 'LEGAL_ADVISER_AND_PUBLIC_LAWYER', name: '法律顾问和公职律师' },
  { code: 'NONE', name: '未组织' },
] as const

/** Who gave the legal opinion of a legality review. */
export type LegalOpinionBy = typeof OPINION_BY[number]['code']
/** The values of {@link LegalOpinionBy}. */
export const LEGAL_OPINION_BY = OPINION_BY.map(o => o.code) as [LegalOpinionBy, ...LegalOpinionBy[]]
/** Chinese names of {@link LegalOpinionBy}. */
export const LEGAL_OPINION_BY_NAMES = Object.fromEntries(OPINION_BY.map(o => [o.code, o.name])) as Record<LegalOpinionBy, string>

/**
 * One recorded step. A record with `correctsId` replaces the record it names. The optional facts say
 * what 国务院令第713号 asks about a step; absent means the record does not say (records made before
 * they existed).
 */
export interface StepRecordFacts {
  id: string
  stepCode: StepCode
  startedOn: string | null
  completedOn: string | null
  outcome: string | null
  evidence: { title: string, number: string | null }[]
  correctsId: string | null
  /** ISO datetime. */
  recordedAt: string
  /** 送审日: the day the draft was sent for legality review (第二十六条). */
  submittedOn?: string | null
  /** How the public was heard (第十四条); empty when the record does not say. */
  methods?: ParticipationMethod[]
  /** Why a period was shorter than usual, as stated at the time (第十五条, 第二十六条: "一般"). */
  shortenedReason?: string | null
  /** The legality review's conclusion (第二十五条第二款). */
  conclusion?: ReviewConclusion | null
  /** The matter is an exploratory reform with its legal risk disclosed to the meeting (第二十五条第二款). */
  exploratoryReform?: boolean
  /** Who gave the legal opinion during the review (第二十八条). */
  legalOpinionBy?: LegalOpinionBy | null
  /** Where the risk was already assessed under other rules (第二十二条第二款). */
  alreadyAssessedRef?: string | null
}

function recordedTime(record: StepRecordFacts): number {
  const t = Date.parse(record.recordedAt)
  return Number.isNaN(t)
    ? Number.NEGATIVE_INFINITY
    : t
}

/**
 * The records that count: records linked by `correctsId` form one correction chain, and of each chain
 * only the latest record (by `recordedAt`) that no other record corrects is effective. A `correctsId`
 * naming an unknown record is ignored. Input order is kept.
 */
export function effectiveRecords(records: StepRecordFacts[]): StepRecordFacts[] {
  const index = new Map(records.map((r, i) => [r.id, i]))
  // Union-find over correction links, so branches and cycles still end up in one chain.
  const parent = records.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root)
      root = parent[root]!
    parent[i] = root
    return root
  }
  const corrected = new Set<number>()
  records.forEach((r, i) => {
    const target = r.correctsId === null
      ? undefined
      : index.get(r.correctsId)
    if (target === undefined || target === i)
      return
    corrected.add(target)
    parent[find(i)] = find(target)
  })
  const chains = new Map<number, number[]>()
  records.forEach((_, i) => {
    const root = find(i)
    chains.set(root, [
      ...(chains.get(root) ?? []),
      i,
    ])
  })
  const keep = new Set<number>()
  for (const members of chains.values()) {
    const heads = members.filter(i => !corrected.has(i))
    // A cycle leaves no uncorrected record; fall back to the latest of the whole chain.
    const candidates = heads.length > 0
      ? heads
      : members
    let winner = candidates[0]!
    for (const i of candidates) {
      if (recordedTime(records[i]!) >= recordedTime(records[winner]!))
        winner = i
    }
    keep.add(winner)
  }
  return records.filter((_, i) => keep.has(i))
}

/** Days after its completion beyond which a record counts as written down late (补录). */
export const LATE_ENTRY_DAYS = 30

/**
 * Whether a record was written down more than {@link LATE_ENTRY_DAYS} days after the step was completed
 * (补录), by the day in China it was recorded. Such a record still counts; the advisor should see it.
 */
export function isLateEntry(completedOn: string | null, recordedAt: string): boolean {
  const recorded = Date.parse(recordedAt)
  if (completedOn === null || Number.isNaN(recorded))
    return false
  const recordedDay = new Date(recorded + 8 * 3_600_000).toISOString().slice(0, 10)
  return (Date.parse(recordedDay) - Date.parse(completedOn)) / 86_400_000 > LATE_ENTRY_DAYS
}
