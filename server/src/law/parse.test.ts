import type { ParsedDivision, ParsedLaw } from './parse'
import { Buffer } from 'node:buffer'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LawParseError, matchArticleHeading, MAX_LAW_FILE_BYTES, parseLaw } from './parse'

// The corpus lives outside the project (it must not be copied in); see ../shared/laws/README.md.
const corpusDir = process.env.LAW_CORPUS_DIR ?? path.resolve(process.cwd(), '../shared/laws')
const corpusFiles = existsSync(corpusDir)
  ? readdirSync(corpusDir).filter(f => f.endsWith('.md') && f !== 'README.md').sort()
  : []

function load(file: string): ParsedLaw {
  return parseLaw(readFileSync(path.join(corpusDir, file)), file)
}

function allDivisions(divisions: ParsedDivision[]): ParsedDivision[] {
  return divisions.flatMap(d => [
    d,
    ...allDivisions(d.children),
  ])
}

function countKinds(law: ParsedLaw): { chapters: number, sections: number, parts: number } {
  const all = allDivisions(law.divisions)
  return {
    parts: all.filter(d => d.kind === 'PART').length,
    chapters: all.filter(d => d.kind === 'CHAPTER').length,
    sections: all.filter(d => d.kind === 'SECTION').length,
  }
}

/** Tiny made-up law text; never statute wording. */
function fake(body: string, header = '# 测试法\n\n2020年1月1日 测试机关通过\n<!-- INFO END -->\n'): string {
  return `${header}${body}`
}

function parseError(input: Buffer | string): LawParseError {
  try {
    parseLaw(input, 'fake.md')
  }
  catch (e) {
    expect(e).toBeInstanceOf(LawParseError)
    return e as LawParseError
  }
  throw new Error('expected a LawParseError')
}

describe('corpus', () => {
  it('is present', () => {
    expect(corpusFiles.length).toBeGreaterThan(0)
  })

  it.each(corpusFiles)('%s parses with increasing, unique articles', (file) => {
    const law = load(file)
    expect(law.title).not.toBe('')
    expect(law.events.length).toBeGreaterThan(0)
    expect(law.versionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(new Set(law.articles.map(a => a.slug)).size).toBe(law.articles.length)
    for (let i = 1; i < law.articles.length; i++)
      expect(law.articles[i]!.ordinal).toBeGreaterThan(law.articles[i - 1]!.ordinal)
    for (const a of law.articles) {
      expect(a.text).toBe(a.paragraphs.join('\n'))
      expect(a.paragraphs.length).toBeGreaterThan(0)
    }
    // Every article sits in exactly one place: the flat list equals the tree's articles plus loose ones.
    const inTree = allDivisions(law.divisions).flatMap(d => d.articles)
    const loose = law.articles.filter(a => a.path.length === 0)
    expect(inTree.length + loose.length).toBe(law.articles.length)
  })

  it('counts 令第713号: 6章 6节 44条, 第二十五条 under 第三章 › 第一节', () => {
    const law = load('major-administrative-decision-procedure-2019.md')
    expect(law.title).toBe('重大行政决策程序暂行条例')
    expect(countKinds(law)).toEqual({ parts: 0, chapters: 6, sections: 6 })
    expect(law.articles).toHaveLength(44)
    const a25 = law.articles.find(a => a.number === '第二十五条')!
    expect(a25.slug).toBe('25')
    expect(a25.path).toEqual(['c3', 'c3-s1'])
    const c3 = law.divisions.find(d => d.id === 'c3')!
    expect(c3).toMatchObject({
      kind: 'CHAPTER',
      number: '第三章',
      ordinal: 3,
      order: 3,
      title: '合法性审查和集体讨论决定',
    })
    const s1 = c3.children.find(d => d.id === 'c3-s1')!
    expect(s1).toMatchObject({
      kind: 'SECTION',
      number: '第一节',
      title: '合法性审查',
      order: 1,
    })
    expect(s1.articles.map(a => a.slug)).toContain('25')
    expect(law.divisions.find(d => d.id === 'c2')!.title).toBe('决策草案的形成')
    expect(law.divisions.find(d => d.id === 'c2')!.children.map(d => d.id)).toEqual(['c2-s1', 'c2-s2', 'c2-s3', 'c2-s4'])
    expect(law.versionDate).toBe('2019-04-20')
    expect(law.promulgatedOn).toBe('2019-04-20')
    expect(law.effectiveFrom).toBe('2019-09-01')
    expect(law.events.map(e => e.actions)).toEqual([
      ['公布'],
      ['施行'],
    ])
  })

  it('counts 宪法: 序言, 4章 8节 143条', () => {
    const law = load('constitution.md')
    expect(countKinds(law)).toEqual({ parts: 0, chapters: 4, sections: 8 })
    expect(law.articles).toHaveLength(143)
    expect(law.preamble.length).toBeGreaterThan(0)
    // <!-- FORCE BREAK --> layout comments are not text.
    expect(law.preamble.some(p => p.includes('<!--'))).toBe(false)
    expect(law.articles[0]!.path).toEqual(['c1'])
    expect(law.versionDate).toBe('2018-03-11')
    // Quoted 《…修正案》 must not turn an adoption into a 修正 keyword.
    expect(law.events.at(-1)!.actions).toEqual(['通过'])
    expect(law.events[1]!.actions).toEqual(['公布', '施行'])
  })

  it.each([
    ['legislation-law-2015.md', 105],
    ['legislation-law-2023.md', 120],
    ['administrative-reconsideration-law-2017.md', 43],
    ['administrative-reconsideration-law-2023.md', 90],
    ['people-mediation-law-2010.md', 35],
  ])('counts %s: %i articles', (file, count) => {
    expect(load(file).articles).toHaveLength(count)
  })

  it('versions of one work share a title and differ in versionDate', () => {
    const a = load('legislation-law-2015.md')
    const b = load('legislation-law-2023.md')
    expect(a.title).toBe(b.title)
    expect([a.versionDate, b.versionDate]).toEqual(['2015-03-15', '2023-03-13'])
  })

  it('flags both Shanghai decision-procedure files as partial and no other file', () => {
    const partial = corpusFiles.filter(f => load(f).partial !== null)
    expect(partial).toEqual([
      'shanghai-major-administrative-decision-procedure-2020.md',
      'shanghai-major-administrative-decision-procedure-interim-2016.md',
    ])
    for (const f of partial)
      expect(load(f).partial).toMatch(/Do not invent/)
  })

  it('reads captions in half-width brackets and keeps the body verbatim', () => {
    const law = load('shanghai-major-administrative-decision-procedure-interim-2016.md')
    expect(law.articles.every(a => a.caption !== null)).toBe(true)
    expect(law.articles[0]!.caption).toBe('目的和依据')
    expect(law.articles[0]!.paragraphs[0]!.startsWith('(')).toBe(false)
    // 项 lines stay separate entries of 第三条.
    expect(law.articles[2]!.paragraphs.filter(p => p.startsWith('(')).length).toBeGreaterThan(1)
    expect(load('shanghai-major-administrative-decision-procedure-2020.md').articles[0]!.path).toEqual(['c1'])
  })

  it('has no captions in national laws and a preamble only in 宪法 and the 司法解释 recital', () => {
    const withPreamble = corpusFiles.filter(f => load(f).preamble.length > 0)
    expect(withPreamble).toEqual(['constitution.md', 'spc-mediation-agreement-judicial-confirmation-2011.md'])
    expect(load('legislation-law-2023.md').articles.every(a => a.caption === null)).toBe(true)
  })

  it('does not take a paragraph starting with 第三人 for an article', () => {
    const law = load('administrative-reconsideration-law-2023.md')
    expect(law.articles.some(a => a.paragraphs.some(p => p.startsWith('第三人')))).toBe(true)
  })

  it('keeps articles with no chapters at the top level', () => {
    const law = load('people-mediation-committee-regulation-1989.md')
    expect(law.divisions).toEqual([])
    expect(law.articles.every(a => a.path.length === 0)).toBe(true)
    expect(law.events.at(-1)!.actions).toEqual(['发布'])
    expect(law.promulgatedOn).toBe('1989-06-17')
  })

  it('does not pass off an earlier 公布 as this version\'s', () => {
    const law = load('government-information-disclosure-regulation-2019.md')
    expect(law.versionDate).toBe('2019-04-03')
    expect(law.promulgatedOn).toBeNull()
    expect(law.effectiveFrom).toBe('2019-05-15')
  })
})

describe('article headings', () => {
  it.each([
    ['第一条 甲乙。', '第一条', null, '甲乙。'],
    ['第一条\u3000甲乙。', '第一条', null, '甲乙。'],
    ['第一条(目的) 甲乙。', '第一条', '目的', '甲乙。'],
    ['第一条（目的）甲乙。', '第一条', '目的', '甲乙。'],
    ['第十条之一 甲乙。', '第十条之一', null, '甲乙。'],
  ])('%s is a heading', (line, number, caption, rest) => {
    expect(matchArticleHeading(line)).toEqual({ number, caption, rest })
  })

  it.each([
    '第二十五条规定的甲乙。',
    '第三十条第一款甲乙。',
    '第十条（一）项甲乙。',
    '第三人甲乙。',
    '第十条(甲，乙)丙。',
  ])('%s is body text', (line) => {
    expect(matchArticleHeading(line)).toBeNull()
  })

  it('keeps reference lines inside the current article', () => {
    const law = parseLaw(fake('第一条 甲。\n第一条规定的乙。\n第二条第一款丙。\n第二条 丁。\n'), 'fake.md')
    expect(law.articles.map(a => a.number)).toEqual(['第一条', '第二条'])
    expect(law.articles[0]!.paragraphs).toEqual(['甲。', '第一条规定的乙。', '第二条第一款丙。'])
  })
})

describe('lenient input', () => {
  it('accepts a file without INFO END, trailing full-width spaces, CRLF and a BOM', () => {
    const law = parseLaw('\uFEFF# 测试法\r\n\r\n2020年1月1日 测试机关通过\u3000\r\n2020年1月1日 测试机关公布\r\n## 第一章 甲\r\n第一条 乙。\u3000\r\n', 'fake.md')
    expect(law.events).toHaveLength(2)
    expect(law.events[0]!.text).toBe('2020年1月1日 测试机关通过')
    expect(law.articles[0]!.paragraphs).toEqual(['乙。'])
    expect(law.divisions[0]!.articles).toHaveLength(1)
  })

  it('nests 编 › 章 › 节 with ids', () => {
    const law = parseLaw(fake('# 第一编 甲\n## 第一章 乙\n### 第一节 丙\n第一条 丁。\n# 第二编 戊\n## 第一章 己\n第二条 庚。\n'), 'fake.md')
    expect(law.articles.map(a => a.path)).toEqual([
      ['p1', 'p1-c1', 'p1-c1-s1'],
      ['p2', 'p2-c1'],
    ])
  })

  it('reads Chinese-numeral dates', () => {
    expect(parseLaw(fake('第一条 甲。', '# 测试法\n二〇二〇年十二月三十一日 测试机关通过\n'), 'fake.md').versionDate).toBe('2020-12-31')
  })
})

describe('malformed input', () => {
  it('refuses an empty file', () => {
    expect(parseError('').line).toBe(0)
    expect(parseError(Buffer.alloc(0)).message).toContain('fake.md:0:')
    expect(parseError('  \n\n').reason).toMatch(/empty/)
  })

  it('refuses a file over 5 MiB', () => {
    const big = fake(`第一条 ${'甲'.repeat(Math.ceil(MAX_LAW_FILE_BYTES / 3) + 1)}`)
    const err = parseError(big)
    expect(err.line).toBe(0)
    expect(err.reason).toMatch(/too large/)
  })

  it('refuses a file without a title', () => {
    const err = parseError('2020年1月1日 测试机关通过\n<!-- INFO END -->\n第一条 甲。\n')
    expect(err.line).toBe(1)
    expect(err.reason).toMatch(/title/)
  })

  it('refuses duplicate article numbers', () => {
    const err = parseError(fake('第一条 甲。\n第一条 乙。'))
    expect(err.line).toBe(6)
    expect(err.message).toMatch(/^fake\.md:6: 重复的条号 \(duplicate article number\): 第一条/)
  })

  it('refuses article numbers going backwards', () => {
    const err = parseError(fake('第十二条 甲。\n第十条 乙。'))
    expect(err.message).toBe('fake.md:6: 条号倒退 (article number goes backwards): 第十条 after 第十二条')
    expect(err.file).toBe('fake.md')
  })

  it('refuses invalid UTF-8 and names the line of the first bad byte', () => {
    const good = Buffer.from(fake('第一条 甲。\n第二条 乙'), 'utf8')
    const bad = Buffer.concat([
      good,
      Buffer.from([0xFF, 0x0A]),
    ])
    const err = parseError(bad)
    expect(err.line).toBe(6)
    expect(err.reason).toMatch(/UTF-8/)
    // A multi-byte character cut off by the end of the file.
    expect(parseError(Buffer.concat([
      good,
      Buffer.from([0xE7, 0x94]),
    ])).line).toBe(6)
  })

  it('refuses a file with neither articles nor preamble', () => {
    expect(parseError(fake('## 第一章 甲\n')).reason).toMatch(/no articles/)
  })

  it('refuses a file without any dated line', () => {
    expect(parseError('# 测试法\n第一条 甲。\n').reason).toMatch(/dated/)
  })

  it('refuses an impossible date', () => {
    expect(parseError(fake('第一条 甲。', '# 测试法\n2020年2月30日 测试机关通过\n')).line).toBe(2)
  })

  it('refuses a heading that is prose and repeated chapter numbers', () => {
    // An unnumbered heading (## 附则) is a division now; one holding a sentence is not a heading.
    expect(parseError(fake('## 甲乙。丙丁。\n第一条 丙。')).reason).toMatch(/unrecognised heading/)
    expect(parseError(fake('## 第一章 甲\n第一条 乙。\n## 第一章 丙\n第二条 丁。')).reason).toMatch(/duplicate division/)
  })

  it('refuses text inside a division before its first article', () => {
    expect(parseError(fake('## 第一章 甲\n乙。\n第一条 丙。')).line).toBe(6)
  })
})

describe('layouts of real files (made-up text)', () => {
  it('does not take a bracket opening the text for a caption, and reads （删去） as a deleted article', () => {
    const law = parseLaw(fake('第一条 （甲）乙丙负责。\n第二条 （删去）\n第三条 （丁戊） 己。\n'), 'fake.md')
    expect(law.articles.map(a => [a.caption, a.deleted, a.text])).toEqual([
      [null, false, '（甲）乙丙负责。'],
      [null, true, '（删去）'],
      ['丁戊', false, '己。'],
    ])
  })

  it('reports every problem of a file at once, in line order', () => {
    const err = parseError(fake('第二条 甲。\n第一条 乙。\n## 第一章 丙\n丁。\n第三条 戊。\n第三条 己。\n'))
    expect(err.problems.map(p => p.line)).toEqual([6, 8, 10])
    expect(err.problems.map(p => p.message.slice(0, 4))).toEqual(['条号倒退', '条文之外', '重复的条'])
    expect(err.message.split('\n')).toHaveLength(3)
  })

  it('keeps warnings apart from errors', () => {
    const law = parseLaw('# 测试法\n<!-- INFO END -->\n## 目录\n## 第一章 甲\n## 第二章 乙\n## 第一章 甲\n第一条 丙。\n##\n## 第二章 乙\n第二条 丁。\n', 'fake(2020-02-03).md')
    expect(law.versionDate).toBe('2020-02-03')
    expect(law.divisions.map(d => d.number)).toEqual(['第一章', '第二章'])
    expect(law.warnings.map(w => w.message.slice(0, 5))).toEqual(['正文没有日', '已跳过目录', '空标题，已'])
  })

  it('reads unnumbered headings, 分编 and 一、 headings', () => {
    const law = parseLaw(fake('# 第一编 甲\n## 第一分编 乙\n### 第一章 丙\n第一条 丁。\n## 附则\n第二条 戊。\n'), 'fake.md')
    expect(allDivisions(law.divisions).map(d => [d.id, d.kind, d.number, d.title])).toEqual([
      ['p1', 'PART', '第一编', '甲'],
      ['p1-b1', 'SUBPART', '第一分编', '乙'],
      ['p1-b1-c1', 'CHAPTER', '第一章', '丙'],
      ['p1-bx2', 'SUBPART', '', '附则'],
    ])
  })

  it('numbers documents without 第…条 by their items: 一、, 1. or the whole text', () => {
    expect(parseLaw(fake('前言。\n一、甲。\n乙。\n二、丙。\n'), 'fake.md').articles.map(a => [a.number, a.text])).toEqual([['一、', '甲。\n乙。'], ['二、', '丙。']])
    expect(parseLaw(fake('1.甲。\n2.乙。\n'), 'fake.md').articles.map(a => a.number)).toEqual(['1.', '2.'])
    const whole = parseLaw(fake('甲乙丙。\n丁戊。\n'), 'fake.md')
    expect(whole.articles.map(a => [a.number, a.text])).toEqual([['全文', '甲乙丙。\n丁戊。']])
    expect(whole.preamble).toEqual([])
  })

  it('reads the part line of a work published in several files', () => {
    const law = parseLaw('# 测试法典\n\n# 甲编\n\n2020年1月1日 测试机关通过\n<!-- INFO END -->\n## 第一章 乙\n第一条 丙。\n', 'fake.md')
    expect(law.title).toBe('测试法典')
    expect(law.partTitle).toBe('甲编')
    expect(law.divisions[0]!.id).toBe('c1')
  })
})
