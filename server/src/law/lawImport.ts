import type { Buffer } from 'node:buffer'
import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { LawVersionPlan } from './importPlan'
import type { ParsedLaw } from './parse'
import type { LawReferenceData } from './referenceData'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { recordAudit } from '../audit/audit'
import { logger } from '../logger'
import { currentArticleKey, lawTitleKeys, resolveCitations } from './citationLinks'
import { extractCitations, normaliseLawTitle } from './citations'
import { planCorpusVersion, plannedLaw, planSummaryVersion, replacementPairs } from './importPlan'
import {
  clearVersions,
  orderVersions,
  readCitingArticles,
  readCitingLawIds,
  readCorpusHashes,
  readCurrentArticles,
  readCurrentArticlesBySlug,
  readLawIdWithTitle,
  readLawsWithoutVersions,
  readLawTitles,
  readOrphanArticles,
  readVersionArticles,
  readVersionNumbers,
  readVersionStamp,
  retireArticles,
  setReplacements,
  upsertLaws,
  writeCitations,
  writeVersion,
} from './law.import.repository'
import { attachSummaries, syncLawRelations, syncTopicLinks, upsertTopics } from './law.reference.repository'
import { publishLawsChanged } from './lawEvents'
import { chooseLawId, contentHash, lawVersionId } from './lawIds'
import { combineParts, withPart } from './lawParts'
import { statedMetadata } from './metadata'
import { LawParseError, parseLaw } from './parse'
import { lawReferenceData } from './referenceData'

/** What importing one file did. */
export interface LawImportReport {
  fileName: string
  lawId: string
  versionId: string
  title: string
  articles: number
  /** The version did not exist before. */
  created: boolean
  /** The same text was already imported: nothing was written. */
  unchanged: boolean
  /** Articles no version contains any more but kept because other data links to them and no same-number article took over. */
  keptArticles: string[]
  /** What the parser assumed or skipped, each with its line: the file was accepted with these notes. */
  warnings: string[]
}

export interface ImportOptions {
  /** Who imports (for the audit trail); null for start-up and the CLI. */
  actor?: SessionUser | null
  /** Re-write versions whose text is unchanged (the result is the same graph). */
  force?: boolean
  reference?: LawReferenceData
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Parses file content. Text that arrived already decoded (the `importLaw` mutation) is refused when
 * it carries U+FFFD or a lone surrogate: the marks of bytes that were not valid UTF-8 upstream.
 */
export function parseLawInput(content: Buffer | string, fileName: string): ParsedLaw {
  if (typeof content === 'string') {
    const bad = /\uFFFD/.exec(content) ?? LONE_SURROGATE.exec(content)
    if (bad) {
      const line = content.slice(0, bad.index).split('\n').length
      throw new LawParseError(fileName, line, `无效的 UTF-8 编码 (invalid UTF-8: the text contains ${bad[0] === '\uFFFD' ? 'U+FFFD, the mark of undecodable bytes' : 'a lone surrogate'}); save the file as UTF-8 and upload it again`)
    }
  }
  return parseLaw(content, fileName)
}

function decodedText(content: Buffer | string): string {
  return typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content)
}

/**
 * Imports one law file (one version, or one part of a version published in several files) in one
 * transaction: nothing is written when the file is refused (LawParseError, thrown before any write)
 * or when the same text was imported before (unless `force`). Once committed, a changed text is
 * announced with {@link publishLawsChanged}.
 */
export async function importLawText(db: Database, file: { fileName: string, content: Buffer | string }, options: ImportOptions = {}): Promise<LawImportReport> {
  const parsed = parseLawInput(file.content, file.fileName)
  const text = decodedText(file.content)
  const hash = contentHash(text)
  const reference = options.reference ?? lawReferenceData()
  const manifest = reference.byTitle.get(parsed.title) ?? null
  const fileName = path.basename(file.fileName)
  const report = await db.transaction(async (tx) => {
    const lawId = manifest?.id ?? chooseLawId({ manifestId: null, idWithSameTitle: await readLawIdWithTitle(tx, parsed.title), title: parsed.title })
    const law = manifest ? plannedLaw(lawId, parsed.title, manifest) : { ...plannedLaw(lawId, parsed.title, null), ...statedMetadata(parsed) }
    const versionId = lawVersionId(lawId, parsed.versionDate)
    const stamp = await readVersionStamp(tx, versionId)
    let plan: LawVersionPlan
    let unchanged: boolean
    if (parsed.partTitle === null) {
      plan = planCorpusVersion(parsed, law, { fileName, contentHash: hash })
      unchanged = stamp?.source === 'CORPUS' && stamp.contentHash === hash
    }
    else {
      const parts = withPart(stamp?.parts ?? [], { title: parsed.partTitle, fileName, text, hash })
      const combined = combineParts(parts.map(p => p.hash === hash ? parsed : parseLaw(p.text, p.fileName)), file.fileName)
      plan = planCorpusVersion(combined, law, { fileName, contentHash: contentHash(parts.map(p => p.hash).join('\n')) })
      plan.version.parts = parts
      unchanged = stamp?.source === 'CORPUS' && (stamp.parts ?? []).some(p => p.hash === hash)
    }
    const report: LawImportReport = {
      fileName: file.fileName,
      lawId,
      versionId: plan.version.id,
      title: parsed.title,
      articles: plan.articles.length,
      created: stamp === null,
      unchanged,
      keptArticles: [],
      warnings: parsed.warnings.map(w => `${w.line > 0 ? `第 ${w.line} 行: ` : ''}${w.message}`),
    }
    if (unchanged && !options.force)
      return report
    report.keptArticles = await applyVersionPlan(tx, plan, reference, { keepMetadata: manifest === null })
    if (!unchanged)
      await recordAudit(tx, { actor: options.actor ?? null, operation: 'importLaw', targetIds: [lawId, plan.version.id] })
    return report
  })
  if (!report.unchanged)
    await publishLawsChanged({ db, lawIds: [report.lawId] })
  return report
}

/**
 * Writes a planned version and brings everything that depends on it up to date, inside `tx`:
 * version order (current, SUPERSEDES), REPLACES between articles, the links of articles no version
 * contains any more (moved to the same-number article of the re-imported text, or for a replaced
 * SUMMARY version to the current version's), citations of this law and of the laws citing it, 要点
 * summaries and topic links. Returns the ids of retired articles kept for their links.
 */
export async function applyVersionPlan(tx: Tx, plan: LawVersionPlan, reference: LawReferenceData, options: { keepMetadata?: boolean } = {}): Promise<string[]> {
  const lawId = plan.law.id
  // Before anything moves: who cites this law now (their CITES must follow the new current version).
  const citing = await readCitingLawIds(tx, lawId, lawTitleKeys(plan.law))
  const cleared = await clearVersions(tx, lawId, plan.version.id, plan.version.source === 'CORPUS' ? plan.version.versionDate : null)
  await writeVersion(tx, plan, options)
  await orderVersions(tx, lawId)
  const versions = await readVersionArticles(tx, lawId)
  await setReplacements(tx, lawId, replacementPairs(versions))

  const contained = new Set(versions.flatMap(v => v.articles.map(a => a.id)))
  const current = await readCurrentArticlesBySlug(tx, lawId)
  const planned = new Map(plan.articles.map(a => [a.slug, { id: a.id, versionDate: plan.version.versionDate }]))
  const orphans = (await readOrphanArticles(tx, lawId)).map(a => ({ ...a, summary: null, versionDate: '' }))
  const seen = new Set<string>()
  const retirements = [...cleared, ...orphans]
    .filter(a => !contained.has(a.id) && !seen.has(a.id) && seen.add(a.id))
    .map((a) => {
      // An article of the re-imported text goes to its successor in that text; a summary or orphan
      // to the current version's article with the same number.
      const ownVersion = a.versionDate === plan.version.versionDate
      const target = ownVersion ? planned.get(a.slug) ?? null : current.get(a.slug) ?? null
      return { from: a.id, to: target?.id ?? null, copySummary: a.summary !== null && target?.versionDate === a.versionDate }
    })
  const kept = await retireArticles(tx, retirements)
  if (kept.length > 0)
    logger.warn({ lawId, kept }, 'articles no version contains were kept because other data links to them')

  await resolveLawCitations(tx, [lawId, ...citing])
  const summaries = reference.summaries.get(lawId)
  if (summaries)
    await attachSummaries(tx, lawVersionId(lawId, summaries.versionDate), Object.fromEntries(summaries.articles.map(a => [a.number, a.summary])))
  await syncTopicLinks(tx, [lawId], reference.topics.map(t => t.id), reference.topicLinks)
  return kept
}

/** Recomputes the outgoing CITES and unresolved citations of every article of the laws. */
export async function resolveLawCitations(tx: Tx, lawIds: string[]): Promise<void> {
  const ids = [...new Set(lawIds)]
  const lawIdByTitle = new Map<string, string>()
  for (const law of (await readLawTitles(tx)).sort((a, b) => a.id.localeCompare(b.id))) {
    for (const key of lawTitleKeys(law)) {
      if (!lawIdByTitle.has(key))
        lawIdByTitle.set(key, law.id)
    }
  }
  const articles = await readCitingArticles(tx, ids)
  const cited = new Set<string>()
  for (const a of articles) {
    for (const c of extractCitations(a.text ?? '')) {
      const target = c.lawTitle === null ? null : lawIdByTitle.get(normaliseLawTitle(c.lawTitle))
      if (target && c.articleNumber)
        cited.add(target)
    }
  }
  const currentArticle = new Map((await readCurrentArticles(tx, [...cited])).map(([lawId, number, id]) => [currentArticleKey(lawId, number), id]))
  const numbers = await readVersionNumbers(tx, [...new Set(articles.map(a => a.homeId))])
  const sameVersion = new Map([...numbers].map(([id, pairs]) => [id, new Map(pairs)]))
  const rows = articles.map(a => resolveCitations({ id: a.id, lawId: a.lawId, text: a.text, sameVersion: sameVersion.get(a.homeId) ?? new Map() }, { lawIdByTitle, currentArticle }))
  await writeCitations(tx, rows.map(r => ({ id: r.articleId, articles: r.articles, laws: r.laws, unresolved: r.unresolved })))
}

/** The law files under `target`: the file itself, or the directory's `*.md` except README.md, sorted. */
export function listLawFiles(target: string): string[] {
  if (!statSync(target).isDirectory())
    return [target]
  return readdirSync(target)
    .filter(f => f.endsWith('.md') && f.toUpperCase() !== 'README.MD')
    .sort()
    .map(f => path.join(target, f))
}

/** A file the importer refused. */
export interface LawImportFailure {
  fileName: string
  line: number
  message: string
}

/**
 * Imports files one by one, each in its own transaction. Files whose exact text is already imported
 * are skipped after one query (no parsing), so start-up stays fast. A refused file is reported and
 * the others still import.
 */
export async function importLawFiles(db: Database, files: string[], options: ImportOptions = {}): Promise<{ reports: LawImportReport[], failures: LawImportFailure[], skipped: string[] }> {
  const contents = files.map(file => ({ file, content: readFileSync(file) }))
  const hashes = contents.map(c => contentHash(decodedText(c.content)))
  const imported = new Set(options.force ? [] : await readCorpusHashes(db, hashes))
  const reports: LawImportReport[] = []
  const failures: LawImportFailure[] = []
  const skipped: string[] = []
  for (const [i, { file, content }] of contents.entries()) {
    const fileName = path.basename(file)
    if (imported.has(hashes[i]!)) {
      skipped.push(fileName)
      continue
    }
    try {
      reports.push(await importLawText(db, { fileName, content }, options))
    }
    catch (error) {
      if (!(error instanceof LawParseError))
        throw error
      failures.push({ fileName, line: error.line, message: error.message })
    }
  }
  return { reports, failures, skipped }
}

/**
 * The whole library step of start-up (`seedReferenceData`) and of `npm run laws:import`: manifest
 * metadata, the corpus (when given), a SUMMARY version for every manifest law still without a version,
 * manifest relations, topics and 要点 summaries. Idempotent.
 */
export async function seedLawLibrary(db: Database, options: { corpus?: string | null, force?: boolean } = {}): Promise<{ reports: LawImportReport[], failures: LawImportFailure[], skipped: string[] }> {
  const reference = lawReferenceData()
  const manifestIds = reference.laws.map(l => l.id)
  await upsertLaws(db, reference.laws.map(l => plannedLaw(l.id, l.title, l)))
  const result = options.corpus
    ? await importLawFiles(db, listLawFiles(options.corpus), { reference, force: options.force })
    : { reports: [], failures: [], skipped: [] }
  for (const failure of result.failures)
    logger.error({ file: failure.fileName, line: failure.line }, `law file refused: ${failure.message}`)

  for (const lawId of await readLawsWithoutVersions(db, manifestIds)) {
    const entry = reference.summaries.get(lawId)
    const manifest = reference.byId.get(lawId)!
    if (entry)
      await db.transaction(tx => applyVersionPlan(tx, planSummaryVersion(plannedLaw(lawId, manifest.title, manifest), entry), reference))
  }
  await syncLawRelations(db, manifestIds, reference.relations)
  await upsertTopics(db, reference.topics)
  await syncTopicLinks(db, [...new Set(reference.topicLinks.map(l => l.lawId))], reference.topics.map(t => t.id), reference.topicLinks)
  for (const entry of reference.summaries.values())
    await attachSummaries(db, lawVersionId(entry.lawId, entry.versionDate), Object.fromEntries(entry.articles.map(a => [a.number, a.summary])))
  const changed = result.reports.filter(r => !r.unchanged).length
  logger.info({ imported: changed, unchanged: result.skipped.length + result.reports.length - changed, refused: result.failures.length }, 'law library ready')
  return result
}
