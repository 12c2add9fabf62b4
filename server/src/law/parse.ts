import { Buffer } from 'node:buffer'
import { articleOrdinal, articleSlug, NUMERAL_CHARS, parseChineseNumber } from './chineseNumber'

/**
 * Parser for the law corpus Markdown format (国家法律法规数据库 export style):
 *
 * ```
 * # 标题
 * YYYY年M月D日 <机关> <通过/公布/修正/修订/施行 …>   (event lines)
 * <!-- INFO END -->
 * # 第一编 …  /  ## 第一章 …  /  ### 第一节 …        (optional divisions)
 * 第一条 正文 / 第一条(标题) 正文                      (articles; following lines are 款/项/目)
 * ```
 */

/** 编 → PART, 章 → CHAPTER, 节 → SECTION. */
export type DivisionKind = 'PART' | 'CHAPTER' | 'SECTION'

/** One dated line of the information block, e.g. `2019年4月20日 …国务院令第713号公布`. */
export interface LawEvent {
  /** ISO date, YYYY-MM-DD. */
  date: string
  /** The whole line, trimmed. */
  text: string
  /**
   * Which of 通过 公布 发布 修正 修订 施行 废止 the line states, in order of appearance. Words inside
   * 《…》 are ignored, because `通过的《宪法修正案》` records an adoption, not a 修正 keyword.
   */
  actions: string[]
}

/** One 条. */
export interface ParsedArticle {
  /** As written, e.g. `第二十五条` or `第十条之一`. */
  number: string
  /** See {@link articleSlug}: `'25'`, `'10-1'`. */
  slug: string
  /** See {@link articleOrdinal}: 25, 10.01. Strictly increasing through a law. */
  ordinal: number
  /** The bracketed caption right after the number (`第一条(目的和依据)` → `目的和依据`), or null. */
  caption: string | null
  /** 款 in order; 项/目 lines are their own entries. Verbatim apart from trimmed whitespace. */
  paragraphs: string[]
  /** `paragraphs.join('\n')`. */
  text: string
  /** 1-based line of the heading. */
  line: number
  /** Ids of the enclosing divisions, outermost first, e.g. `['c3', 'c3-s1']`; `[]` outside any division. */
  path: string[]
}

/** One 编/章/节. */
export interface ParsedDivision {
  /**
   * Stable id built from the kind letters p/c/s and the numbers of this division and its
   * ancestors: `c3`, `c3-s1`, `p1-c2`.
   */
  id: string
  kind: DivisionKind
  /** As written, e.g. `第三章`. */
  number: string
  ordinal: number
  /** Heading text without the number, e.g. `决策草案的形成`; `''` when the heading has none. */
  title: string
  /** 1-based position among its siblings in document order. */
  order: number
  /** 1-based line of the heading. */
  line: number
  children: ParsedDivision[]
  /** Articles directly in this division (not in its children). */
  articles: ParsedArticle[]
}

/** A whole law version as read from one file. */
export interface ParsedLaw {
  title: string
  events: LawEvent[]
  /**
   * Date identifying this text version: the latest date among events that are 通过, 公布, 发布,
   * 修正 or 修订. When no event carries one of those words, the latest event date.
   */
  versionDate: string
  /**
   * Latest 公布/发布 date, but only when no 通过/修正/修订 event is later: otherwise that 公布
   * belongs to an earlier version (政府信息公开条例 2019 lists the 2007 公布 and a 2019 修订), and
   * the promulgation date of this version is not stated, so null rather than a wrong date.
   */
  promulgatedOn: string | null
  /**
   * Latest 施行 date, or null when it is earlier than {@link ParsedLaw.versionDate}: such a 施行 is
   * the original entry into force (宪法 1982), not this version's.
   */
  effectiveFrom: string | null
  /** Content of a `<!-- PARTIAL TEXT: … -->` comment, or null when the text is complete. */
  partial: string | null
  /**
   * 序言 paragraphs. Also holds unheaded paragraphs between the information block and the first
   * division or article (a 司法解释's enacting recital), so that no text is dropped.
   */
  preamble: string[]
  /** Top-level divisions. */
  divisions: ParsedDivision[]
  /** Every article in document order, including those outside any division. */
  articles: ParsedArticle[]
}

/** A file the parser refuses. `line` is 1-based, or 0 for whole-file problems. */
export class LawParseError extends Error {
  /** The reason without the `file:line:` prefix. */
  readonly reason: string

  constructor(readonly file: string, readonly line: number, message: string) {
    super(`${file}:${line}: ${message}`)
    this.name = 'LawParseError'
    this.reason = message
  }
}

/** Files above this are refused before decoding: no statute comes near it, a mistaken upload may. */
export const MAX_LAW_FILE_BYTES = 5 * 1024 * 1024

const EVENT_ACTIONS = [
  '通过',
  '公布',
  '发布',
  '修正',
  '修订',
  '施行',
  '废止',
] as const
const VERSION_ACTIONS = new Set(['通过', '公布', '发布', '修正', '修订'])
const CHANGE_ACTIONS = new Set(['通过', '修正', '修订'])
const PROMULGATION_ACTIONS = new Set(['公布', '发布'])

const DATE_DIGITS = '0-9\\uFF10-\\uFF19〇零一二三四五六七八九十'
const EVENT_DATE = new RegExp(`^[（(]?\\s*([${DATE_DIGITS}]{4})\\s*年\\s*([${DATE_DIGITS}]{1,3})\\s*月\\s*([${DATE_DIGITS}]{1,3})\\s*日`)
const ARTICLE_HEAD = new RegExp(`^第[${NUMERAL_CHARS}]+条(?:之[${NUMERAL_CHARS}]+)?`)
const DIVISION_HEAD = new RegExp(`^(第[${NUMERAL_CHARS}]+(编|章|节))(?:\\s+(.*))?$`)
const NUMERAL_ONLY = new RegExp(`^[${NUMERAL_CHARS}]+$`)
const MARKDOWN_HEADING = /^(#{1,6})(.*)$/
const DIVISION_KINDS: Readonly<Record<string, { kind: DivisionKind, prefix: string, rank: number }>> = {
  编: { kind: 'PART', prefix: 'p', rank: 1 },
  章: { kind: 'CHAPTER', prefix: 'c', rank: 2 },
  节: { kind: 'SECTION', prefix: 's', rank: 3 },
}

/** Result of {@link matchArticleHeading}. */
export interface ArticleHeadingMatch {
  number: string
  caption: string | null
  /** Text after the number and caption, trimmed; `''` when the heading line holds nothing else. */
  rest: string
}

const OPEN_BRACKETS = new Set(['(', '（'])
const CLOSE_BRACKETS = new Set([')', '）'])
const CAPTION_MAX = 40

/**
 * Recognises an article heading at the start of a (trimmed) line: `第…条` (optionally `之…`)
 * followed by a half- or full-width space, or directly by a bracketed caption. Anything else
 * (`第二十五条规定的…`, `第三十条第一款…`, `第十条（一）项…`) is body text that merely starts with a
 * reference, so null is returned.
 */
export function matchArticleHeading(line: string): ArticleHeadingMatch | null {
  const m = ARTICLE_HEAD.exec(line)
  if (!m)
    return null
  const number = m[0]
  const after = line.slice(number.length)
  if (after.length > 0 && /^\s/.test(after)) {
    const trimmed = after.trim()
    // A caption may also follow the space (`第一条 （目的）…`, either space width).
    const cap = readCaption(trimmed)
    if (cap) {
      return {
        number,
        caption: cap.caption,
        rest: trimmed.slice(cap.end).trim(),
      }
    }
    return { number, caption: null, rest: trimmed }
  }
  const cap = readCaption(after)
  if (cap) {
    return {
      number,
      caption: cap.caption,
      rest: after.slice(cap.end).trim(),
    }
  }
  return null
}

/**
 * A caption is a short bracketed phrase at `s`'s start; bracket widths are compared normalised,
 * the caption text is returned verbatim. Pure numerals in brackets are 项 references, and
 * sentence punctuation means a parenthetical remark, so neither counts.
 */
function readCaption(s: string): { caption: string, end: number } | null {
  const first = s[0]
  if (first === undefined || !OPEN_BRACKETS.has(first))
    return null
  let depth = 0
  for (let i = 0; i < s.length && i <= CAPTION_MAX + 1; i++) {
    const ch = s[i] as string
    if (OPEN_BRACKETS.has(ch)) {
      depth++
    }
    else if (CLOSE_BRACKETS.has(ch)) {
      depth--
      if (depth === 0) {
        const caption = s.slice(1, i).trim()
        if (caption === '' || NUMERAL_ONLY.test(caption) || /[。；;，,：:]/.test(caption))
          return null
        return { caption, end: i + 1 }
      }
    }
  }
  return null
}

/**
 * Parses one law file. A Buffer is decoded as strict UTF-8; a string is taken as already decoded.
 *
 * @param input file content: bytes (decoded as strict UTF-8) or an already decoded string.
 * @param file name used in error messages only.
 * @throws LawParseError for an empty or oversized file, invalid UTF-8, a missing `# title` or
 * dated event line, an unrecognised heading, text in a division before its first article,
 * duplicate or backwards article/division numbers, or a file with neither articles nor 序言.
 */
export function parseLaw(input: Buffer | string, file: string): ParsedLaw {
  const byteLength = typeof input === 'string'
    ? Buffer.byteLength(input, 'utf8')
    : input.byteLength
  if (byteLength > MAX_LAW_FILE_BYTES)
    throw new LawParseError(file, 0, `文件过大 (file too large): ${byteLength} bytes > ${MAX_LAW_FILE_BYTES}`)
  const text = typeof input === 'string'
    ? input
    : decodeUtf8(input, file)
  if (text.trim() === '')
    throw new LawParseError(file, 0, '文件为空 (empty file)')
  return new Parser(file, text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)).parse()
}

function decodeUtf8(buf: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf)
  }
  catch {
    const offset = firstInvalidUtf8Offset(buf)
    let line = 1
    for (let i = 0; i < offset; i++) {
      if (buf[i] === 0x0A)
        line++
    }
    throw new LawParseError(file, line, `无效的 UTF-8 编码 (invalid UTF-8) at byte ${offset}`)
  }
}

/**
 * Byte offset of the first invalid sequence. A streaming decode only throws once a sequence is
 * provably bad, so "prefix of length n throws" is monotone in n and can be binary-searched.
 */
function firstInvalidUtf8Offset(buf: Buffer): number {
  const fails = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n), { stream: true })
      return false
    }
    catch {
      return true
    }
  }
  if (!fails(buf.length)) {
    // Only a sequence truncated by the end of the file: report where it starts.
    let i = buf.length - 1
    while (i > 0 && ((buf[i] ?? 0) & 0xC0) === 0x80) i--
    return i
  }
  let lo = 0
  let hi = buf.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (fails(mid))
      hi = mid
    else
      lo = mid + 1
  }
  return Math.max(0, lo - 1)
}

// Zero-width characters count as whitespace at line edges: 行政复议法 2023 has a line holding
// only U+200B, which is a blank line to a reader.
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g

function cleanLine(line: string): string {
  return line.replace(EDGE_SPACE, '')
}

function toIsoDate(y: string, m: string, d: string): string | null {
  const year = parseChineseNumber(y)
  const month = parseChineseNumber(m)
  const day = parseChineseNumber(d)
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function eventActions(line: string): string[] {
  // Drop 《…》 spans (nesting via 〈〉 or <> stays inside) so quoted titles contribute no keywords.
  let outside = ''
  let depth = 0
  for (const ch of line) {
    if (ch === '《')
      depth++
    else if (ch === '》')
      depth = Math.max(0, depth - 1)
    else if (depth === 0)
      outside += ch
  }
  return EVENT_ACTIONS
    .map(a => ({
      a,
      at: outside.indexOf(a),
    }))
    .filter(x => x.at >= 0)
    .sort((x, y) => x.at - y.at)
    .map(x => x.a)
}

type Mode = 'header' | 'leading' | 'preamble' | 'body'

class Parser {
  private readonly events: LawEvent[] = []
  private readonly preamble: string[] = []
  private readonly divisions: ParsedDivision[] = []
  private readonly articles: ParsedArticle[] = []
  /** Open divisions, outermost first. */
  private readonly stack: { div: ParsedDivision, rank: number }[] = []
  private readonly seen = new Map<string, number>()
  private title = ''
  private partial: string | null = null
  private mode: Mode = 'header'
  private current: ParsedArticle | null = null

  constructor(private readonly file: string, private readonly lines: string[]) {}

  parse(): ParsedLaw {
    let i = 0
    i = this.readTitle(i)
    while (i < this.lines.length) {
      const lineNo = i + 1
      const line = cleanLine(this.lines[i] ?? '')
      if (line.startsWith('<!--')) {
        i = this.readComment(i)
        continue
      }
      i++
      if (line !== '')
        this.handle(line, lineNo)
    }
    return this.finish()
  }

  private fail(line: number, message: string): never {
    throw new LawParseError(this.file, line, message)
  }

  private readTitle(start: number): number {
    for (let i = start; i < this.lines.length; i++) {
      const line = cleanLine(this.lines[i] ?? '')
      if (line === '')
        continue
      if (line.startsWith('<!--')) {
        i = this.readComment(i) - 1
        continue
      }
      const m = /^#\s+(\S.*)$/.exec(line)
      if (!m || m[1] === undefined)
        this.fail(i + 1, `缺少标题 (no "# title" line): found "${line.slice(0, 30)}"`)
      this.title = m[1].trim()
      return i + 1
    }
    this.fail(0, '缺少标题 (no "# title" line)')
  }

  /** Consumes a possibly multi-line HTML comment starting at `start`; returns the next index. */
  private readComment(start: number): number {
    let body = ''
    let i = start
    for (; i < this.lines.length; i++) {
      body += `${body ? '\n' : ''}${cleanLine(this.lines[i] ?? '')}`
      if (body.includes('-->'))
        break
    }
    if (!body.includes('-->'))
      this.fail(start + 1, '注释未结束 (unterminated HTML comment)')
    const inner = body.replace(/^<!--/, '').replace(/-->[\s\S]*$/, '').trim()
    if (/^INFO\s+END$/i.test(inner)) {
      if (this.mode === 'header')
        this.mode = 'leading'
    }
    else {
      const partial = /^PARTIAL\s+TEXT\b/i.exec(inner)
      if (partial)
        this.partial = inner.slice(partial[0].length).replace(/^\s*:/, '').trim() || 'PARTIAL TEXT'
    }
    // Other comments (<!-- FORCE BREAK --> in 宪法) are layout hints with no content.
    return i + 1
  }

  private handle(line: string, lineNo: number): void {
    if (this.mode === 'header') {
      const event = this.readEvent(line, lineNo)
      if (event) {
        this.events.push(event)
        return
      }
      // No INFO END marker: the information block ends at the first undated line.
      this.mode = 'leading'
    }

    const heading = MARKDOWN_HEADING.exec(line)
    if (heading) {
      this.handleHeading(heading[2] ?? '', (heading[1] ?? '').length, lineNo)
      return
    }
    const bareDivision = DIVISION_HEAD.exec(line)
    // Some exports leave headings unmarked; only a short phrase after a space can be one.
    if (bareDivision && bareDivision[3] !== undefined && !/[。；，、：]/.test(bareDivision[3])) {
      this.openDivision(bareDivision, lineNo)
      return
    }
    const article = matchArticleHeading(line) ?? (ARTICLE_HEAD.exec(line)?.[0] === line
      ? { number: line, caption: null, rest: '' }
      : null)
    if (article) {
      this.openArticle(article, lineNo)
      return
    }
    if (this.current) {
      this.current.paragraphs.push(line)
      return
    }
    if (this.mode === 'leading' || this.mode === 'preamble') {
      this.preamble.push(line)
      return
    }
    this.fail(lineNo, `条文之外的文字 (text before the first article of a division): "${line.slice(0, 30)}"`)
  }

  private readEvent(line: string, lineNo: number): LawEvent | null {
    const m = EVENT_DATE.exec(line)
    if (!m)
      return null
    let date: string | null
    try {
      date = toIsoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '')
    }
    catch {
      date = null
    }
    if (!date)
      this.fail(lineNo, `日期无效 (invalid date): ${m[0]}`)
    return {
      date,
      text: line,
      actions: eventActions(line),
    }
  }

  private handleHeading(content: string, level: number, lineNo: number): void {
    const text = content.trim()
    if (/^序\s*言$/.test(text)) {
      if (this.articles.length > 0 || this.divisions.length > 0)
        this.fail(lineNo, '序言位置错误 (preamble after articles or divisions)')
      this.mode = 'preamble'
      return
    }
    const m = DIVISION_HEAD.exec(text)
    if (!m)
      this.fail(lineNo, `无法识别的标题 (unrecognised heading, level ${level}): "${text.slice(0, 30)}"`)
    this.openDivision(m, lineNo)
  }

  private openDivision(m: RegExpExecArray, lineNo: number): void {
    const number = m[1] ?? ''
    const spec = DIVISION_KINDS[m[2] ?? '']
    if (!spec)
      this.fail(lineNo, `无法识别的标题 (unrecognised heading): ${number}`)
    const ordinal = parseChineseNumber(number.slice(1, -1))
    while (this.stack.length > 0 && (this.stack.at(-1)?.rank ?? 0) >= spec.rank)
      this.stack.pop()
    const parent = this.stack.at(-1)?.div
    const siblings = parent ? parent.children : this.divisions
    const previous = siblings.at(-1)
    if (previous && previous.kind === spec.kind && previous.ordinal >= ordinal) {
      this.fail(lineNo, previous.ordinal === ordinal
        ? `重复的${m[2]}号 (duplicate division number): ${number}`
        : `${m[2]}号倒退 (division number goes backwards): ${number} after ${previous.number}`)
    }
    const id = `${parent
      ? `${parent.id}-`
      : ''}${spec.prefix}${ordinal}`
    const div: ParsedDivision = {
      id,
      kind: spec.kind,
      number,
      ordinal,
      title: (m[3] ?? '').trim(),
      order: siblings.length + 1,
      line: lineNo,
      children: [],
      articles: [],
    }
    siblings.push(div)
    this.stack.push({ div, rank: spec.rank })
    this.mode = 'body'
    this.current = null
  }

  private openArticle(head: ArticleHeadingMatch, lineNo: number): void {
    let ordinal: number
    let slug: string
    try {
      ordinal = articleOrdinal(head.number)
      slug = articleSlug(head.number)
    }
    catch (e) {
      this.fail(lineNo, `条号无效 (invalid article number): ${head.number}: ${(e as Error).message}`)
    }
    const firstLine = this.seen.get(head.number)
    if (firstLine !== undefined)
      this.fail(lineNo, `重复的条号 (duplicate article number): ${head.number}, first at line ${firstLine}`)
    const previous = this.articles.at(-1)
    if (previous && previous.ordinal >= ordinal)
      this.fail(lineNo, `条号倒退 (article number goes backwards): ${head.number} after ${previous.number}`)
    this.seen.set(head.number, lineNo)
    const article: ParsedArticle = {
      number: head.number,
      slug,
      ordinal,
      caption: head.caption,
      paragraphs: head.rest === ''
        ? []
        : [head.rest],
      text: '',
      line: lineNo,
      path: this.stack.map(s => s.div.id),
    }
    const owner = this.stack.at(-1)?.div
    if (owner)
      owner.articles.push(article)
    this.articles.push(article)
    this.current = article
    this.mode = 'body'
  }

  private finish(): ParsedLaw {
    if (this.events.length === 0)
      this.fail(0, '缺少日期行 (no dated event line: the text version cannot be identified)')
    if (this.articles.length === 0 && this.preamble.length === 0)
      this.fail(0, '没有条文 (no articles and no preamble)')
    for (const a of this.articles)
      a.text = a.paragraphs.join('\n')

    const latest = (pred: (e: LawEvent) => boolean): string | null =>
      this.events.filter(pred).reduce<string | null>((max, e) => (max === null || e.date > max
        ? e.date
        : max), null)
    const versionDate = latest(e => e.actions.some(a => VERSION_ACTIONS.has(a))) ?? latest(() => true) ?? ''
    const lastChange = latest(e => e.actions.some(a => CHANGE_ACTIONS.has(a)))
    const promulgated = latest(e => e.actions.some(a => PROMULGATION_ACTIONS.has(a)))
    const effective = latest(e => e.actions.includes('施行'))
    return {
      title: this.title,
      events: this.events,
      versionDate,
      promulgatedOn: promulgated !== null && (lastChange === null || promulgated >= lastChange)
        ? promulgated
        : null,
      effectiveFrom: effective !== null && effective >= versionDate
        ? effective
        : null,
      partial: this.partial,
      preamble: this.preamble,
      divisions: this.divisions,
      articles: this.articles,
    }
  }
}
