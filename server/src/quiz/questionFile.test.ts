import type { QuestionRecord } from './questionFile'
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  decodeUpload,
  MAX_FILE_BYTES,
  parseAnswer,
  parseArticleRefs,
  parseType,
  QuestionFileError,
  readQuestionFile,
  writeQuestionFile,
} from './questionFile'

const bank = JSON.parse(readFileSync(new URL('../../../seeds/questions.json', import.meta.url), 'utf8')) as { questions: QuestionRecord[] }
const strip = ({ id: _id, ...rest }: QuestionRecord) => rest

describe('question files', () => {
  it('round-trips the sample bank through Excel', async () => {
    const bytes = await writeQuestionFile('XLSX', bank.questions)
    const rows = await readQuestionFile('XLSX', bytes)
    expect(rows.every(r => r.errors.length === 0)).toBe(true)
    expect(rows.map(r => r.record)).toEqual(bank.questions.map(strip))
    expect(rows[0]!.row).toBe(2)
  })

  it('round-trips the sample bank through JSON, and reads seeds/questions.json as it is', async () => {
    const rows = await readQuestionFile('JSON', await writeQuestionFile('JSON', bank.questions))
    expect(rows.map(r => r.record)).toEqual(bank.questions.map(strip))
    const raw = await readQuestionFile('JSON', readFileSync(new URL('../../../seeds/questions.json', import.meta.url)))
    expect(raw).toHaveLength(bank.questions.length)
  })

  it('reads a hand-made sheet with Chinese headers and lenient answers', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('题目')
    sheet.addRow(['题型', '题干', 'A', 'B', 'C', '答案', '解析', '难度', '知识点', '考查条文'])
    sheet.addRow(['多选', '下列哪些属于法定程序？', '公众参与', '专家论证', '抽签', 'A、B', '', 3, 'public-participation', 'major-decision-procedure:第四条；major-decision-procedure:第十四条'])
    sheet.addRow([])
    sheet.addRow(['判断', '决策应当依法作出。', '', '', '', '对', '', 1, '', 'major-decision-procedure:第四条'])
    sheet.addRow(['论述', '谈谈依法决策。', '', '', '', '', '', 2, '', 'bad-ref'])
    const rows = await readQuestionFile('XLSX', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(rows.map(r => r.row)).toEqual([2, 4, 5])
    expect(rows[0]!.record).toMatchObject({ type: 'MULTIPLE', options: ['公众参与', '专家论证', '抽签'], answer: ['A', 'B'], difficulty: 3, tests: [{ lawId: 'major-decision-procedure', article: '第四条' }, { lawId: 'major-decision-procedure', article: '第十四条' }] })
    expect(rows[1]!.record).toMatchObject({ type: 'TRUE_FALSE', answer: ['TRUE'], options: [] })
    expect(rows[2]!.record).toBeNull()
    expect(rows[2]!.errors.join()).toContain('type')
    expect(rows[2]!.errors.join()).toContain('articles')
  })

  it('refuses a sheet without the required columns, naming them', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('x').addRow(['题干', '答案'])
    const error = await readQuestionFile('XLSX', Buffer.from(await workbook.xlsx.writeBuffer())).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(QuestionFileError)
    expect((error as Error).message).toContain('type')
  })

  it('refuses files that are not what they claim', async () => {
    await expect(readQuestionFile('XLSX', Buffer.from('not a zip'))).rejects.toThrow(/xlsx/)
    await expect(readQuestionFile('JSON', Buffer.from('{oops'))).rejects.toThrow(/JSON/)
    await expect(readQuestionFile('JSON', Buffer.from('{"items": []}'))).rejects.toThrow(/questions/)
    await expect(readQuestionFile('JSON', Buffer.from('[]'))).rejects.toThrow(/no questions/)
  })

  it('refuses uploads over 2 MB with a clear message', () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 1).toString('base64')
    expect(() => decodeUpload(big)).toThrow(/2 MB/)
    expect(decodeUpload(Buffer.from('{}').toString('base64')).toString()).toBe('{}')
    expect(() => decodeUpload('***')).toThrow(/base64/)
    expect(() => decodeUpload('')).toThrow(/empty/)
  })

  it('parses cells', () => {
    expect(parseType('单选题')).toBe('SINGLE')
    expect(parseType('fill_blank')).toBe('FILL_BLANK')
    expect(parseType('essay')).toBeNull()
    expect(parseAnswer('MULTIPLE', 'bde')).toEqual(['B', 'D', 'E'])
    expect(parseAnswer('MULTIPLE', 'B, D,E')).toEqual(['B', 'D', 'E'])
    expect(parseAnswer('TRUE_FALSE', '×')).toEqual(['FALSE'])
    expect(parseAnswer('FILL_BLANK', '30|三十;7|七')).toEqual(['30|三十', '7|七'])
    expect(parseArticleRefs('a-law:第一条; b:第十条之一').refs).toEqual([{ lawId: 'a-law', article: '第一条' }, { lawId: 'b', article: '第十条之一' }])
    expect(parseArticleRefs('第一条').errors).toHaveLength(1)
  })
})
