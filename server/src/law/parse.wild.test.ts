import type { ParsedDivision, ParsedLaw } from './parse'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lawIdFromTitle } from './lawIds'
import { LawParseError, parseLaw } from './parse'

// Real files as users have them (LawRefBook/Laws), kept outside the project: ../shared/laws-wild.
// Each is parsed under its original file name (the README maps them), because LawRefBook puts the
// version date of undated texts in the name.
const wildDir = process.env.LAW_WILD_DIR ?? path.resolve(process.cwd(), '../shared/laws-wild')
const present = existsSync(wildDir)

function originalNames(): Map<string, string> {
  const readme = readFileSync(path.join(wildDir, 'README.md'), 'utf8')
  const names = new Map<string, string>()
  for (const m of readme.matchAll(/^\| (wild-\d+\.md) \| `([^`]+)` \|/gm))
    names.set(m[1]!, path.basename(m[2]!))
  return names
}

function parseWild(file: string): ParsedLaw {
  return parseLaw(readFileSync(path.join(wildDir, file)), originalNames().get(file) ?? file)
}

function allDivisions(list: ParsedDivision[]): ParsedDivision[] {
  return list.flatMap(d => [d, ...allDivisions(d.children)])
}

/**
 * Counted by hand from the files (grep for `^第…条`, `^一、`, headings, read by eye): articles or
 * items, the version date (the latest 通过/公布/修正/修订 line, else the date in the original file
 * name), and the divisions of the body (a table of contents at the top is not counted; unnumbered
 * section lines such as 业主 / 业主大会 in wild-13 and 规划建设 in wild-16 are).
 */
const ACCEPTED: [file: string, unit: 'ARTICLE' | 'ITEM', units: number, versionDate: string, divisions: number][] = [
  ['wild-01.md', 'ARTICLE', 50, '2012-04-19', 6], // no dated line: date from the name
  ['wild-02.md', 'ARTICLE', 69, '2020-10-27', 9], // ## 第五章“上海文化”品牌建设
  ['wild-03.md', 'ARTICLE', 16, '2012-11-21', 0], // no dated line, no chapters
  ['wild-04.md', 'ARTICLE', 56, '2018-11-22', 8],
  ['wild-05.md', 'ARTICLE', 56, '2024-12-31', 8],
  ['wild-06.md', 'ARTICLE', 34, '2022-05-25', 5], // 5 contents headings skipped, the wrapped title repeat dropped
  ['wild-07.md', 'ARTICLE', 58, '2022-11-25', 9], // 9 contents headings skipped
  ['wild-08.md', 'ARTICLE', 72, '2020-09-25', 7],
  ['wild-09.md', 'ARTICLE', 49, '2021-11-26', 6],
  ['wild-10.md', 'ARTICLE', 56, '2022-01-10', 8],
  ['wild-11.md', 'ARTICLE', 32, '2017-05-19', 6], // wrapped event lines and a wrapped 第五章 title
  ['wild-13.md', 'ARTICLE', 86, '2021-07-30', 14], // 8 章 + 6 unnumbered sections (业主 … 物业服务收费)
  ['wild-14.md', 'ARTICLE', 45, '2021-05-26', 7],
  ['wild-16.md', 'ARTICLE', 31, '2018-10-31', 3], // 规划建设, 运行管理 (unnumbered), 第四章
  ['wild-17.md', 'ITEM', 4, '2005-07-30', 0], // 一、…四、
  ['wild-18.md', 'ARTICLE', 47, '2010-07-30', 8], // article before 第一章; wrapped 第二章 title
  ['wild-19.md', 'ARTICLE', 36, '2020-11-27', 5], // ## 第五章附则
  ['wild-20.md', 'ARTICLE', 37, '2022-06-10', 6], // one-line table of contents skipped
  ['wild-24.md', 'ARTICLE', 44, '2016-05-27', 7],
  ['wild-25.md', 'ARTICLE', 44, '2019-05-31', 8], // contents skipped; 总 则/规划管理/建设管理 lost their numbers in the body
  ['wild-26.md', 'ITEM', 8, '2018-10-19', 0],
  ['wild-27.md', 'ITEM', 4, '2001-09-18', 0],
  ['wild-28.md', 'ARTICLE', 19, '2017-02-22', 0], // no dated line
  ['wild-29.md', 'ARTICLE', 106, '2002-07-30', 14], // ## 一、关于企业破产案件管辖 …
  ['wild-30.md', 'ARTICLE', 14, '2021-03-24', 0], // no dated line
  ['wild-31.md', 'ARTICLE', 26, '2020-12-23', 0],
  ['wild-33.md', 'ARTICLE', 110, '2004-08-28', 13], // 7 章 + 6 节
]

/** Refused for a defect in the file itself, with every problem's line. */
const REFUSED: [file: string, problems: [line: number, text: RegExp][]][] = [
  ['wild-12.md', [[273, /^重复的章号.*第七章/]]], // 第七章 法律责任 and 第七章 附则
  ['wild-15.md', [[0, /^没有条文或条目/]]], // title and date only: the text is missing
  ['wild-21.md', [[0, /^没有条文或条目/]]],
  ['wild-22.md', [[0, /^没有条文或条目/]]],
  ['wild-23.md', [[0, /^没有条文或条目/]]],
  ['wild-32.md', [[0, /^缺少日期行/], [0, /^没有条文或条目/]]], // a case report (案例), not a law text
]

describe.skipIf(!present)('real-world files (../shared/laws-wild)', () => {
  it('covers every file of the sample', () => {
    const files = readdirSync(wildDir).filter(f => /^wild-\d+\.md$/.test(f)).sort()
    expect([...ACCEPTED.map(a => a[0]), ...REFUSED.map(r => r[0])].sort()).toEqual(files)
  })

  it.each(ACCEPTED)('%s: %s × %i, version %s, %i divisions', (file, unit, units, versionDate, divisions) => {
    const law = parseWild(file)
    expect(law.unit).toBe(unit)
    expect(law.articles).toHaveLength(units)
    expect(law.versionDate).toBe(versionDate)
    expect(allDivisions(law.divisions)).toHaveLength(divisions)
    expect(law.articles.every(a => a.text !== '' || a.deleted)).toBe(true)
  })

  it.each(REFUSED)('%s is refused with all its problems, in Chinese', (file, problems) => {
    let error: unknown
    try {
      parseWild(file)
    }
    catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(LawParseError)
    const found = (error as LawParseError).problems
    expect(found.map(p => p.line)).toEqual(problems.map(p => p[0]))
    found.forEach((p, i) => expect(p.message).toMatch(problems[i]![1]))
    expect(found.every(p => /^[\u4E00-\u9FA5]/.test(p.message))).toBe(true)
  })

  it('reads wrapped event lines whole and dates the version by the last one', () => {
    const law = parseWild('wild-11.md')
    expect(law.events).toHaveLength(3)
    expect(law.events[1]!.text).toMatch(/办理工作条例〉的决定》第一次修正$/)
    expect(law.events.map(e => e.date)).toEqual(['2001-12-07', '2005-11-25', '2017-05-19'])
  })

  it('joins a chapter title wrapped onto the next line', () => {
    expect(allDivisions(parseWild('wild-11.md').divisions)[4]!.title).toBe('代表建议、批评和意见办理工作的监督检查')
    expect(allDivisions(parseWild('wild-18.md').divisions)[1]!.title).toBe('工作报告的审议，国民经济计划和财政预决算的审查')
  })

  it('reads headings without a space and without a 第…章 number', () => {
    expect(allDivisions(parseWild('wild-02.md').divisions)[4]).toMatchObject({ number: '第五章', title: '“上海文化”品牌建设', kind: 'CHAPTER' })
    expect(allDivisions(parseWild('wild-19.md').divisions)[4]).toMatchObject({ number: '第五章', title: '附则' })
    expect(parseWild('wild-29.md').divisions[0]).toMatchObject({ number: '一、', title: '关于企业破产案件管辖', kind: 'CHAPTER' })
    const sections = allDivisions(parseWild('wild-13.md').divisions).filter(d => d.number === '')
    expect(sections.map(d => d.title)).toEqual(['业主', '业主大会', '业主委员会', '物业管理委员会', '物业服务人与物业服务合同', '物业服务收费'])
    expect(sections.every(d => d.kind === 'SECTION')).toBe(true)
  })

  it('skips a table of contents and says so', () => {
    const law = parseWild('wild-07.md')
    expect(law.divisions.map(d => d.number)).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章'])
    expect(law.warnings.some(w => w.message.startsWith('已跳过目录'))).toBe(true)
    expect(law.preamble).toEqual([])
    // The wrapped title above the contents repeats the title: not a 序言.
    expect(parseWild('wild-06.md').preamble).toEqual([])
  })

  it('takes the date from the file name only when the text has none, with a warning', () => {
    const law = parseWild('wild-03.md')
    expect(law.events).toEqual([])
    expect(law.warnings[0]!.message).toMatch(/^正文没有日期行，版本日期取自文件名.*2012-11-21/)
    expect(() => parseLaw(readFileSync(path.join(wildDir, 'wild-03.md')), 'wild-03.md')).toThrow(/缺少日期行/)
  })

  it('stores 一、二、 items as the units of an amendment', () => {
    const law = parseWild('wild-26.md')
    expect(law.articles.map(a => a.number)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、'])
    expect(law.articles.map(a => a.slug)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8'])
    expect(law.articles[0]!.text).toMatch(/^将《解释》原第六条修改为/)
  })

  it('makes the two Shanghai 社会救助条例 files one law with two versions', () => {
    const [older, newer] = [parseWild('wild-04.md'), parseWild('wild-05.md')]
    expect(older.title).toBe(newer.title)
    expect(lawIdFromTitle(older.title)).toBe(lawIdFromTitle(newer.title))
    expect([older.versionDate, newer.versionDate]).toEqual(['2018-11-22', '2024-12-31'])
  })
})
