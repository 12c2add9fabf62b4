/**
 * Pure helpers of full-text search: turning user input into a safe Lucene query for the `cjk`
 * analyzer, and a highlighted snippet computed here rather than by the database.
 */

/** Longest search input accepted, in characters. */
export const MAX_SEARCH_LENGTH = 100

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g

/** Escapes every Lucene query-syntax character so user input is searched literally. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, ch => `\\${ch}`)
}

/**
 * Lucene query for user input: the whole input as a phrase (boosted, so articles containing it
 * verbatim come first) OR its words. Every special character is escaped and AND/OR/NOT lose their
 * operator meaning (lower-cased), so `"}) DETACH DELETE n //` is searched as plain text.
 * Returns null when nothing searchable is left.
 */
export function fulltextQuery(input: string): string | null {
  const words = searchWords(input)
  if (words.length === 0)
    return null
  const terms = words.map(escapeLucene).join(' ')
  return `"${terms}"^4 OR (${terms})`
}

/**
 * Stricter query for short fields such as titles: every word must occur as a phrase
 * (`重大行政决策` finds titles containing exactly that, not every title with 行政).
 */
export function fulltextPhraseQuery(input: string): string | null {
  const words = searchWords(input)
  return words.length === 0 ? null : words.map(w => `+"${escapeLucene(w)}"`).join(' ')
}

function searchWords(input: string): string[] {
  return input
    .normalize('NFKC')
    .split(/\s+/)
    .map(w => w.trim())
    .filter(w => /[\p{L}\p{N}]/u.test(w))
    .map(w => (/^(?:AND|OR|NOT|TO)$/.test(w) ? w.toLowerCase() : w))
}

const CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/u

/**
 * What to highlight: each CJK run of the input as its character bigrams (a single character alone),
 * each other word (letters/digits) lower-cased — the units the `cjk` analyzer indexes.
 */
export function queryTerms(input: string): string[] {
  const terms = new Set<string>()
  const runs = input.normalize('NFKC').match(/[\u3400-\u9FFF\uF900-\uFAFF]+|[\p{L}\p{N}]+/gu) ?? []
  for (const run of runs) {
    if (CJK.test(run)) {
      const chars = [...run]
      if (chars.length === 1)
        terms.add(run)
      for (let i = 0; i + 1 < chars.length; i++)
        terms.add(chars[i]! + chars[i + 1]!)
    }
    else {
      terms.add(run.toLowerCase())
    }
  }
  return [...terms]
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, ch => ESCAPES[ch]!)
}

/**
 * A window of `text` around the first place where a query term occurs, HTML-escaped, with every
 * occurrence of a term inside the window wrapped in `<mark>…</mark>`. Only the marks are markup: the
 * text itself is always escaped, so the result is safe to render as HTML.
 */
export function highlightSnippet(text: string, input: string, window = 80): string {
  const terms = queryTerms(input)
  // ASCII-only lower-casing keeps offsets aligned with `text`.
  const lower = text.replace(/[A-Z]/g, ch => ch.toLowerCase())
  // Prefer where the whole input occurs; else the earliest term.
  const phrase = input.normalize('NFKC').replace(/\s+/g, '').replace(/[A-Z]/g, ch => ch.toLowerCase())
  let first = phrase.length > 1 ? lower.indexOf(phrase) : -1
  for (const term of first < 0 ? terms : []) {
    const at = lower.indexOf(term)
    if (at >= 0 && (first < 0 || at < first))
      first = at
  }
  const lead = Math.floor(window / 4)
  const start = first < 0 ? 0 : Math.max(0, first - lead)
  const end = Math.min(text.length, start + window)
  const slice = text.slice(start, end)
  const sliceLower = lower.slice(start, end)
  const marked = Array.from<boolean>({ length: slice.length }).fill(false)
  for (const term of terms) {
    let at = sliceLower.indexOf(term)
    while (at >= 0) {
      marked.fill(true, at, at + term.length)
      at = sliceLower.indexOf(term, at + 1)
    }
  }
  let out = start > 0 ? '…' : ''
  let i = 0
  while (i < slice.length) {
    let j = i
    while (j < slice.length && marked[j] === marked[i]) j++
    const piece = escapeHtml(slice.slice(i, j))
    out += marked[i] ? `<mark>${piece}</mark>` : piece
    i = j
  }
  return end < text.length ? `${out}…` : out
}
