/**
 * Chinese numerals as they occur in statute numbering (第二十五条, 第一百零五条, 第十条之一)
 * and in dates (二〇一九年).
 */

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

/**
 * Body of a RegExp character class (for `new RegExp` sources, hence the escaped full-width
 * digit range) matching the characters a number in a heading or reference may use. Exported
 * so that callers build their patterns from the same set {@link parseChineseNumber} accepts.
 */
export const NUMERAL_CHARS = '0-9\\uFF10-\\uFF19〇零一二两三四五六七八九十百千万'

const ARABIC = /^[0-9\uFF10-\uFF19]+$/

/**
 * Parses a Chinese (or arabic, half- or full-width) non-negative integer.
 *
 * Accepts the positional digit form used for years (`二〇一九` → 2019) as well as the unit form
 * (`二十五` → 25, `一百零五` → 105, `十` → 10, `两千` → 2000, `三万零一` → 30001).
 *
 * @throws RangeError when the string is empty or not a well-formed numeral, because a silently
 * wrong number would misplace an article.
 */
export function parseChineseNumber(input: string): number {
  const s = input.trim()
  if (s === '')
    throw new RangeError('empty numeral')
  if (ARABIC.test(s)) {
    // Full-width digits are offset from ASCII by a constant, so fold them before Number().
    return Number(s.replace(/[\uFF10-\uFF19]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xFEE0)))
  }
  const chars = [...s]
  if (chars.every(ch => ch in DIGITS)) {
    // No units at all: positional reading, as in years. A lone digit also lands here.
    return chars.reduce((acc, ch) => acc * 10 + (DIGITS[ch] ?? 0), 0)
  }

  let total = 0
  let section = 0
  let pending: number | null = null
  let lastUnit = Infinity
  let sawZero = false
  for (const ch of chars) {
    const digit = DIGITS[ch]
    if (digit !== undefined) {
      // Two non-zero digits in a row (二五) mean nothing in unit form.
      if (pending !== null && pending !== 0)
        throw new RangeError(`malformed numeral: ${input}`)
      if (digit === 0)
        sawZero = true
      pending = digit
      continue
    }
    const unit = SMALL_UNITS[ch]
    if (unit !== undefined) {
      if (unit >= lastUnit)
        throw new RangeError(`malformed numeral: ${input}`)
      // 十五 and 一百一十 / 一百十: a bare 十 counts as one ten.
      const multiplier = pending === null || pending === 0
        ? (unit === 10
            ? 1
            : Number.NaN)
        : pending
      if (Number.isNaN(multiplier))
        throw new RangeError(`malformed numeral: ${input}`)
      section += multiplier * unit
      pending = null
      lastUnit = unit
      sawZero = false
      continue
    }
    if (ch === '万') {
      if (total !== 0)
        throw new RangeError(`malformed numeral: ${input}`)
      total = (section + (pending ?? 0)) * 10000
      if (total === 0)
        throw new RangeError(`malformed numeral: ${input}`)
      section = 0
      pending = null
      lastUnit = Infinity
      sawZero = false
      continue
    }
    throw new RangeError(`not a numeral character '${ch}' in ${input}`)
  }
  // A trailing 零 (一百零) is not a number anyone writes; refuse it rather than guess.
  if (sawZero && (pending === 0))
    throw new RangeError(`malformed numeral: ${input}`)
  return total + section + (pending ?? 0)
}

/** Article number split into its base and its 之 suffix: 第十条之一 → `{ base: 10, sub: 1 }`. */
export interface ArticleNumberParts {
  base: number
  /** 0 when the number has no 之… suffix. */
  sub: number
}

const ARTICLE_NUMBER = new RegExp(`^第([${NUMERAL_CHARS}]+)条(?:之([${NUMERAL_CHARS}]+))?$`)

/**
 * Splits an article number such as `第十条之一` into base and suffix.
 *
 * @throws RangeError when the string is not exactly one article number.
 */
export function parseArticleNumber(number: string): ArticleNumberParts {
  const m = ARTICLE_NUMBER.exec(number.trim())
  if (!m || m[1] === undefined)
    throw new RangeError(`not an article number: ${number}`)
  const base = parseChineseNumber(m[1])
  const sub = m[2] === undefined
    ? 0
    : parseChineseNumber(m[2])
  if (base < 1 || (m[2] !== undefined && (sub < 1 || sub > 99)))
    throw new RangeError(`article number out of range: ${number}`)
  return { base, sub }
}

/**
 * Sortable numeric position of an article: `base + sub / 100`, so 第十条 → 10,
 * 第十条之一 → 10.01, 第十条之二 → 10.02, 第十一条 → 11. Inserted articles (之一 …) never exceed
 * 之九十九 in practice; larger suffixes are refused by {@link parseArticleNumber} so ordering
 * can't silently break.
 */
export function articleOrdinal(number: string): number {
  const { base, sub } = parseArticleNumber(number)
  // Rounded so 10 + 1/100 compares equal to the literal 10.01.
  return sub === 0
    ? base
    : Math.round((base + sub / 100) * 100) / 100
}

/**
 * URL-safe identifier of an article within one law version: `第二十五条` → `'25'`,
 * `第十条之一` → `'10-1'`.
 */
export function articleSlug(number: string): string {
  const { base, sub } = parseArticleNumber(number)
  return sub === 0
    ? String(base)
    : `${base}-${sub}`
}
