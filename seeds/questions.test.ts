import type { QuestionRecord } from '../server/src/quiz/questionFile'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

type Question = QuestionRecord & { id: string }

const here = path.dirname(fileURLToPath(import.meta.url))
const bank = JSON.parse(readFileSync(path.join(here, 'questions.json'), 'utf8')) as { questions: Question[] }
const questions = bank.questions

const corpusDir = process.env.LAW_CORPUS_DIR ?? path.resolve(process.cwd(), '../shared/laws')

const lawFiles: Record<string, string> = {
  'constitution': 'constitution.md',
  'major-decision-procedure': 'major-administrative-decision-procedure-2019.md',
  'people-mediation-law': 'people-mediation-law-2010.md',
  'administrative-reconsideration-law': 'administrative-reconsideration-law-2023.md',
  'gov-info-disclosure': 'government-information-disclosure-regulation-2019.md',
  'archives-law': 'archives-law-2020.md',
  'legislation-law': 'legislation-law-2023.md',
  'administrative-litigation-law': 'administrative-litigation-law-2017.md',
  'lawyers-law': 'lawyers-law-2017.md',
  'shanghai-constitutional-oath': 'shanghai-constitutional-oath-measures-2018.md',
}

const textCache = new Map<string, string>()
function lawText(lawId: string): string {
  let text = textCache.get(lawId)
  if (text === undefined) {
    const file = lawFiles[lawId]
    if (!file)
      throw new Error(`unknown lawId ${lawId}`)
    text = readFileSync(path.join(corpusDir, file), 'utf8')
    textCache.set(lawId, text)
  }
  return text
}

/** An article heading: 第…条 at the start of a line, followed by a space (half- or full-width) or a caption bracket. */
function hasArticleHeading(text: string, article: string): boolean {
  const heading = new RegExp(`^${article}(?:[ \\t\\u3000(（])`, 'mu')
  return heading.test(text)
}

const ARTICLE_RE = /^第[零一二三四五六七八九十百]+条$/u
const TOPIC_RE = /^[a-z]+(?:-[a-z]+)*$/
const LETTERS = 'ABCDE'
const BLANK_RE = /_+/g

describe('seeds/questions.json', () => {
  it('has at least 80 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80)
  })

  it('has unique ids', () => {
    const ids = questions.map(q => q.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('uses all four question types', () => {
    const types = new Set(questions.map(q => q.type))
    expect([...types].sort()).toEqual(['FILL_BLANK', 'MULTIPLE', 'SINGLE', 'TRUE_FALSE'])
  })

  describe.each(questions.map(q => [q.id, q] as const))('%s', (_id, q) => {
    it('has a stem, an explanation, a difficulty 1–5 and at least one topic', () => {
      expect(q.stem.trim()).not.toBe('')
      expect(q.explanation.trim()).not.toBe('')
      expect(Number.isInteger(q.difficulty)).toBe(true)
      expect(q.difficulty).toBeGreaterThanOrEqual(1)
      expect(q.difficulty).toBeLessThanOrEqual(5)
      expect(q.topics.length).toBeGreaterThanOrEqual(1)
      for (const topic of q.topics)
        expect(topic).toMatch(TOPIC_RE)
      expect(new Set(q.topics).size).toBe(q.topics.length)
    })

    it('has blanks only in fill-in questions', () => {
      if (q.type !== 'FILL_BLANK')
        expect(q.stem).not.toMatch(BLANK_RE)
    })

    it('has unique, non-empty options', () => {
      for (const option of q.options)
        expect(option.trim()).not.toBe('')
      expect(new Set(q.options).size).toBe(q.options.length)
    })

    it('is valid for its type', () => {
      switch (q.type) {
        case 'SINGLE': {
          expect(q.options).toHaveLength(4)
          expect(q.answer).toHaveLength(1)
          expect(LETTERS.slice(0, q.options.length)).toContain(q.answer[0])
          break
        }
        case 'MULTIPLE': {
          expect(q.options.length).toBeGreaterThanOrEqual(4)
          expect(q.options.length).toBeLessThanOrEqual(5)
          expect(q.answer.length).toBeGreaterThanOrEqual(2)
          expect(new Set(q.answer).size).toBe(q.answer.length)
          for (const letter of q.answer)
            expect(LETTERS.slice(0, q.options.length).split('')).toContain(letter)
          expect(q.answer.length).toBeLessThanOrEqual(q.options.length)
          break
        }
        case 'TRUE_FALSE': {
          expect(q.options).toEqual([])
          expect(q.answer).toHaveLength(1)
          expect(['TRUE', 'FALSE']).toContain(q.answer[0])
          break
        }
        case 'FILL_BLANK': {
          expect(q.options).toEqual([])
          const blanks = q.stem.match(BLANK_RE) ?? []
          expect(blanks.length).toBeGreaterThanOrEqual(1)
          for (const blank of blanks)
            expect(blank).toBe('____')
          expect(q.answer).toHaveLength(blanks.length)
          for (const accepted of q.answer) {
            const alternatives = accepted.split('|')
            for (const alt of alternatives)
              expect(alt.trim()).not.toBe('')
            expect(new Set(alternatives).size).toBe(alternatives.length)
          }
          break
        }
        default:
          throw new Error(`unknown type ${String((q as { type: unknown }).type)}`)
      }
    })

    it('cites articles that exist in the corpus', () => {
      expect(q.tests.length).toBeGreaterThanOrEqual(1)
      const seen = new Set<string>()
      for (const ref of q.tests) {
        expect(Object.keys(lawFiles)).toContain(ref.lawId)
        expect(ref.article).toMatch(ARTICLE_RE)
        const key = `${ref.lawId}:${ref.article}`
        expect(seen.has(key), `duplicate citation ${key}`).toBe(false)
        seen.add(key)
        expect(hasArticleHeading(lawText(ref.lawId), ref.article), `${ref.lawId} ${ref.article}`).toBe(true)
      }
    })
  })
})
