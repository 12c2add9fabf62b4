import type { LawPart } from './lawParts'
import type { DivisionKind, ParsedDivision, ParsedLaw } from './parse'
import { articleOrdinal, articleSlug, parseChineseNumber } from './chineseNumber'
import { articleNodeId, divisionNodeId, lawVersionId, summaryArticleId } from './lawIds'

/**
 * Pure planning of the law graph writes: what nodes a parsed file (or a 要点 summary entry) becomes.
 * The repository writes a plan as it is; nothing here touches the database.
 */

/** 效力级别. UNKNOWN: a law imported without a manifest entry — its text does not state its level. */
export const LAW_LEVELS = [
  'CONSTITUTION',
  'LAW',
  'ADMINISTRATIVE_REGULATION',
  'JUDICIAL_INTERPRETATION',
  'LOCAL_REGULATION',
  'GOVERNMENT_RULE',
  'NORMATIVE_DOCUMENT',
  'PARTY_REGULATION',
  'UNKNOWN',
] as const
export type LawLevelValue = typeof LAW_LEVELS[number]

/** 时效性. UNKNOWN: imported without a manifest entry, status not verified. */
export const LAW_STATUSES = ['IN_FORCE', 'AMENDED', 'REPEALED', 'NOT_YET_EFFECTIVE', 'UNKNOWN'] as const
export type LawStatusValue = typeof LAW_STATUSES[number]

/** Law-to-law relation types of the manifest. */
export const LAW_RELATION_TYPES = ['IMPLEMENTS', 'REPLACES', 'BASED_ON'] as const
export type LawRelationType = typeof LAW_RELATION_TYPES[number]

/** One entry of seeds/laws.json. */
export interface LawManifestEntry {
  id: string
  title: string
  shortTitle?: string | null
  level: LawLevelValue
  issuer?: string | null
  docNumber?: string | null
  status: LawStatusValue
  statusNote?: string | null
  relations?: { type: LawRelationType, target: string }[]
}

/** One entry of seeds/summaries.json. */
export interface LawSummaryEntry {
  lawId: string
  versionDate: string
  divisions: {
    kind: 'CHAPTER'
    number: string
    title: string
    sections?: { kind: 'SECTION', number: string, title: string, articles: string[] }[]
    articles: string[]
  }[]
  articles: { number: string, summary: string }[]
}

/** Properties of a Law node. */
export interface PlannedLaw {
  id: string
  title: string
  shortTitle: string | null
  level: LawLevelValue
  issuer: string | null
  docNumber: string | null
  status: LawStatusValue
  statusNote: string | null
}

export interface PlannedVersion {
  id: string
  lawId: string
  versionDate: string
  promulgatedOn: string | null
  effectiveFrom: string | null
  source: 'CORPUS' | 'SUMMARY'
  textComplete: boolean
  partialNote: string | null
  /** Event lines of the information block, verbatim; `eventDates` holds their ISO dates. */
  events: string[]
  eventDates: string[]
  preamble: string[]
  contentHash: string | null
  fileName: string | null
  /** The files of a version published in several parts (民法典), or undefined for a one-file version. */
  parts?: LawPart[]
}

export interface PlannedDivision {
  id: string
  versionId: string
  /** Null for a top-level division (child of the version). */
  parentId: string | null
  kind: DivisionKind
  number: string
  ordinal: number
  title: string
  order: number
  /** Text of the division outside its articles (an 附件's list); `[]` for most. */
  paragraphs: string[]
}

export interface PlannedArticle {
  id: string
  lawId: string
  slug: string
  number: string
  ordinal: number
  caption: string | null
  text: string | null
  paragraphs: string[]
  textSource: 'OFFICIAL' | 'SUMMARY'
  /** Only for SUMMARY articles; official articles get their summary from seeds/summaries.json separately. */
  summary: string | null
  /** Innermost division in this version, or null outside any. */
  divisionId: string | null
}

/** Everything one law version writes. Divisions are parent-first. */
export interface LawVersionPlan {
  law: PlannedLaw
  version: PlannedVersion
  divisions: PlannedDivision[]
  articles: PlannedArticle[]
}

/** Law properties from the manifest, or — without an entry — only what the text tells. */
export function plannedLaw(id: string, title: string, manifest: LawManifestEntry | null): PlannedLaw {
  if (!manifest) {
    return { id, title, shortTitle: null, level: 'UNKNOWN', issuer: null, docNumber: null, status: 'UNKNOWN', statusNote: null }
  }
  return {
    id: manifest.id,
    title: manifest.title,
    shortTitle: manifest.shortTitle ?? null,
    level: manifest.level,
    issuer: manifest.issuer ?? null,
    docNumber: manifest.docNumber ?? null,
    status: manifest.status,
    statusNote: manifest.statusNote ?? null,
  }
}

/** Plans the CORPUS version of a parsed file for the law `law`. */
export function planCorpusVersion(parsed: ParsedLaw, law: PlannedLaw, file: { fileName: string, contentHash: string }): LawVersionPlan {
  const versionId = lawVersionId(law.id, parsed.versionDate)
  const divisions: PlannedDivision[] = []
  const walk = (list: ParsedDivision[], parentId: string | null): void => {
    for (const d of list) {
      const id = divisionNodeId(versionId, d.id)
      divisions.push({ id, versionId, parentId, kind: d.kind, number: d.number, ordinal: d.ordinal, title: d.title, order: d.order, paragraphs: d.paragraphs })
      walk(d.children, id)
    }
  }
  walk(parsed.divisions, null)
  const articles: PlannedArticle[] = parsed.articles.map(a => ({
    id: articleNodeId(law.id, a.slug, a.caption, a.text),
    lawId: law.id,
    slug: a.slug,
    number: a.number,
    ordinal: a.ordinal,
    caption: a.caption,
    text: a.text,
    paragraphs: a.paragraphs,
    textSource: 'OFFICIAL',
    summary: null,
    divisionId: a.path.length > 0 ? divisionNodeId(versionId, a.path.at(-1)!) : null,
  }))
  return {
    law,
    version: {
      id: versionId,
      lawId: law.id,
      versionDate: parsed.versionDate,
      promulgatedOn: parsed.promulgatedOn,
      effectiveFrom: parsed.effectiveFrom,
      source: 'CORPUS',
      textComplete: parsed.partial === null,
      partialNote: parsed.partial,
      events: parsed.events.map(e => e.text),
      eventDates: parsed.events.map(e => e.date),
      preamble: parsed.preamble,
      contentHash: file.contentHash,
      fileName: file.fileName,
    },
    divisions,
    articles,
  }
}

function divisionOrdinal(number: string, suffix: '章' | '节'): number {
  const m = new RegExp(`^第(.+)${suffix}$`).exec(number)
  if (!m?.[1])
    throw new RangeError(`not a ${suffix} number: ${number}`)
  return parseChineseNumber(m[1])
}

/**
 * Plans the SUMMARY version of a law known only by its 要点: divisions and articles from
 * seeds/summaries.json, `text` null, `textSource` SUMMARY, never complete.
 */
export function planSummaryVersion(law: PlannedLaw, entry: LawSummaryEntry): LawVersionPlan {
  const versionId = lawVersionId(law.id, entry.versionDate)
  const divisions: PlannedDivision[] = []
  const divisionOf = new Map<string, string>()
  entry.divisions.forEach((chapter, i) => {
    const c = divisionOrdinal(chapter.number, '章')
    const chapterId = divisionNodeId(versionId, `c${c}`)
    divisions.push({ id: chapterId, versionId, parentId: null, kind: 'CHAPTER', number: chapter.number, ordinal: c, title: chapter.title, order: i + 1, paragraphs: [] })
    chapter.articles.forEach(n => divisionOf.set(n, chapterId))
    ;(chapter.sections ?? []).forEach((section, j) => {
      const s = divisionOrdinal(section.number, '节')
      const sectionId = divisionNodeId(versionId, `c${c}-s${s}`)
      divisions.push({ id: sectionId, versionId, parentId: chapterId, kind: 'SECTION', number: section.number, ordinal: s, title: section.title, order: j + 1, paragraphs: [] })
      section.articles.forEach(n => divisionOf.set(n, sectionId))
    })
  })
  const articles: PlannedArticle[] = entry.articles
    .map((a) => {
      const slug = articleSlug(a.number)
      return {
        id: summaryArticleId(law.id, slug),
        lawId: law.id,
        slug,
        number: a.number,
        ordinal: articleOrdinal(a.number),
        caption: null,
        text: null,
        paragraphs: [],
        textSource: 'SUMMARY' as const,
        summary: a.summary,
        divisionId: divisionOf.get(a.number) ?? null,
      }
    })
    .sort((x, y) => x.ordinal - y.ordinal)
  return {
    law,
    version: {
      id: versionId,
      lawId: law.id,
      versionDate: entry.versionDate,
      promulgatedOn: null,
      effectiveFrom: null,
      source: 'SUMMARY',
      textComplete: false,
      partialNote: null,
      events: [],
      eventDates: [],
      preamble: [],
      contentHash: null,
      fileName: null,
    },
    divisions,
    articles,
  }
}

/** Article ids of one version, for {@link replacementPairs}. */
export interface VersionArticles {
  versionDate: string
  articles: { id: string, slug: string }[]
}

/**
 * (newer, older) article id pairs for `(:Article)-[:REPLACES]->(:Article)`: between consecutive
 * versions (by date), an article whose number is kept but whose node differs (changed text) replaces
 * the older one.
 */
export function replacementPairs(versions: VersionArticles[]): { from: string, to: string }[] {
  const sorted = [...versions].sort((a, b) => a.versionDate.localeCompare(b.versionDate))
  const pairs: { from: string, to: string }[] = []
  for (let i = 1; i < sorted.length; i++) {
    const older = new Map(sorted[i - 1]!.articles.map(a => [a.slug, a.id]))
    const olderIds = new Set(older.values())
    for (const a of sorted[i]!.articles) {
      const previous = older.get(a.slug)
      // An article that also belongs to the older version (a text restored later) replaces nothing.
      if (previous && previous !== a.id && !olderIds.has(a.id))
        pairs.push({ from: a.id, to: previous })
    }
  }
  return pairs
}
