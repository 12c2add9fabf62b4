import { extractCitations, normaliseLawTitle } from './citations'

/** An article whose text is scanned for citations. */
export interface CitingArticle {
  id: string
  lawId: string
  text: string | null
  /**
   * Article ids by number in the version that `本法第N条` refers to: the newest version containing
   * the article (an unchanged article shared by two versions reads as part of the newer text).
   */
  sameVersion: ReadonlyMap<string, string>
}

/** Where the citations of one article lead. */
export interface ResolvedCitations {
  articleId: string
  /** Target article ids, deduplicated, never the article itself. */
  articles: string[]
  /** Target law ids of title-only citations (`《中华人民共和国宪法》`). */
  laws: string[]
  /** Raw citation strings that match no article or law in the library, in text order, deduplicated. */
  unresolved: string[]
}

/** What the resolver needs to know about the library. */
export interface CitationLibrary {
  /** Law id for a normalised title or short title (see {@link normaliseLawTitle}). */
  lawIdByTitle: ReadonlyMap<string, string>
  /** Current-version article id for `${lawId}\u0000${number}`. */
  currentArticle: ReadonlyMap<string, string>
}

export function currentArticleKey(lawId: string, number: string): string {
  return `${lawId}\u0000${number}`
}

/**
 * Resolves one article's citations:
 * - `本法第N条` (and `本条例…` etc.) and a bare `第N条` → the article with that number in
 *   {@link CitingArticle.sameVersion} (a bare number in a statute means its own law);
 * - `《title》第N条` / `宪法第N条` → the article with that number in the current version of that law;
 * - `《title》` alone → the law.
 * Anything that does not resolve is kept as unresolved raw text.
 */
export function resolveCitations(article: CitingArticle, library: CitationLibrary): ResolvedCitations {
  const articles = new Set<string>()
  const laws = new Set<string>()
  const unresolved = new Set<string>()
  for (const c of extractCitations(article.text ?? '')) {
    if (c.lawTitle === null) {
      const target = c.articleNumber ? article.sameVersion.get(c.articleNumber) : undefined
      if (target)
        articles.add(target)
      else
        unresolved.add(c.raw)
      continue
    }
    const lawId = library.lawIdByTitle.get(normaliseLawTitle(c.lawTitle))
    if (!lawId) {
      unresolved.add(c.raw)
      continue
    }
    if (c.articleNumber === null) {
      laws.add(lawId)
      continue
    }
    const target = lawId === article.lawId && article.sameVersion.has(c.articleNumber)
      ? article.sameVersion.get(c.articleNumber)
      : library.currentArticle.get(currentArticleKey(lawId, c.articleNumber))
    if (target)
      articles.add(target)
    else
      unresolved.add(c.raw)
  }
  articles.delete(article.id)
  return { articleId: article.id, articles: [...articles], laws: [...laws], unresolved: [...unresolved] }
}

/** Normalised titles a law answers to (title and short title). */
export function lawTitleKeys(law: { title: string, shortTitle: string | null }): string[] {
  return [...new Set([law.title, law.shortTitle].filter((t): t is string => !!t).map(normaliseLawTitle))]
}
