/**
 * Step records and their corrections: a record is never changed, a later record corrects it.
 * Pure: no I/O.
 */
import type { StepCode } from './steps'

/** One recorded step. A record with `correctsId` replaces the record it names. */
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
