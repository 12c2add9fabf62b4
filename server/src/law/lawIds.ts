import { createHash } from 'node:crypto'

/**
 * Identifiers of the law graph. Every id is derived from content, never from import order, so
 * importing the same files in any order (or twice) yields the same graph:
 *
 * - Law: the manifest id (`seeds/laws.json`, matched by exact title); for a law without a manifest
 *   entry, the id of an existing Law with the same title, else {@link lawSlugFromFileName}.
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
 * Law id for a file without a manifest entry: the file name without extension, lower-cased, runs of
 * anything but a–z and 0–9 turned into `-`, and a trailing year (`-2015`) dropped so that two versions
 * of one law share the id. A name that leaves nothing (`测试条例.md`) gives `law-<8 hex of the title>`.
 */
export function lawSlugFromFileName(fileName: string, title: string): string {
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '')
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-(?:1[89]|20)\d\d$/, '')
  return slug === '' || /^\d+$/.test(slug) ? `law-${sha256(title).slice(0, 8)}` : slug
}

/**
 * Chooses the id of a law being imported: manifest id, else the id of a Law already holding this
 * title, else the file-name slug — suffixed with the title hash when that slug already belongs to a
 * Law with another title, so a file can never merge into an unrelated law.
 */
export function chooseLawId(input: { manifestId: string | null, idWithSameTitle: string | null, slug: string, slugTakenByOtherTitle: boolean, title: string }): string {
  if (input.manifestId)
    return input.manifestId
  if (input.idWithSameTitle)
    return input.idWithSameTitle
  return input.slugTakenByOtherTitle ? `${input.slug}-${sha256(input.title).slice(0, 8)}` : input.slug
}
