import { NUMERAL_CHARS, parseChineseNumber } from './chineseNumber'
import { matchArticleHeading } from './parse'

/** One reference to a law and/or one of its articles found in running text. */
export type Citation = {
  /** The matched text, e.g. `《中华人民共和国行政诉讼法》第十二条`, `本条例第十五条第一款`, or `第十七条` for a later list member. */
  raw: string
  /** Inner title of a `《…》` reference, verbatim (nested 〈〉/<> kept); `'宪法'` for a bare `宪法第…条`; else null. */
  lawTitle: string | null
  /** True for 本法/本条例/本规定/本办法 (and 本宪法/本细则/本规则/本决定/本解释) references. */
  selfLaw: boolean
  /**
   * `第二十五条` / `第十条之一`, or null for a title-only citation. A bare `第…条` with neither
   * title nor 本… marker (lawTitle null, selfLaw false) normally means the same law inside a
   * statute, but that is the caller's call.
   */
  articleNumber: string | null
  /** N of a following `第N款`, else null. */
  paragraph: number | null
}

const NUM = `[${NUMERAL_CHARS}]+`
const ARTICLE_REF = new RegExp(`第(${NUM})条(?:之(${NUM}))?`, 'y')
const PARAGRAPH_REF = new RegExp(`第(${NUM})款`, 'y')
// 项/目 refine a 款 but have no field; they are consumed so the chain can continue after them.
const ITEM_REF = new RegExp(`第${NUM}[项目]`, 'y')
const CONNECTOR = /以及|或者|[、和及或至]/y
// 根本法/基本法 end in 本法 too, and 基本法第十八条 is another law, so they are excluded.
const SELF_MARKER = /(?<![根基])本(?:宪法|条例|规定|办法|细则|规则|决定|解释|法)(?=第)/y
const CONSTITUTION = /宪法(?=第)/y

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at
  return re.exec(text)
}

/** Index just after the `》` closing the `《` at `start`, or -1 when unclosed. */
function closeTitle(text: string, start: number): number {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    if (text[i] === '《') {
      depth++
    }
    else if (text[i] === '》') {
      depth--
      if (depth === 0)
        return i + 1
    }
    else if (text[i] === '\n') {
      // A title never spans lines; an unmatched 《 should not swallow the rest of the text.
      return -1
    }
  }
  return -1
}

/**
 * Starts of article headings (`第二十五条 …` at a line start), which name the article itself
 * rather than cite it.
 */
function headingSpans(text: string): Map<number, number> {
  const spans = new Map<number, number>()
  let offset = 0
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length
    const head = matchArticleHeading(line.trim())
    if (head)
      spans.set(offset + lead, head.number.length)
    offset += line.length + 1
  }
  return spans
}

/**
 * Finds references to laws and articles in `text`: `《中华人民共和国宪法》`,
 * `《中华人民共和国行政诉讼法》第十二条`, `依照本法第二十五条`, `本条例第十五条第一款`,
 * `宪法第八十九条`, bare `第三十条第一款`, and lists joined by 、/和/及/以及/或/或者/至, which give
 * one citation per member and inherit the law of the first (`第十六条、第十七条`; a range's end
 * points only). `第N条第一款、第二款` gives a second citation of the same article. Article headings
 * at a line start are skipped.
 */
export function extractCitations(text: string): Citation[] {
  const out: Citation[] = []
  const headings = headingSpans(text)
  let i = 0
  while (i < text.length) {
    const heading = headings.get(i)
    if (heading !== undefined) {
      i += heading
      continue
    }
    if (text[i] === '《') {
      const end = closeTitle(text, i)
      if (end > 0) {
        const lawTitle = text.slice(i + 1, end - 1).trim()
        const chained = readChain(text, end, text.slice(i, end), lawTitle, false, out)
        if (chained === end) {
          out.push({
            raw: text.slice(i, end),
            lawTitle,
            selfLaw: false,
            articleNumber: null,
            paragraph: null,
          })
        }
        i = chained
        continue
      }
    }
    const self = matchAt(SELF_MARKER, text, i)
    if (self) {
      i = readChain(text, i + self[0].length, self[0], null, true, out)
      continue
    }
    const constitution = matchAt(CONSTITUTION, text, i)
    if (constitution) {
      i = readChain(text, i + constitution[0].length, constitution[0], '宪法', false, out)
      continue
    }
    if (text[i] === '第' && matchAt(ARTICLE_REF, text, i)) {
      i = readChain(text, i, '', null, false, out)
      continue
    }
    i++
  }
  return out
}

/**
 * Reads `第N条[第M款][第K项]` and its list continuations from `at`, pushing one citation per
 * article (or extra 款). Returns the index after the chain, or `at` when no article follows.
 */
function readChain(text: string, at: number, prefix: string, lawTitle: string | null, selfLaw: boolean, out: Citation[]): number {
  let pos = at
  let rawPrefix = prefix
  let lastArticle: string | null = null
  for (;;) {
    const start = pos
    const article = matchAt(ARTICLE_REF, text, pos)
    if (article) {
      lastArticle = article[0]
      pos += article[0].length
    }
    else if (lastArticle === null) {
      return at
    }
    let paragraph: number | null = null
    const para = matchAt(PARAGRAPH_REF, text, pos)
    if (para) {
      paragraph = parseChineseNumber(para[1] ?? '')
      pos += para[0].length
    }
    if (!article && !para) {
      // A connector followed by an item (第三项至第六项) only extends the previous citation.
      const item = matchAt(ITEM_REF, text, pos)
      if (!item)
        return start
      pos += item[0].length
    }
    else {
      let item = matchAt(ITEM_REF, text, pos)
      while (item) {
        pos += item[0].length
        item = matchAt(ITEM_REF, text, pos)
      }
      out.push({
        raw: rawPrefix + text.slice(start, pos),
        lawTitle,
        selfLaw,
        articleNumber: lastArticle,
        paragraph,
      })
    }
    rawPrefix = ''
    const connector = matchAt(CONNECTOR, text, pos)
    if (!connector)
      return pos
    const next = pos + connector[0].length
    if (!matchAt(ARTICLE_REF, text, next) && !matchAt(PARAGRAPH_REF, text, next) && !matchAt(ITEM_REF, text, next))
      return pos
    pos = next
  }
}

/**
 * Key for matching law titles across sources: trims, drops the `中华人民共和国` prefix that some
 * citations omit (`《行政诉讼法》`), and strips enclosing 《》.
 */
export function normaliseLawTitle(title: string): string {
  return title
    .trim()
    .replace(/^《(.*)》$/s, '$1')
    .trim()
    .replace(/^中华人民共和国/, '')
    .trim()
}
