/**
 * Question files (题库导入导出): Excel (.xlsx) and JSON with the columns of seeds/questions.json —
 * type, stem, options A–H, answer, explanation, difficulty, topics, tested articles ('lawId:第N条'
 * separated by ';'). Pure apart from exceljs: no database; the repository resolves references.
 */
import type { QuestionContent, QuestionKind } from './questionShape'
import { Buffer } from 'node:buffer'
import ExcelJS from 'exceljs'
import { OPTION_LETTERS } from './questionRules'
import { isChoiceKind, QUESTION_KINDS } from './questionShape'

/** Largest file accepted (bytes, after base64 decoding). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024

/** Most question rows one file may hold. */
export const MAX_FILE_ROWS = 5000

/** A tested-article reference as written in a file. */
export interface ArticleRef {
  lawId: string
  article: string
}

/** One question as a file carries it (same shape as seeds/questions.json): topics by id, articles by reference. */
export interface QuestionRecord extends QuestionContent {
  id?: string
  topics: string[]
  tests: ArticleRef[]
}

/** One data row of a file: its record, or why it could not be read. */
export interface ParsedRow {
  /** Spreadsheet row number (the header is row 1), or position in the JSON list (from 1). */
  row: number
  record: QuestionRecord | null
  errors: string[]
}

/** A file that cannot be read at all (wrong format, too large, no header). */
export class QuestionFileError extends Error {}

export type QuestionFileFormat = 'XLSX' | 'JSON'

const COLUMNS = [
  { key: 'type', label: '题型 type' },
  { key: 'stem', label: '题干 stem' },
  ...OPTION_LETTERS.split('').map(letter => ({ key: letter, label: letter })),
  { key: 'answer', label: '答案 answer' },
  { key: 'explanation', label: '解析 explanation' },
  { key: 'difficulty', label: '难度 difficulty' },
  { key: 'topics', label: '知识点 topics' },
  { key: 'articles', label: '考查条文 articles' },
] as const

const HEADER_ALIASES: Record<string, string> = {
  题型: 'type',
  题干: 'stem',
  答案: 'answer',
  解析: 'explanation',
  难度: 'difficulty',
  知识点: 'topics',
  考查条文: 'articles',
  条文: 'articles',
  tests: 'articles',
}

const TYPE_ALIASES: Record<string, QuestionKind> = {
  单选: 'SINGLE',
  单选题: 'SINGLE',
  多选: 'MULTIPLE',
  多选题: 'MULTIPLE',
  判断: 'TRUE_FALSE',
  判断题: 'TRUE_FALSE',
  填空: 'FILL_BLANK',
  填空题: 'FILL_BLANK',
}

const TRUE_WORDS = new Set(['TRUE', 'T', '对', '正确', '√', '是', 'Y', 'YES'])
const FALSE_WORDS = new Set(['FALSE', 'F', '错', '错误', '×', '否', 'N', 'NO'])

/** 'major-decision-procedure:第二条; archives-law:第三条' → references, with an error per bad part. */
export function parseArticleRefs(text: string): { refs: ArticleRef[], errors: string[] } {
  const refs: ArticleRef[] = []
  const errors: string[] = []
  for (const part of text.split(/[;；\n]/).map(p => p.trim()).filter(Boolean)) {
    const match = /^([\w-]+)\s*[:：]\s*(\S+)$/.exec(part)
    if (!match)
      errors.push(`考查条文 "${part}" 格式不对 (articles: write each as lawId:第N条, separated by ;)`)
    else
      refs.push({ lawId: match[1]!, article: match[2]! })
  }
  return { refs, errors }
}

/** The 'lawId:第N条' text of a reference. */
export function formatArticleRef(ref: ArticleRef): string {
  return `${ref.lawId}:${ref.article}`
}

/** A question type written in English or Chinese; null when unknown. */
export function parseType(text: string): QuestionKind | null {
  const upper = text.trim().toUpperCase()
  if ((QUESTION_KINDS as readonly string[]).includes(upper))
    return upper as QuestionKind
  return TYPE_ALIASES[text.trim()] ?? null
}

/** An answer cell as the question's answer list (letters, TRUE/FALSE, or one accepted text per blank). */
export function parseAnswer(type: QuestionKind, text: string): string[] {
  const trimmed = text.trim()
  if (!trimmed)
    return []
  if (isChoiceKind(type)) {
    const parts = /[\s,，;；、]/.test(trimmed) ? trimmed.split(/[\s,，;；、]+/) : trimmed.split('')
    return parts.map(p => p.trim().toUpperCase()).filter(Boolean)
  }
  if (type === 'TRUE_FALSE') {
    const upper = trimmed.toUpperCase()
    if (TRUE_WORDS.has(upper))
      return ['TRUE']
    if (FALSE_WORDS.has(upper))
      return ['FALSE']
    return [trimmed]
  }
  return trimmed.split(/[;；]/).map(p => p.trim())
}

/** The answer list as one cell. */
export function formatAnswer(type: QuestionKind, answer: string[]): string {
  return isChoiceKind(type) ? answer.join('') : answer.join(';')
}

function splitList(text: string): string[] {
  return text.split(/[;；,，\s]+/).map(p => p.trim()).filter(Boolean)
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined)
    return ''
  if (typeof value === 'string')
    return value
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  if (value instanceof Date)
    return value.toISOString()
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText.map(part => part.text).join('')
    if ('text' in value && typeof value.text === 'string')
      return value.text
    if ('result' in value)
      return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value)
      return ''
  }
  return String(value)
}

function headerKey(text: string): string | null {
  const trimmed = text.trim()
  if (/^[A-H]$/i.test(trimmed))
    return trimmed.toUpperCase()
  for (const token of trimmed.split(/\s+/)) {
    const lower = token.toLowerCase()
    if (COLUMNS.some(c => c.key === lower))
      return lower
    if (HEADER_ALIASES[token] ?? HEADER_ALIASES[lower])
      return HEADER_ALIASES[token] ?? HEADER_ALIASES[lower]!
  }
  return null
}

/** Builds a record from the text cells of one row; `errors` says what could not be read. */
function recordFromCells(cells: Record<string, string>): { record: QuestionRecord | null, errors: string[] } {
  const errors: string[] = []
  const type = parseType(cells.type ?? '')
  if (!type)
    errors.push(`题型 "${cells.type ?? ''}" 无效 (type: use SINGLE, MULTIPLE, TRUE_FALSE or FILL_BLANK, or 单选/多选/判断/填空)`)
  const options: string[] = []
  let gap = false
  for (const letter of OPTION_LETTERS) {
    const text = (cells[letter] ?? '').trim()
    if (text) {
      if (gap)
        errors.push(`选项 ${letter} 前有空列 (options: fill the option columns from A without gaps)`)
      options.push(text)
    }
    else {
      gap = true
    }
  }
  const difficultyText = (cells.difficulty ?? '').trim()
  const difficulty = difficultyText === '' ? Number.NaN : Number(difficultyText)
  const { refs, errors: refErrors } = parseArticleRefs(cells.articles ?? '')
  errors.push(...refErrors)
  if (!type)
    return { record: null, errors }
  return {
    record: {
      type,
      stem: (cells.stem ?? '').trim(),
      options,
      answer: parseAnswer(type, cells.answer ?? ''),
      explanation: (cells.explanation ?? '').trim(),
      difficulty,
      topics: splitList(cells.topics ?? ''),
      tests: refs,
    },
    errors,
  }
}

async function readXlsx(bytes: Buffer): Promise<ParsedRow[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as never)
  }
  catch {
    throw new QuestionFileError('无法读取 Excel 文件 (not a readable .xlsx file): save it as Excel Workbook (.xlsx) and try again.')
  }
  const sheet = workbook.getWorksheet('试题') ?? workbook.worksheets[0]
  if (!sheet)
    throw new QuestionFileError('Excel 文件中没有工作表 (the workbook has no sheet): put the questions on the first sheet.')
  if (sheet.rowCount > MAX_FILE_ROWS + 1)
    throw new QuestionFileError(`文件超过 ${MAX_FILE_ROWS} 行 (more than ${MAX_FILE_ROWS} rows): split it into smaller files.`)
  const columns = new Map<number, string>()
  sheet.getRow(1).eachCell((cell, col) => {
    const key = headerKey(cellText(cell.value))
    if (key)
      columns.set(col, key)
  })
  const found = new Set(columns.values())
  const missing = ['type', 'stem', 'answer', 'difficulty', 'articles'].filter(k => !found.has(k))
  if (missing.length > 0)
    throw new QuestionFileError(`第 1 行缺少列 ${missing.join(', ')} (header row is missing columns ${missing.join(', ')}): use the columns of an exported file — ${COLUMNS.map(c => c.label).join(' | ')}.`)
  const rows: ParsedRow[] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells: Record<string, string> = {}
    sheet.getRow(r).eachCell((cell, col) => {
      const key = columns.get(col)
      if (key)
        cells[key] = cellText(cell.value)
    })
    if (Object.values(cells).every(text => !text.trim()))
      continue
    rows.push({ row: r, ...recordFromCells(cells) })
  }
  return rows
}

function stringList(value: unknown): string[] | null {
  if (Array.isArray(value) && value.every(v => typeof v === 'string'))
    return value as string[]
  return null
}

function readJson(bytes: Buffer): ParsedRow[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
  }
  catch (error) {
    throw new QuestionFileError(`JSON 格式错误 (not valid JSON: ${(error as Error).message}): check the file.`)
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { questions?: unknown } | null)?.questions
  if (!Array.isArray(list))
    throw new QuestionFileError('JSON 须为 {"questions": [...]} 或题目数组 (JSON must be {"questions": [...]} or an array of questions, like seeds/questions.json).')
  if (list.length > MAX_FILE_ROWS)
    throw new QuestionFileError(`文件超过 ${MAX_FILE_ROWS} 题 (more than ${MAX_FILE_ROWS} questions): split it into smaller files.`)
  return list.map((item: unknown, index): ParsedRow => {
    const row = index + 1
    if (!item || typeof item !== 'object')
      return { row, record: null, errors: ['不是一个题目对象 (not a question object)'] }
    const q = item as Record<string, unknown>
    const errors: string[] = []
    const type = typeof q.type === 'string' ? parseType(q.type) : null
    if (!type)
      errors.push(`题型 "${String(q.type ?? '')}" 无效 (type: use SINGLE, MULTIPLE, TRUE_FALSE or FILL_BLANK)`)
    if (typeof q.stem !== 'string')
      errors.push('缺少题干 (stem: required, a string)')
    const options = q.options === undefined ? [] : stringList(q.options)
    if (!options)
      errors.push('选项须为字符串数组 (options: an array of strings)')
    const answer = typeof q.answer === 'string' && type ? parseAnswer(type, q.answer) : stringList(q.answer)
    if (!answer)
      errors.push('答案须为字符串数组 (answer: an array of strings)')
    if (q.explanation !== undefined && q.explanation !== null && typeof q.explanation !== 'string')
      errors.push('解析须为字符串 (explanation: a string)')
    const difficulty = typeof q.difficulty === 'number' ? q.difficulty : Number.NaN
    const topics = q.topics === undefined ? [] : stringList(q.topics)
    if (!topics)
      errors.push('知识点须为字符串数组 (topics: an array of topic ids)')
    const tests: ArticleRef[] = []
    const rawTests = q.tests ?? q.articles
    if (typeof rawTests === 'string') {
      const parsedRefs = parseArticleRefs(rawTests)
      tests.push(...parsedRefs.refs)
      errors.push(...parsedRefs.errors)
    }
    else if (Array.isArray(rawTests)) {
      for (const ref of rawTests) {
        if (typeof ref === 'string') {
          const parsedRefs = parseArticleRefs(ref)
          tests.push(...parsedRefs.refs)
          errors.push(...parsedRefs.errors)
        }
        else if (ref && typeof ref === 'object' && typeof (ref as ArticleRef).lawId === 'string' && typeof (ref as ArticleRef).article === 'string') {
          tests.push({ lawId: (ref as ArticleRef).lawId, article: (ref as ArticleRef).article })
        }
        else {
          errors.push('考查条文须为 {lawId, article} 或 "lawId:第N条" (tests: each {lawId, article} or "lawId:第N条")')
        }
      }
    }
    if (!type || typeof q.stem !== 'string' || !options || !answer || !topics)
      return { row, record: null, errors }
    return {
      row,
      record: {
        type,
        stem: q.stem.trim(),
        options: options.map(o => o.trim()),
        answer: answer.map(a => a.trim()),
        explanation: typeof q.explanation === 'string' ? q.explanation.trim() : '',
        difficulty,
        topics,
        tests,
      },
      errors,
    }
  })
}

/** Decodes a base64 upload and refuses one over MAX_FILE_BYTES. */
export function decodeUpload(contentBase64: string): Buffer {
  const compact = contentBase64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '')
  if (compact.length > Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4)
    throw new QuestionFileError(`文件超过 2 MB 上限 (file larger than 2 MB): split it into smaller files.`)
  if (!/^[A-Z0-9+/]*={0,2}$/i.test(compact))
    throw new QuestionFileError('文件内容不是有效的 base64 (contentBase64 is not valid base64): send the file bytes base64-encoded.')
  const bytes = Buffer.from(compact, 'base64')
  if (bytes.length > MAX_FILE_BYTES)
    throw new QuestionFileError(`文件超过 2 MB 上限 (file larger than 2 MB): split it into smaller files.`)
  if (bytes.length === 0)
    throw new QuestionFileError('文件为空 (the file is empty).')
  return bytes
}

/** Reads the rows of a question file. */
export async function readQuestionFile(format: QuestionFileFormat, bytes: Buffer): Promise<ParsedRow[]> {
  const rows = format === 'XLSX' ? await readXlsx(bytes) : readJson(bytes)
  if (rows.length === 0)
    throw new QuestionFileError('文件中没有试题 (the file holds no questions).')
  return rows
}

/** Writes questions as a file in the given format. */
export async function writeQuestionFile(format: QuestionFileFormat, records: QuestionRecord[]): Promise<Buffer> {
  if (format === 'JSON') {
    const questions = records.map(r => ({ id: r.id, type: r.type, stem: r.stem, options: r.options, answer: r.answer, explanation: r.explanation, difficulty: r.difficulty, topics: r.topics, tests: r.tests }))
    return Buffer.from(`${JSON.stringify({ $comment: '学法题库导出 (Xuefa question bank export); ids are ignored on import.', questions }, null, 2)}\n`, 'utf8')
  }
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Xuefa 学法'
  const sheet = workbook.addWorksheet('试题')
  sheet.columns = COLUMNS.map(c => ({ header: c.label, key: c.key, width: c.key === 'stem' || c.key === 'explanation' ? 50 : c.key.length === 1 ? 24 : 18 }))
  sheet.getRow(1).font = { bold: true }
  for (const r of records) {
    const row: Record<string, string | number> = {
      type: r.type,
      stem: r.stem,
      answer: formatAnswer(r.type, r.answer),
      explanation: r.explanation,
      difficulty: r.difficulty,
      topics: r.topics.join(';'),
      articles: r.tests.map(formatArticleRef).join(';'),
    }
    r.options.forEach((option, i) => {
      row[OPTION_LETTERS[i]!] = option
    })
    sheet.addRow(row)
  }
  const help = workbook.addWorksheet('说明 README')
  help.columns = [{ header: '列 column', key: 'column', width: 22 }, { header: '写法 how to fill it', key: 'how', width: 100 }]
  help.addRows([
    { column: '题型 type', how: 'SINGLE 单选 | MULTIPLE 多选 | TRUE_FALSE 判断 | FILL_BLANK 填空' },
    { column: '题干 stem', how: '5–1000 字；填空题每个空写作四个下划线 ____' },
    { column: 'A–H', how: '选择题 2–8 个选项，从 A 列起连续填写；判断题、填空题留空' },
    { column: '答案 answer', how: '选择题写字母（如 BDE）；判断题写 TRUE 或 FALSE；填空题每空一项，用 ; 分隔，同一空的备选答案用 | 分隔' },
    { column: '难度 difficulty', how: '1–5 的整数，1 最易' },
    { column: '知识点 topics', how: '知识点 id，用 ; 分隔' },
    { column: '考查条文 articles', how: 'lawId:第N条，用 ; 分隔，至少一条，须为现行条文' },
  ])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
