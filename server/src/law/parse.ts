import { Buffer } from 'node:buffer'
import { articleOrdinal, articleSlug, NUMERAL_CHARS, parseChineseNumber } from './chineseNumber'

/**
 * Parser for the law corpus Markdown format (国家法律法规数据库 export style) as real files have it:
 *
 * ```
 * # 标题
 * # 合同编                                            (optional: this file is one part of a work)
 * YYYY年M月D日 <机关> <通过/公布/修正/修订/施行 …>   (event lines, possibly wrapped)
 * <!-- INFO END -->
 * ## 目录 / a run of empty headings                    (optional table of contents, skipped)
 * # 第一编 … / ## 第一分编 … / ## 第一章 … / ### 第一节 …  (numbered divisions, space optional)
 * ## 附则 / ## 一、受案范围                             (unnumbered or 一、-numbered divisions)
 * 第一条 正文 / 第一条(标题) 正文                       (articles; following lines are 款/项/目)
 * 一、正文                                             (items, in documents without any 第…条)
 * ```
 *
 * Every problem of a file is collected and reported at once (with line numbers); things the parser
 * repaired or assumed are warnings on an accepted file.
 */

/** 编 → PART, 分编 → SUBPART, 章 → CHAPTER, 节 → SECTION; unnumbered headings take the kind of their level. */
export type DivisionKind = 'PART' | 'SUBPART' | 'CHAPTER' | 'SECTION'

/** The unit a document is numbered in: 第…条 articles, or 一、二、 items (amendments, some interpretations). */
export type LawUnit = 'ARTICLE' | 'ITEM'

/** One dated line of the information block, e.g. `2019年4月20日 …国务院令第713号公布`. */
export interface LawEvent {
  /** ISO date, YYYY-MM-DD. */
  date: string
  /** The whole line, trimmed (a wrapped line is joined to its continuation). */
  text: string
  /**
   * Which of 通过 公布 发布 修正 修订 施行 废止 the line states, in order of appearance. Words inside
   * 《…》 are ignored, because `通过的《宪法修正案》` records an adoption, not a 修正 keyword.
   */
  actions: string[]
}

/** One 条 (or, in a document numbered 一、二、, one item). */
export interface ParsedArticle {
  /** As written, e.g. `第二十五条`, `第十条之一`, or `一、` for an item. */
  number: string
  /** See {@link articleSlug}: `'25'`, `'10-1'`; items `'i1'`, `'i2'`. */
  slug: string
  /** See {@link articleOrdinal}: 25, 10.01; an item its number. Strictly increasing through a law. */
  ordinal: number
  /** The bracketed caption right after the number (`第一条(目的和依据)` → `目的和依据`), or the title of an item heading; null when none. */
  caption: string | null
  /** The article reads only `（删去）` / `（删除）`: kept in the numbering, no content. */
  deleted: boolean
  /** 款 in order; 项/目 lines are their own entries. Verbatim apart from trimmed whitespace. */
  paragraphs: string[]
  /** `paragraphs.join('\n')`. */
  text: string
  /** 1-based line of the heading. */
  line: number
  /** Ids of the enclosing divisions, outermost first, e.g. `['c3', 'c3-s1']`; `[]` outside any division. */
  path: string[]
}

/** One 编/分编/章/节, or an unnumbered division such as 附则. */
export interface ParsedDivision {
  /**
   * Id built from the kind letters p/b/c/s and the numbers of this division and its ancestors:
   * `c3`, `c3-s1`, `p1-c2`; an unnumbered division uses its position: `cx9` (the ninth chapter-level
   * heading); a repeated number gets a `~2` suffix.
   */
  id: string
  kind: DivisionKind
  /** As written, e.g. `第三章`, `一、`; `''` for an unnumbered heading. */
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
  /** Text of an unnumbered division outside any article (the list of an 附件, a 说明). */
  paragraphs: string[]
}

/** A problem with a line of a file: an error refuses the file, a warning is a note on an accepted one. */
export interface LawProblem {
  /** 1-based, or 0 for the whole file. */
  line: number
  /** In Chinese, with the English in brackets. */
  message: string
}

/** A whole law version as read from one file. */
export interface ParsedLaw {
  title: string
  /** The `# 合同编` line under the title when the file is one part of a work published in several files, else null. */
  partTitle: string | null
  events: LawEvent[]
  /**
   * Date identifying this text version: the latest date among events that are 通过, 公布, 发布,
   * 修正 or 修订. When no event carries one of those words, the latest event date; when the text has
   * no dated line at all, the date in the file name (`…(2012-11-21).md`), with a warning.
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
  /** Whether the document is numbered in 第…条 or in 一、二、 items. */
  unit: LawUnit
  /** Top-level divisions. */
  divisions: ParsedDivision[]
  /** Every article (or item) in document order, including those outside any division. */
  articles: ParsedArticle[]
  /** What the parser assumed or skipped (a date from the file name, a table of contents …). */
  warnings: LawProblem[]
}

/** A file the parser refuses, with every problem found. `line` is the first problem's line (1-based, 0 for the whole file). */
export class LawParseError extends Error {
  /** The first problem's reason without the `file:line:` prefix. */
  readonly reason: string
  /** Every problem of the file, in line order. */
  readonly problems: LawProblem[]

  constructor(readonly file: string, readonly line: number, message: string, problems?: LawProblem[]) {
    const all = problems ?? [{ line, message }]
    super(all.map(p => `${file}:${p.line}: ${p.message}`).join('\n'))
    this.name = 'LawParseError'
    this.reason = message
    this.problems = all
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
/** `上海市安置帮教工作规定(2012-11-21).md`: the date LawRefBook puts in file names. */
const FILE_NAME_DATE = /[(（](\d{4})-(\d{2})-(\d{2})[)）][^/\\]*$/
const ARTICLE_HEAD = new RegExp(`^第[${NUMERAL_CHARS}]+条(?:之[${NUMERAL_CHARS}]+)?`)
const DIVISION_HEAD = new RegExp(`^(第[${NUMERAL_CHARS}]+(分编|编|章|节))(?:\\s*(.*))?$`)
/** `一、受案范围`: a division (as a heading) or an item (as a line). */
const ITEM_HEAD = /^([一二三四五六七八九十百]+)、(.*)$/
/** Item numbering styles of documents without 第…条, each matching `[whole, number, rest]`. */
const ITEM_STYLES = {
  dun: ITEM_HEAD,
  arabic: /^(\d{1,3})[.．、](?!\d)(.*)$/,
  paren: /^[（(]([一二三四五六七八九十百]+)[）)](.*)$/,
} as const
type ItemStyle = keyof typeof ITEM_STYLES | 'headings' | 'whole'
/** `第四百一十四 条报请…`: a number broken by a space, read as an article only when it is the next one. */
const SPACED_ARTICLE = new RegExp(`^第([${NUMERAL_CHARS}]+)\\s+条(.*)$`)
const NUMERAL_ONLY = new RegExp(`^[${NUMERAL_CHARS}]+$`)
const MARKDOWN_HEADING = /^(#{1,6})(.*)$/
/** Sentence punctuation: a line holding it is prose, never a heading. */
const SENTENCE_PUNCTUATION = /[。；;！？!?]/
/** Any punctuation a short title never ends a wrapped line with, nor a section title holds. */
const TITLE_BREAKERS = /[。；;，,：:！？!?“”"（）()《》]/
const TITLE_MAX = 20
const HEADING_MAX = 60
const DIVISION_KINDS: Readonly<Record<string, { kind: DivisionKind, prefix: string, rank: number }>> = {
  编: { kind: 'PART', prefix: 'p', rank: 1 },
  分编: { kind: 'SUBPART', prefix: 'b', rank: 2 },
  章: { kind: 'CHAPTER', prefix: 'c', rank: 3 },
  节: { kind: 'SECTION', prefix: 's', rank: 4 },
}
const KIND_SPEC: Readonly<Record<DivisionKind, { kind: DivisionKind, prefix: string, rank: number }>> = {
  PART: DIVISION_KINDS['编']!,
  SUBPART: DIVISION_KINDS['分编']!,
  CHAPTER: DIVISION_KINDS['章']!,
  SECTION: DIVISION_KINDS['节']!,
}
/** The kind an unnumbered heading of each Markdown level takes when the file's numbered headings do not say. */
const DEFAULT_LEVEL_KIND: readonly DivisionKind[] = ['PART', 'CHAPTER', 'SECTION', 'SECTION', 'SECTION', 'SECTION']

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
const DELETED = /^[（(]?(?:删去|删除)[）)]?[。.]?$/

/**
 * Recognises an article heading at the start of a (trimmed) line: `第…条` (optionally `之…`)
 * followed by a half- or full-width space, or directly by a bracketed caption. Anything else
 * (`第二十五条规定的…`, `第三十条第一款…`, `第十条（一）项…`) is body text that merely starts with a
 * reference, so null is returned.
 *
 * Captions are recognised in the two forms real files use: attached (`第一条(目的和依据)为了…`,
 * `第一条（目的）…`) and after a space but then followed by a space or the end of the line
 * (`第一条 （目的） 为了…`). `第十三条 （市）区教育行政部门…` is text that opens with a bracket, and
 * `第一百九十九条 （删去）` a deleted article: neither has a caption.
 */
export function matchArticleHeading(line: string): ArticleHeadingMatch | null {
  const m = ARTICLE_HEAD.exec(line)
  if (!m)
    return null
  const number = m[0]
  const after = line.slice(number.length)
  if (after.length > 0 && /^\s/.test(after)) {
    const trimmed = after.trim()
    const cap = readCaption(trimmed)
    if (cap && (cap.end === trimmed.length || /^\s/.test(trimmed.slice(cap.end)))) {
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
 * the caption text is returned verbatim. Pure numerals in brackets are 项 references, sentence
 * punctuation means a parenthetical remark, and 删去/删除 marks a deleted article, so none of them counts.
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
        if (caption === '' || NUMERAL_ONLY.test(caption) || /[。；;，,：:]/.test(caption) || DELETED.test(caption))
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
 * @param file the file's name: used in messages, and its `(YYYY-MM-DD)` date when the text states none.
 * @throws LawParseError listing every problem: an empty or oversized file or invalid UTF-8 (alone,
 * the file is not read further), a missing `# title`, no date in the text nor in the file name, an
 * invalid date, a heading that is prose, text in a division before its first article, duplicate or
 * backwards article/division numbers, or a file with neither articles, items nor 序言.
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

type Mode = 'leading' | 'preamble' | 'body'

/** A non-blank, non-comment line with its 1-based number. */
interface Line {
  no: number
  text: string
}

interface DivisionSpec {
  number: string
  /** Null for an unnumbered heading. */
  ordinal: number | null
  title: string
  kind: DivisionKind
}

/** Spaces of every width removed: `总 则` and `总则` are the same title. */
function compact(s: string): string {
  return s.replace(/\s+/g, '')
}

/** The second line of a wrapped heading: short, and not a sentence (it may hold a comma). */
function isWrappedTitle(text: string): boolean {
  return [...text].length <= 30 && !/[。；;：:！？!?]/.test(text) && !ITEM_HEAD.test(text) && !/^[（(0-9\uFF10-\uFF19]/.test(text)
    && !ARTICLE_HEAD.test(text) && !DIVISION_HEAD.test(text)
}

/** A line opening an article: `第一条 …`, `第一条（目的）…`, or the number alone. */
function isArticleLine(text: string): boolean {
  return matchArticleHeading(text) !== null || ARTICLE_HEAD.exec(text)?.[0] === text
}

/** A short line without punctuation: a wrapped heading's second line or an unnumbered section title. */
function isTitleLike(text: string): boolean {
  return [...text].length <= TITLE_MAX && !TITLE_BREAKERS.test(text) && !ITEM_HEAD.test(text)
    && !/^[0-9\uFF10-\uFF19]/.test(text) && !ARTICLE_HEAD.test(text) && !DIVISION_HEAD.test(text)
}

/** A division line without Markdown marks: `第一章 总则` (a space, or a short title), never prose. */
function bareDivision(text: string): RegExpExecArray | null {
  const m = DIVISION_HEAD.exec(text)
  if (!m)
    return null
  const title = m[3] ?? ''
  const spaced = text.length > (m[1] ?? '').length && /\s/.test(text[(m[1] ?? '').length] ?? '')
  if (title === '' || /[。；，、：:,;]/.test(title) || (!spaced && [...title].length > 12))
    return null
  return m
}

class Parser {
  private readonly events: LawEvent[] = []
  private readonly preamble: string[] = []
  private readonly divisions: ParsedDivision[] = []
  private readonly articles: ParsedArticle[] = []
  private readonly problems: LawProblem[] = []
  private readonly warnings: LawProblem[] = []
  /** Text inside a division before its first article: an error only in a file that has articles. */
  private readonly stray: LawProblem[] = []
  /** Open divisions, outermost first. */
  private readonly stack: { div: ParsedDivision, rank: number, fromLine: boolean }[] = []
  private readonly seen = new Map<string, number>()
  private readonly usedIds = new Set<string>()
  /** Markdown level → kind, from the file's own numbered headings. */
  private readonly levelKind = new Map<number, DivisionKind>()
  /** Lines that are unnumbered section titles (`业主`, `业主大会` between articles). */
  private readonly sectionTitles = new Set<number>()
  /** Headings of a skipped table of contents by compacted title, to recognise a body heading that lost its number. */
  private readonly tocTitles = new Map<string, DivisionSpec>()
  /** Lines of a table of contents before the body, skipped. */
  private readonly tocLines = new Set<number>()
  private lines: Line[] = []
  private title = ''
  private partTitle: string | null = null
  private partial: string | null = null
  private mode: Mode = 'leading'
  private unit: LawUnit = 'ARTICLE'
  /** How the items of a document without 第…条 are numbered. */
  private itemStyle: ItemStyle = 'dun'
  private current: ParsedArticle | null = null
  /** The division whose heading was the last content, while its title may still continue on the next line. */
  private openedAt: ParsedDivision | null = null
  private unitsSeen = false

  constructor(private readonly file: string, private readonly raw: string[]) {}

  parse(): ParsedLaw {
    const infoEnd = this.readLines()
    let i = this.readTitle()
    i = this.readHeader(i, infoEnd)
    const body = this.lines.slice(i)
    this.scan(body)
    for (const line of body)
      this.handle(line)
    return this.finish()
  }

  private problem(line: number, message: string): void {
    this.problems.push({ line, message })
  }

  /** Collects content lines (comments consumed); returns the index in `lines` of the INFO END marker, or -1. */
  private readLines(): number {
    let infoEnd = -1
    for (let i = 0; i < this.raw.length; i++) {
      const text = cleanLine(this.raw[i] ?? '')
      if (text === '')
        continue
      if (!text.startsWith('<!--')) {
        this.lines.push({ no: i + 1, text })
        continue
      }
      let body = text
      let j = i
      while (!body.includes('-->') && j + 1 < this.raw.length)
        body += `\n${cleanLine(this.raw[++j] ?? '')}`
      if (!body.includes('-->')) {
        this.problem(i + 1, '注释未结束 (unterminated HTML comment)')
        break
      }
      const inner = body.replace(/^<!--/, '').replace(/-->[\s\S]*$/, '').trim()
      if (/^INFO\s+END$/i.test(inner)) {
        if (infoEnd < 0)
          infoEnd = this.lines.length
      }
      else {
        const partial = /^PARTIAL\s+TEXT\b/i.exec(inner)
        if (partial)
          this.partial = inner.slice(partial[0].length).replace(/^\s*:/, '').trim() || 'PARTIAL TEXT'
      }
      // Other comments (<!-- FORCE BREAK --> in 宪法) are layout hints with no content.
      i = j
    }
    return infoEnd
  }

  /** Reads `# title` and an optional `# 合同编` part line; returns the index of the next line. */
  private readTitle(): number {
    const first = this.lines[0]
    const m = first ? /^#\s+(\S.*)$/.exec(first.text) : null
    if (!first || !m?.[1])
      throw new LawParseError(this.file, first?.no ?? 0, `缺少标题 (no "# title" line)${first ? `: found "${first.text.slice(0, 30)}"` : ''}`)
    this.title = m[1].trim()
    const part = this.lines[1] ? /^#\s+(\S.*)$/.exec(this.lines[1].text) : null
    if (part?.[1] && !DIVISION_HEAD.test(part[1].trim()) && !/^序\s*言$/.test(part[1].trim())) {
      this.partTitle = part[1].trim()
      return 2
    }
    return 1
  }

  /**
   * Reads the information block. With an INFO END marker everything before it belongs to the block,
   * and an undated line continues the event line above it (real files wrap long event lines);
   * without one, the block ends at the first undated line.
   */
  private readHeader(start: number, infoEnd: number): number {
    const end = infoEnd < 0 ? this.lines.length : infoEnd
    let i = start
    for (; i < end; i++) {
      const line = this.lines[i]!
      const event = this.readEvent(line)
      if (event) {
        this.events.push(event)
        continue
      }
      if (infoEnd < 0)
        return i
      const last = this.events.at(-1)
      if (last && !MARKDOWN_HEADING.test(line.text)) {
        last.text += line.text
        last.actions = eventActions(last.text)
      }
      else {
        this.preamble.push(line.text)
      }
    }
    return i
  }

  private readEvent(line: Line): LawEvent | null {
    const m = EVENT_DATE.exec(line.text)
    if (!m)
      return null
    let date: string | null
    try {
      date = toIsoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '')
    }
    catch {
      date = null
    }
    if (!date) {
      this.problem(line.no, `日期无效 (invalid date): ${m[0]}`)
      // Read as a line of the block all the same, so that it is reported once.
      return { date: '', text: line.text, actions: [] }
    }
    return { date, text: line.text, actions: eventActions(line.text) }
  }

  /** Decides, before reading the body, how it is numbered and which lines are unnumbered section titles. */
  private scan(body: Line[]): void {
    this.chooseUnit(body)
    for (const l of body) {
      const h = MARKDOWN_HEADING.exec(l.text)
      const d = h ? DIVISION_HEAD.exec((h[2] ?? '').trim()) : null
      const spec = d ? DIVISION_KINDS[d[2] ?? ''] : undefined
      if (h && spec && !this.levelKind.has((h[1] ?? '').length))
        this.levelKind.set((h[1] ?? '').length, spec.kind)
    }
    this.scanTableOfContents(body)
    // A short unpunctuated line right before an article is a section title when its chapter has
    // several (淄博市物业管理条例: 业主, 业主大会 …); a single one right under the heading is the
    // heading wrapped onto a second line (山东省…办理工作条例: 第五章 代表建议、批评和意见 / 办理工作的监督检查).
    let region: number[] = []
    const close = (): void => {
      if (region.length >= 2)
        region.forEach(no => this.sectionTitles.add(no))
      region = []
    }
    body.forEach((l, k) => {
      const h = MARKDOWN_HEADING.exec(l.text)
      if (h || bareDivision(l.text)) {
        close()
        return
      }
      const next = body[k + 1]?.text ?? ''
      const nextIsUnit = this.unit === 'ARTICLE' ? isArticleLine(next) : this.itemOf(next) !== null
      if (nextIsUnit && isTitleLike(l.text))
        region.push(l.no)
    })
    close()
  }

  /**
   * 第…条 articles when the document has any (一、 and 1. lines are then parts of articles).
   * Without articles, items are taken
   * in this order of preference: 一、 lines, 1. lines, 一、 headings, （一） lines; a text with no
   * numbering and no headings at all is one unit (a one-paragraph 批复, 刑法修正案（二）).
   */
  private chooseUnit(body: Line[]): void {
    const lines = body.filter(l => !MARKDOWN_HEADING.test(l.text))
    const articles = lines.filter(l => isArticleLine(l.text)).length
    const count = (style: keyof typeof ITEM_STYLES): number =>
      lines.some(l => ITEM_STYLES[style].exec(l.text)?.[1] === (style === 'arabic' ? '1' : '一'))
        ? lines.filter(l => ITEM_STYLES[style].test(l.text)).length
        : 0
    const dun = count('dun')
    const arabic = count('arabic')
    if (articles > 0)
      return
    this.unit = 'ITEM'
    const headings = body.some(l => ITEM_HEAD.exec(MARKDOWN_HEADING.exec(l.text)?.[2]?.trim() ?? '')?.[1] === '一')
    if (dun > 0)
      this.itemStyle = 'dun'
    else if (arabic > 0)
      this.itemStyle = 'arabic'
    else if (headings)
      this.itemStyle = 'headings'
    else if (count('paren') > 0)
      this.itemStyle = 'paren'
    else if (!body.some(l => MARKDOWN_HEADING.test(l.text) && l.text.replace(/^#+/, '').trim() !== ''))
      this.itemStyle = 'whole'
  }

  /** `[number, rest]` of an item line in this document's style, or null. */
  private itemOf(text: string): [string, string] | null {
    if (this.itemStyle === 'whole')
      return null
    const m = ITEM_STYLES[this.itemStyle === 'headings' ? 'dun' : this.itemStyle].exec(text)
    return m ? [m[1] ?? '', (m[2] ?? '').trim()] : null
  }

  /**
   * A table of contents: the run of headings that opens the body (after an optional 目录 line)
   * when the body later repeats one of them, or goes on with a line that is one of their titles
   * without the number (重庆市长江防护林体系管理条例: `总 则`). Its titles are kept to recognise such lines.
   */
  private scanTableOfContents(body: Line[]): void {
    let k = 0
    while (k < body.length && /^(?:#+\s*)?目\s*录$/.test(body[k]!.text)) k++
    const listed: DivisionSpec[] = []
    for (; k < body.length; k++) {
      const h = MARKDOWN_HEADING.exec(body[k]!.text)
      const text = h ? (h[2] ?? '').trim() : body[k]!.text
      const all = [...text.matchAll(new RegExp(`(第[${NUMERAL_CHARS}]+(分编|编|章|节))\\s*([^第\\s]*(?:\\s+[^第\\s]+)*)`, 'g'))]
      if ((!h && !bareDivision(text)) || all.length === 0 || all[0]!.index !== 0)
        break
      const before = listed.length
      for (const m of all) {
        const spec = DIVISION_KINDS[m[2] ?? '']!
        try {
          const ordinal = parseChineseNumber((m[1] ?? '').slice(1, -(m[2] ?? '').length))
          // The body starting over (第一章 again) ends the contents.
          if (listed.slice(0, before).some(d => d.kind === spec.kind && d.ordinal === ordinal))
            break
          listed.push({ number: m[1] ?? '', ordinal: parseChineseNumber((m[1] ?? '').slice(1, -(m[2] ?? '').length)), title: (m[3] ?? '').trim(), kind: spec.kind })
        }
        catch {
          return
        }
      }
      if (listed.length < before + all.length)
        break
    }
    if (listed.length < 2)
      return
    // The body starts over with the first heading listed (its title may be spaced differently).
    const first = listed[0]!
    const titles = new Set(listed.map(d => compact(d.title)))
    const repeated = body.slice(k).some((l) => {
      const h = MARKDOWN_HEADING.exec(l.text)
      const m = DIVISION_HEAD.exec(h ? (h[2] ?? '').trim() : l.text)
      return m !== null && (h !== null || bareDivision(l.text) !== null) && m[1] === first.number
        && (compact(m[3] ?? '') === compact(first.title) || first.title === '' || (m[3] ?? '') === '')
    })
    const untitled = k < body.length && titles.has(compact(body[k]!.text))
    if (!repeated && !untitled)
      return
    for (let j = 0; j < k; j++)
      this.tocLines.add(body[j]!.no)
    for (const d of listed)
      this.tocTitles.set(compact(d.title), d)
    this.warnings.push({ line: body[0]!.no, message: `已跳过目录 (table of contents skipped): 第 ${body[0]!.no}–${body[k - 1]!.no} 行` })
  }

  private handle(line: Line): void {
    const { text, no } = line
    if (this.tocLines.has(no))
      return
    const heading = MARKDOWN_HEADING.exec(text)
    if (heading) {
      this.handleHeading(heading[2] ?? '', (heading[1] ?? '').length, no)
      return
    }
    const bare = bareDivision(text)
    if (bare) {
      this.openNumbered(bare, null, no)
      return
    }
    if (this.unit === 'ARTICLE') {
      const article = matchArticleHeading(text) ?? (ARTICLE_HEAD.exec(text)?.[0] === text
        ? { number: text, caption: null, rest: '' }
        : null)
      if (article) {
        this.openArticle(article, no)
        return
      }
      const spaced = SPACED_ARTICLE.exec(text)
      if (spaced && this.isNextArticle(`第${spaced[1]}条`)) {
        this.warnings.push({ line: no, message: `条号中有空格，按 第${spaced[1]}条 读取 (space inside the article number)` })
        this.openArticle({ number: `第${spaced[1]}条`, caption: null, rest: (spaced[2] ?? '').trim() }, no)
        return
      }
    }
    else {
      const item = this.itemOf(text)
      if (item && this.isNextItem(item[0])) {
        this.openItem(item[0], null, item[1], no)
        return
      }
    }
    const toc = isTitleLike(text) ? this.tocTitles.get(compact(text)) : undefined
    if (toc && (this.current === null || this.sectionTitles.has(no))) {
      this.warnings.push({ line: no, message: `无编号的标题按目录读作 ${toc.number} (heading without number read as in the table of contents): "${text}"` })
      this.openDivision(toc, no)
      return
    }
    if (this.sectionTitles.has(no)) {
      this.openDivision({ number: '', ordinal: null, title: text, kind: this.childKind() }, no, true)
      return
    }
    if (this.openedAt && isWrappedTitle(text)) {
      this.openedAt.title += text
      return
    }
    this.openedAt = null
    if (this.current) {
      this.current.paragraphs.push(text)
      return
    }
    if (this.mode === 'leading' || this.mode === 'preamble') {
      this.preamble.push(text)
      return
    }
    const top = this.stack.at(-1)?.div
    // Only a 第…章/节 promises articles; text under 附件, 一、 headings or in an item document is the division's own.
    const ownText = this.unit === 'ITEM' || this.stack.some(s => !s.div.number.startsWith('第'))
    if (top && ownText && top.articles.length === 0 && top.children.length === 0) {
      top.paragraphs.push(text)
      return
    }
    this.stray.push({ line: no, message: `条文之外的文字 (text before the first article of a division): "${text.slice(0, 30)}"` })
  }

  private handleHeading(content: string, level: number, no: number): void {
    const text = content.trim()
    if (text === '') {
      this.warnings.push({ line: no, message: '空标题，已忽略 (empty heading ignored)' })
      return
    }
    if (/^序\s*言$/.test(text)) {
      if (this.articles.length > 0 || this.divisions.length > 0)
        this.problem(no, '序言位置错误 (preamble after articles or divisions)')
      this.mode = 'preamble'
      this.current = null
      return
    }
    if (/^目\s*录$/.test(text)) {
      // The headings it lists are dropped when the body starts over at 第一章.
      this.openedAt = null
      return
    }
    const numbered = DIVISION_HEAD.exec(text)
    if (numbered) {
      this.openNumbered(numbered, level, no)
      return
    }
    const item = ITEM_HEAD.exec(text)
    if (item && this.unit === 'ITEM' && (this.itemStyle === 'headings' || this.itemStyle === 'dun') && this.isNextItem(item[1] ?? '')) {
      this.openItem(item[1] ?? '', item[2]?.trim() || null, '', no)
      return
    }
    if (SENTENCE_PUNCTUATION.test(text) || [...text].length > HEADING_MAX) {
      this.problem(no, `无法识别的标题 (unrecognised heading, level ${level}): "${text.slice(0, 30)}"`)
      return
    }
    if (item) {
      this.openDivision({ number: `${item[1]}、`, ordinal: parseChineseNumber(item[1] ?? ''), title: (item[2] ?? '').trim(), kind: this.kindOfLevel(level) }, no)
      return
    }
    const kind: DivisionKind = text.endsWith('分编') ? 'SUBPART' : text.endsWith('编') ? 'PART' : this.kindOfLevel(level)
    this.openDivision({ number: '', ordinal: null, title: text, kind }, no)
  }

  private kindOfLevel(level: number): DivisionKind {
    return this.levelKind.get(level) ?? DEFAULT_LEVEL_KIND[level - 1] ?? 'SECTION'
  }

  /** Kind of an unnumbered section title: one below the innermost division that has a heading (titles are siblings). */
  private childKind(): DivisionKind {
    const rank = this.stack.filter(s => !s.fromLine).at(-1)?.rank ?? 2
    return (['SUBPART', 'CHAPTER', 'SECTION', 'SECTION'] as const)[Math.min(rank, 4) - 1]!
  }

  private openNumbered(m: RegExpExecArray, level: number | null, no: number): void {
    const spec = DIVISION_KINDS[m[2] ?? '']!
    const number = m[1] ?? ''
    let ordinal: number
    try {
      ordinal = parseChineseNumber(number.slice(1, -(m[2] ?? '').length))
    }
    catch {
      this.problem(no, `无法识别的标题 (unrecognised heading${level === null ? '' : `, level ${level}`}): "${m[0].slice(0, 30)}"`)
      return
    }
    this.openDivision({ number, ordinal, title: (m[3] ?? '').trim(), kind: spec.kind }, no)
  }

  private openDivision(spec: DivisionSpec, no: number, fromLine = false): void {
    const { prefix, rank } = KIND_SPEC[spec.kind]
    const word = spec.kind === 'SUBPART' ? '分编' : spec.kind === 'PART' ? '编' : spec.kind === 'CHAPTER' ? '章' : '节'
    let parent = this.popTo(rank)
    let siblings = parent ? parent.children : this.divisions
    if (spec.ordinal !== null) {
      const style = (n: string): string => n.startsWith('第') ? 'di' : n.endsWith('、') ? 'dun' : ''
      const previous = siblings.filter(d => d.kind === spec.kind && d.number !== '' && style(d.number) === style(spec.number)).at(-1)
      if (previous && previous.ordinal >= spec.ordinal) {
        if (!this.unitsSeen) {
          this.skipTableOfContents(no)
          parent = this.popTo(rank)
          siblings = parent ? parent.children : this.divisions
        }
        else {
          this.problem(no, previous.ordinal === spec.ordinal
            ? `重复的${word}号 (duplicate division number): ${spec.number}，第 ${previous.line} 行已有`
            : `${word}号倒退 (division number goes backwards): ${spec.number} after ${previous.number}`)
        }
      }
    }
    const base = `${prefix}${spec.ordinal !== null ? spec.ordinal : `x${siblings.length + 1}`}`
    let id = parent ? `${parent.id}-${base}` : base
    for (let n = 2; this.usedIds.has(id); n++)
      id = `${parent ? `${parent.id}-` : ''}${base}~${n}`
    this.usedIds.add(id)
    const div: ParsedDivision = {
      id,
      kind: spec.kind,
      number: spec.number,
      ordinal: spec.ordinal ?? siblings.length + 1,
      title: spec.title,
      order: siblings.length + 1,
      line: no,
      children: [],
      articles: [],
      paragraphs: [],
    }
    siblings.push(div)
    this.stack.push({ div, rank, fromLine })
    this.mode = 'body'
    this.current = null
    this.openedAt = div
  }

  /** Pops open divisions of rank `rank` or deeper; returns the new innermost one. */
  private popTo(rank: number): ParsedDivision | undefined {
    while (this.stack.length > 0 && (this.stack.at(-1)?.rank ?? 0) >= rank)
      this.stack.pop()
    return this.stack.at(-1)?.div
  }

  /** Headings seen before any article that start over: they were a table of contents. */
  private skipTableOfContents(no: number): void {
    const all = (list: ParsedDivision[]): ParsedDivision[] => list.flatMap(d => [d, ...all(d.children)])
    const listed = all(this.divisions)
    for (const d of listed) {
      if (d.number !== '')
        this.tocTitles.set(compact(d.title), { number: d.number, ordinal: d.ordinal, title: d.title, kind: d.kind })
    }
    this.warnings.push({ line: listed[0]?.line ?? no, message: `已跳过目录 (table of contents skipped): 第 ${listed[0]?.line ?? no}–${no - 1} 行` })
    this.divisions.length = 0
    this.stack.length = 0
    this.usedIds.clear()
    this.mode = 'leading'
  }

  private isNextArticle(number: string): boolean {
    try {
      return Math.floor(articleOrdinal(number)) === Math.floor(this.articles.at(-1)?.ordinal ?? 0) + 1
    }
    catch {
      return false
    }
  }

  private isNextItem(numeral: string): boolean {
    const last = this.articles.at(-1)?.ordinal ?? 0
    try {
      return parseChineseNumber(numeral) === last + 1
    }
    catch {
      return false
    }
  }

  private place(article: ParsedArticle): void {
    const owner = this.stack.at(-1)?.div
    if (owner)
      owner.articles.push(article)
    this.articles.push(article)
    this.current = article
    this.mode = 'body'
    this.openedAt = null
    this.unitsSeen = true
  }

  private openItem(numeral: string, caption: string | null, rest: string, no: number): void {
    const n = parseChineseNumber(numeral)
    const style = this.itemStyle
    this.place({
      number: style === 'arabic' ? `${numeral}.` : style === 'paren' ? `（${numeral}）` : `${numeral}、`,
      slug: `i${n}`,
      ordinal: n,
      caption,
      deleted: false,
      paragraphs: rest === '' ? [] : [rest],
      text: '',
      line: no,
      path: this.stack.map(s => s.div.id),
    })
  }

  private openArticle(head: ArticleHeadingMatch, no: number): void {
    let ordinal: number
    let slug: string
    try {
      ordinal = articleOrdinal(head.number)
      slug = articleSlug(head.number)
    }
    catch (e) {
      this.problem(no, `条号无效 (invalid article number): ${head.number}: ${(e as Error).message}`)
      return
    }
    const firstLine = this.seen.get(head.number)
    const previous = this.articles.at(-1)
    if (firstLine !== undefined) {
      this.problem(no, `重复的条号 (duplicate article number): ${head.number}, first at line ${firstLine}`)
      return
    }
    if (previous && previous.ordinal >= ordinal)
      this.problem(no, `条号倒退 (article number goes backwards): ${head.number} after ${previous.number}`)
    this.seen.set(head.number, no)
    const deleted = head.caption === null && DELETED.test(head.rest)
    this.place({
      number: head.number,
      slug,
      ordinal,
      caption: head.caption,
      deleted,
      paragraphs: head.rest === '' ? [] : [head.rest],
      text: '',
      line: no,
      path: this.stack.map(s => s.div.id),
    })
  }

  /** The date in the file name, used when the text states none. */
  private fileNameDate(): string | null {
    const m = FILE_NAME_DATE.exec(this.file)
    return m ? toIsoDate(m[1]!, m[2]!, m[3]!) : null
  }

  private finish(): ParsedLaw {
    const events = this.events.filter(e => e.date !== '')
    let fallback: string | null = null
    if (this.events.length === 0) {
      fallback = this.fileNameDate()
      if (fallback)
        this.warnings.push({ line: 0, message: `正文没有日期行，版本日期取自文件名 (no dated line: version date ${fallback} taken from the file name)` })
      else
        this.problem(0, '缺少日期行，文件名中也没有日期 (no dated event line, and no (YYYY-MM-DD) date in the file name: the text version cannot be identified)')
    }
    if (this.articles.length === 0 && this.unit === 'ITEM' && this.itemStyle === 'whole' && this.preamble.length > 0) {
      this.warnings.push({ line: 0, message: '没有条号或条目编号，全文作为一条保存 (no numbered articles or items: the whole text is kept as one unit)' })
      this.place({ number: '全文', slug: 'i1', ordinal: 1, caption: null, deleted: false, paragraphs: this.preamble.splice(0), text: '', line: this.lines[0]?.no ?? 0, path: [] })
    }
    if (this.articles.length === 0)
      this.problem(0, `没有条文或条目 (no articles and no items: the file holds no 第…条 and no 一、二、 numbered text)`)
    else
      this.problems.push(...this.stray)
    if (this.problems.length > 0) {
      const sorted = [...this.problems].sort((a, b) => a.line - b.line)
      throw new LawParseError(this.file, sorted[0]!.line, sorted[0]!.message, sorted)
    }
    for (const a of this.articles)
      a.text = a.paragraphs.join('\n')
    this.dropRepeatedTitle()

    const latest = (pred: (e: LawEvent) => boolean): string | null =>
      events.filter(pred).reduce<string | null>((max, e) => (max === null || e.date > max
        ? e.date
        : max), null)
    const versionDate = latest(e => e.actions.some(a => VERSION_ACTIONS.has(a))) ?? latest(() => true) ?? fallback ?? ''
    const lastChange = latest(e => e.actions.some(a => CHANGE_ACTIONS.has(a)))
    const promulgated = latest(e => e.actions.some(a => PROMULGATION_ACTIONS.has(a)))
    const effective = latest(e => e.actions.includes('施行'))
    return {
      title: this.title,
      partTitle: this.partTitle,
      events,
      versionDate,
      promulgatedOn: promulgated !== null && (lastChange === null || promulgated >= lastChange)
        ? promulgated
        : null,
      effectiveFrom: effective !== null && effective >= versionDate
        ? effective
        : null,
      partial: this.partial,
      preamble: this.preamble,
      unit: this.unit,
      divisions: this.divisions,
      articles: this.articles,
      warnings: this.warnings.sort((a, b) => a.line - b.line),
    }
  }

  /** Leading lines that only repeat the title (wrapped: `北京市国民经济和社会发展计划` / `审查监督条例`) are not a 序言. */
  private dropRepeatedTitle(): void {
    const title = compact(this.title)
    let joined = ''
    for (let k = 0; k < Math.min(this.preamble.length, 4); k++) {
      joined += compact(this.preamble[k] ?? '')
      if (joined === title) {
        this.preamble.splice(0, k + 1)
        return
      }
      if (!title.startsWith(joined))
        return
    }
  }
}
