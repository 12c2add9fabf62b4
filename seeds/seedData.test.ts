import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Checks the offline sample data (seeds/topics.json, seeds/summaries.json) against the law corpus.
// The corpus is read from LAW_CORPUS_DIR or ../shared/laws; it is never copied into the project.

interface LawMeta { id: string, title: string }
interface TopicLink { lawId: string, version?: string, articles: string[] }
interface Topic { id: string, name: string, nameEn: string, description: string, articles: TopicLink[] }
interface SectionDivision { kind: 'SECTION', number: string, title: string, articles: string[] }
interface ChapterDivision { kind: 'CHAPTER', number: string, title: string, sections?: SectionDivision[], articles: string[] }
interface ArticleSummary { number: string, summary: string }
interface LawSummaries { lawId: string, versionDate: string, divisions: ChapterDivision[], articles: ArticleSummary[] }

interface ParsedSection { number: string, title: string, articles: string[] }
interface ParsedChapter { number: string, title: string, articles: string[], sections: ParsedSection[] }
interface CorpusFile {
  file: string
  title: string
  /** YYYY-MM-DD of the last 通过/公布/修正/修订 event in the header */
  lastEventDate: string
  /** article number → article text (heading remainder and following paragraphs) */
  articles: Map<string, string>
  articleOrder: string[]
  chapters: ParsedChapter[]
}

const seedsDir = path.dirname(fileURLToPath(import.meta.url))
const corpusDir = process.env.LAW_CORPUS_DIR ?? path.resolve(process.cwd(), '../shared/laws')
const hasCorpus = fs.existsSync(corpusDir)

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(seedsDir, file), 'utf8')) as T
}

const laws = readJson<{ laws: LawMeta[] }>('laws.json').laws
const topicsFile = readJson<{ topics: Topic[] }>('topics.json')
const summariesFile = readJson<{ $comment: string, laws: LawSummaries[] }>('summaries.json')
const topics = topicsFile.topics
const summaries = summariesFile.laws

const ARTICLE_HEADING = /^(第[一二三四五六七八九十百千零〇]+条)(?=[\s(（])/
const EVENT_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(.*)$/
// 发布 is the older word for 公布 (e.g. 国务院令第37号, 1989).
const VERSION_EVENT = /通过|公布|发布|修正|修订/
const MIN_COMMON_RUN = 15

function splitHeading(rest: string): { number: string, title: string } {
  const [number = '', ...title] = rest.trim().split(/\s+/)
  return { number, title: title.join('') }
}

function parseCorpusFile(file: string): CorpusFile {
  const lines = fs.readFileSync(path.join(corpusDir, file), 'utf8').split(/\r?\n/)
  const titleLine = lines.find(l => l.startsWith('# '))
  const infoEnd = lines.findIndex(l => l.trim() === '<!-- INFO END -->')
  if (!titleLine || infoEnd < 0)
    throw new Error(`${file}: missing title or INFO END`)

  const dates: string[] = []
  for (const line of lines.slice(0, infoEnd)) {
    const m = EVENT_LINE.exec(line.trim())
    if (m && VERSION_EVENT.test(m[4] ?? ''))
      dates.push(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`)
  }

  const articles = new Map<string, string>()
  const articleOrder: string[] = []
  const chapters: ParsedChapter[] = []
  let chapter: ParsedChapter | undefined
  let section: ParsedSection | undefined
  let current: string | undefined
  for (const line of lines.slice(infoEnd + 1)) {
    if (line.startsWith('<!--')) {
      current = undefined
      continue
    }
    if (/^#{1,3}\s/.test(line)) {
      current = undefined
      if (line.startsWith('### ')) {
        section = { ...splitHeading(line.slice(4)), articles: [] }
        chapter?.sections.push(section)
      }
      else if (line.startsWith('## ')) {
        chapter = { ...splitHeading(line.slice(3)), articles: [], sections: [] }
        section = undefined
        chapters.push(chapter)
      }
      continue
    }
    const m = ARTICLE_HEADING.exec(line)
    if (m) {
      current = m[1]!
      if (articles.has(current))
        throw new Error(`${file}: duplicate article heading ${current}`)
      articles.set(current, line.slice(current.length).trim())
      articleOrder.push(current)
      ;(section ?? chapter)?.articles.push(current)
      continue
    }
    if (current && line.trim())
      articles.set(current, `${articles.get(current)}\n${line.trim()}`)
  }
  return {
    file,
    title: titleLine.slice(2).trim(),
    lastEventDate: dates.at(-1) ?? '',
    articles,
    articleOrder,
    chapters: chapters.filter(c => c.number !== '序言'),
  }
}

function loadCorpus(): Map<string, CorpusFile[]> {
  const byLaw = new Map<string, CorpusFile[]>()
  const files = fs.readdirSync(corpusDir).filter(f => f.endsWith('.md') && f !== 'README.md').sort()
  for (const file of files) {
    const parsed = parseCorpusFile(file)
    const law = laws.find(l => l.title === parsed.title)
    if (!law)
      continue
    const list = byLaw.get(law.id) ?? []
    list.push(parsed)
    byLaw.set(law.id, list)
  }
  return byLaw
}

/** Longest run of identical consecutive characters shared by a and b (whitespace ignored). */
function longestCommonRun(a: string, b: string): { length: number, text: string } {
  const x = [...a.replace(/\s/g, '')]
  const y = [...b.replace(/\s/g, '')]
  let best = 0
  let end = 0
  let prev = Array.from<number>({ length: y.length + 1 }).fill(0)
  for (let i = 1; i <= x.length; i++) {
    const row = Array.from<number>({ length: y.length + 1 }).fill(0)
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        row[j] = prev[j - 1]! + 1
        if (row[j]! > best) {
          best = row[j]!
          end = i
        }
      }
    }
    prev = row
  }
  return { length: best, text: x.slice(end - best, end).join('') }
}

const REQUIRED_TOPICS = [
  'public-participation',
  'expert-argumentation',
  'risk-assessment',
  'legality-review',
  'collective-decision',
  'decision-publication',
  'decision-catalogue',
  'archives',
  'accountability',
  'people-mediation',
  'administrative-reconsideration',
  'administrative-litigation',
  'information-disclosure',
  'constitutional-oath',
  'constitution',
  'legislation',
  'lawyers',
  'rule-of-law-publicity',
  'copyright',
]

const MIN_SUMMARIES: Record<string, number> = {
  'constitution': 20,
  'administrative-reconsideration-law': 20,
  'archives-law': 15,
  'legislation-law': 10,
}

const FULL_COVERAGE = ['major-decision-procedure', 'people-mediation-law', 'gov-info-disclosure']

describe('seed data (structure)', () => {
  const lawIds = new Set(laws.map(l => l.id))

  it('has unique topic ids covering the required topics', () => {
    const ids = topics.map(t => t.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_TOPICS))
  })

  it('gives every topic a name, an English name, a description and known laws', () => {
    for (const topic of topics) {
      expect(topic.name.trim(), topic.id).not.toBe('')
      expect(topic.nameEn.trim(), topic.id).not.toBe('')
      expect(topic.description.trim(), topic.id).not.toBe('')
      expect(topic.articles.length, topic.id).toBeGreaterThan(0)
      for (const link of topic.articles) {
        expect(lawIds.has(link.lawId), `${topic.id}: ${link.lawId}`).toBe(true)
        expect(link.articles.length, `${topic.id}: ${link.lawId}`).toBeGreaterThan(0)
        expect(new Set(link.articles).size, `${topic.id}: ${link.lawId}`).toBe(link.articles.length)
      }
    }
  })

  it('labels the summaries as our own 要点', () => {
    expect(summariesFile.$comment).toContain('要点')
    expect(summariesFile.$comment).toMatch(/own words/)
  })

  it('has known, unique laws with ISO version dates and enough summaries', () => {
    const ids = summaries.map(s => s.lawId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining([...FULL_COVERAGE, ...Object.keys(MIN_SUMMARIES)]))
    for (const law of summaries) {
      expect(lawIds.has(law.lawId), law.lawId).toBe(true)
      expect(law.versionDate, law.lawId).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(law.articles.length, law.lawId).toBeGreaterThanOrEqual(MIN_SUMMARIES[law.lawId] ?? 1)
      const numbers = law.articles.map(a => a.number)
      expect(new Set(numbers).size, law.lawId).toBe(numbers.length)
    }
  })

  it('keeps every summary short and non-empty', () => {
    for (const law of summaries) {
      for (const a of law.articles) {
        const text = a.summary.trim()
        expect(text, `${law.lawId} ${a.number}`).not.toBe('')
        expect([...text].length, `${law.lawId} ${a.number}: ${text}`).toBeLessThanOrEqual(120)
      }
    }
  })

  it('includes the constitution articles most relevant to local government', () => {
    const constitution = summaries.find(s => s.lawId === 'constitution')
    const numbers = constitution?.articles.map(a => a.number) ?? []
    expect(numbers).toEqual(expect.arrayContaining([
      '第二条',
      '第五条',
      '第二十七条',
      '第三十三条',
      '第四十一条',
      '第六十二条',
      '第八十九条',
      '第一百零五条',
      '第一百零七条',
      '第一百一十条',
      '第一百一十一条',
    ]))
  })
})

describe('seed data against the law corpus', () => {
  const corpus = hasCorpus ? loadCorpus() : new Map<string, CorpusFile[]>()

  // Without the corpus nothing below proves the seeds; fail rather than pass silently.
  it('finds the law corpus (LAW_CORPUS_DIR or ../shared/laws)', () => {
    expect(hasCorpus, `law corpus not found at ${corpusDir}`).toBe(true)
  })

  function latest(lawId: string): CorpusFile {
    const files = corpus.get(lawId) ?? []
    const file = files.toSorted((a, b) => a.lastEventDate.localeCompare(b.lastEventDate)).at(-1)
    if (!file)
      throw new Error(`no corpus file for ${lawId}`)
    return file
  }

  function forTopic(link: TopicLink): CorpusFile {
    if (!link.version)
      return latest(link.lawId)
    const file = (corpus.get(link.lawId) ?? []).find(f => f.lastEventDate.startsWith(link.version!))
    if (!file)
      throw new Error(`no ${link.version} version of ${link.lawId}`)
    return file
  }

  function forSummaries(law: LawSummaries): CorpusFile {
    return (corpus.get(law.lawId) ?? []).find(f => f.lastEventDate === law.versionDate) ?? latest(law.lawId)
  }

  it('parses the corpus with the article counts stated in its README', () => {
    const counts = (lawId: string): number[] => (corpus.get(lawId) ?? []).map(f => f.articleOrder.length).sort((a, b) => a - b)
    expect(counts('major-decision-procedure')).toEqual([44])
    expect(counts('constitution')).toEqual([143])
    expect(counts('legislation-law')).toEqual([105, 120])
    expect(counts('administrative-reconsideration-law')).toEqual([43, 90])
    expect(counts('people-mediation-law')).toEqual([35])
    for (const law of laws)
      expect(corpus.has(law.id), law.id).toBe(true)
  })

  it('links every topic to article headings that exist in the right version', () => {
    for (const topic of topics) {
      for (const link of topic.articles) {
        const file = forTopic(link)
        for (const number of link.articles)
          expect(file.articles.has(number), `${topic.id}: ${link.lawId} (${file.file}) ${number}`).toBe(true)
      }
    }
  })

  it('dates each summarised law by a corpus version', () => {
    for (const law of summaries) {
      const dates = (corpus.get(law.lawId) ?? []).map(f => f.lastEventDate)
      expect(dates, law.lawId).toContain(law.versionDate)
    }
  })

  it('summarises only articles that exist in that version', () => {
    for (const law of summaries) {
      const file = forSummaries(law)
      for (const a of law.articles)
        expect(file.articles.has(a.number), `${law.lawId} (${file.file}) ${a.number}`).toBe(true)
    }
  })

  it(`never repeats ${MIN_COMMON_RUN} or more consecutive characters of the official text`, () => {
    const offenders: string[] = []
    for (const law of summaries) {
      const file = forSummaries(law)
      for (const a of law.articles) {
        const run = longestCommonRun(a.summary, file.articles.get(a.number) ?? '')
        if (run.length >= MIN_COMMON_RUN)
          offenders.push(`${law.lawId} ${a.number}: "${run.text}" (${run.length})`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('covers every article of the laws given with their full structure', () => {
    for (const lawId of FULL_COVERAGE) {
      const law = summaries.find(s => s.lawId === lawId)
      expect(law, lawId).toBeDefined()
      expect(law!.divisions.length, lawId).toBeGreaterThan(0)
    }
    for (const law of summaries.filter(s => s.divisions.length > 0)) {
      const file = forSummaries(law)
      expect(law.articles.map(a => a.number), law.lawId).toEqual(file.articleOrder)
    }
  })

  it('matches the chapter and section headings and lists every article exactly once', () => {
    const strip = (s: string): string => s.replace(/\s/g, '')
    for (const law of summaries.filter(s => s.divisions.length > 0)) {
      const file = forSummaries(law)
      expect(law.divisions.map(d => [d.kind, d.number, strip(d.title)]), law.lawId)
        .toEqual(file.chapters.map(c => ['CHAPTER', c.number, c.title]))
      const listed: string[] = []
      law.divisions.forEach((division, i) => {
        const chapter = file.chapters[i]!
        const sections = division.sections ?? []
        expect(sections.map(s => [s.kind, s.number, strip(s.title)]), `${law.lawId} ${division.number}`)
          .toEqual(chapter.sections.map(s => ['SECTION', s.number, s.title]))
        expect(division.articles, `${law.lawId} ${division.number}`).toEqual(chapter.articles)
        listed.push(...division.articles)
        sections.forEach((section, j) => {
          expect(section.articles, `${law.lawId} ${division.number}${section.number}`).toEqual(chapter.sections[j]!.articles)
          listed.push(...section.articles)
        })
      })
      expect(listed.toSorted(), law.lawId).toEqual(file.articleOrder.toSorted())
      expect(new Set(listed).size, law.lawId).toBe(listed.length)
    }
  })
})
