/**
 * The bank's text filter as a Lucene query for the `question_stem_fulltext` index (cjk analyzer). A
 * filter narrows the list, so every word must match: each word is searched as a phrase (its character
 * bigrams in order) and the words are ANDed. User input never reaches Lucene unescaped.
 */

/** Longest text filter accepted, in characters. */
export const MAX_QUESTION_SEARCH = 100

/** Escapes the characters that keep a meaning inside a quoted Lucene phrase. */
export function escapePhrase(text: string): string {
  return text.replace(/[\\"]/g, ch => `\\${ch}`)
}

/**
 * `{ lucene, contains }`: the Lucene query for words the index can find, and a plain substring for
 * input it cannot (a single CJK character is only indexed where it stands alone, so it is matched with
 * CONTAINS instead). Both null when nothing searchable is left.
 */
export function questionTextQuery(input: string): { lucene: string | null, contains: string | null } {
  const words = input
    .normalize('NFKC')
    .slice(0, MAX_QUESTION_SEARCH)
    .split(/\s+/)
    .map(w => w.trim())
    .filter(w => /[\p{L}\p{N}]/u.test(w))
  const indexed = words.filter(w => [...w].length >= 2)
  const single = words.filter(w => [...w].length < 2)
  return {
    lucene: indexed.length > 0 ? indexed.map(w => `"${escapePhrase(w)}"`).join(' AND ') : null,
    contains: indexed.length === 0 && single.length > 0 ? single[0]! : null,
  }
}
