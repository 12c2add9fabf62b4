import type { LawManifestEntry, LawRelationType, LawSummaryEntry } from './importPlan'
import type { TopicLink } from './law.reference.repository'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT_DIR } from '../config'

/**
 * The law library's reference data shipped in seeds/: the manifest (laws.json: metadata the texts do
 * not carry), the 要点 summaries (summaries.json) and the topics (topics.json).
 */
export interface LawReferenceData {
  laws: LawManifestEntry[]
  byTitle: ReadonlyMap<string, LawManifestEntry>
  byId: ReadonlyMap<string, LawManifestEntry>
  summaries: ReadonlyMap<string, LawSummaryEntry>
  topics: { id: string, name: string, nameEn: string, description: string }[]
  topicLinks: TopicLink[]
  relations: { from: string, type: LawRelationType, to: string }[]
}

interface TopicsFile {
  topics: { id: string, name: string, nameEn: string, description: string, articles: { lawId: string, version?: string, articles: string[] }[] }[]
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(ROOT_DIR, 'seeds', name), 'utf8')) as T
}

let cached: LawReferenceData | null = null

/** Reads and indexes the reference data once per process. */
export function lawReferenceData(): LawReferenceData {
  if (cached)
    return cached
  const laws = readJson<{ laws: LawManifestEntry[] }>('laws.json').laws
  const summaries = readJson<{ laws: LawSummaryEntry[] }>('summaries.json').laws
  const topics = readJson<TopicsFile>('topics.json').topics
  cached = {
    laws,
    byTitle: new Map(laws.map(l => [l.title, l])),
    byId: new Map(laws.map(l => [l.id, l])),
    summaries: new Map(summaries.map(s => [s.lawId, s])),
    topics: topics.map(({ id, name, nameEn, description }) => ({ id, name, nameEn, description })),
    topicLinks: topics.flatMap(t => t.articles.flatMap(link => link.articles.map(number => ({
      topicId: t.id,
      lawId: link.lawId,
      number,
      version: link.version ?? null,
    })))),
    relations: laws.flatMap(l => (l.relations ?? []).map(r => ({ from: l.id, type: r.type, to: r.target }))),
  }
  return cached
}
