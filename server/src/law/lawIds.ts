import { createHash } from 'node:crypto'
import { normaliseLawTitle } from './citations'

/**
 * Identifiers of the law graph. Every id is derived from content, never from import order, so
 * importing the same files in any order (or twice) yields the same graph:
 *
 * - Law: the manifest id (`seeds/laws.json`, matched by exact title); for a law without a manifest
 *   entry, the id of an existing Law with the same title, else {@link lawIdFromTitle} (from the
 *   normalised title: never from the file name, whose 2023-12-29 dates would merge unrelated laws).
 * - LawVersion: `<lawId>@<versionDate>` (`legislation-law@2023-03-13`).
 * - Division: `<versionId>/<parser division id>` (`major-decision-procedure@2019-04-20/c3-s1`),
 *   one set per version because headings belong to a text.
 * - Article: `<lawId>/<slug>~<first 8 hex of sha256(caption + text)>`
 *   (`legislation-law/1~3f2a9c01`). An article whose number and wording stay the same between two
 *   versions therefore keeps one node (both versions CONTAIN it), so questions and study records
 *   linked to it survive an amendment; a changed article is a new node that REPLACES the old one.
 * - Article known only by its 要点 summary (SUMMARY version): `<lawId>/<slug>~summary`.
 */

/** Hex sha256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Hash of a file's decoded text (line endings and BOM normalised), stored on the LawVersion to skip unchanged files. */
export function contentHash(text: string): string {
  return sha256(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
}

export function lawVersionId(lawId: string, versionDate: string): string {
  return `${lawId}@${versionDate}`
}

export function divisionNodeId(versionId: string, parsedDivisionId: string): string {
  return `${versionId}/${parsedDivisionId}`
}

/** Id of an article with official text; see the module comment. */
export function articleNodeId(lawId: string, slug: string, caption: string | null, text: string): string {
  const content = caption === null ? text : `(${caption})\n${text}`
  return `${lawId}/${slug}~${sha256(content).slice(0, 8)}`
}

/** Id of an article of a SUMMARY version (no official text). */
export function summaryArticleId(lawId: string, slug: string): string {
  return `${lawId}/${slug}~summary`
}

/**
 * The title as an id sees it: NFKC (full-width brackets and digits folded), without 《》, the
 * 中华人民共和国 prefix or any whitespace, so `上海市社会救助条例` and `上海市社会救助条例 ` are one law.
 */
export function normaliseTitleForId(title: string): string {
  return normaliseLawTitle(title.normalize('NFKC')).replace(/\s+/g, '')
}

/**
 * Law id for a law without a manifest entry: `law-` and 12 hex of the sha256 of its normalised
 * title. It depends on the title alone, never on the file name or on what was imported before, so
 * two versions of one law get the same id whichever is imported first.
 */
export function lawIdFromTitle(title: string): string {
  return `law-${sha256(normaliseTitleForId(title)).slice(0, 12)}`
}

/**
 * Chooses the id of a law being imported: the manifest id, else the id of a Law already holding
 * this title (a law created from the manifest or summaries keeps its id), else {@link lawIdFromTitle}.
 */
export function chooseLawId(input: { manifestId: string | null, idWithSameTitle: string | null, title: string }): string {
  return input.manifestId ?? input.idWithSameTitle ?? lawIdFromTitle(input.title)
}
