import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractCitations, normaliseLawTitle } from './citations'
import { parseLaw } from './parse'

const corpusDir = process.env.LAW_CORPUS_DIR ?? path.resolve(process.cwd(), '../shared/laws')

function cite(raw: string, lawTitle: string | null, selfLaw: boolean, articleNumber: string | null, paragraph: number | null = null) {
  return {
    raw,
    lawTitle,
    selfLaw,
    articleNumber,
    paragraph,
  }
}

describe('extractCitations', () => {
  it('finds a title-only citation', () => {
    expect(extractCitations('根据《中华人民共和国宪法》，制定本法。')).toEqual([
      cite('《中华人民共和国宪法》', '中华人民共和国宪法', false, null),
    ])
  })

  it('finds self references with and without 款', () => {
    expect(extractCitations('依照本法第二十五条的规定')).toEqual([
      cite('本法第二十五条', null, true, '第二十五条'),
    ])
    expect(extractCitations('适用本条例第十五条第一款规定')).toEqual([
      cite('本条例第十五条第一款', null, true, '第十五条', 1),
    ])
    expect(extractCitations('本规定第三条和本办法第四条')).toEqual([
      cite('本规定第三条', null, true, '第三条'),
      cite('本办法第四条', null, true, '第四条'),
    ])
  })

  it('finds an article of a named law', () => {
    expect(extractCitations('属于《中华人民共和国行政诉讼法》第十二条规定的')).toEqual([
      cite('《中华人民共和国行政诉讼法》第十二条', '中华人民共和国行政诉讼法', false, '第十二条'),
    ])
  })

  it('splits lists into one citation each and keeps the law', () => {
    expect(extractCitations('依照本法第十六条、第十七条的规定')).toEqual([
      cite('本法第十六条', null, true, '第十六条'),
      cite('第十七条', null, true, '第十七条'),
    ])
    expect(extractCitations('《测试法》第一条、第二条和第三条第二款')).toEqual([
      cite('《测试法》第一条', '测试法', false, '第一条'),
      cite('第二条', '测试法', false, '第二条'),
      cite('第三条第二款', '测试法', false, '第三条', 2),
    ])
    expect(extractCitations('本法第五条第一款、第二款')).toEqual([
      cite('本法第五条第一款', null, true, '第五条', 1),
      cite('第二款', null, true, '第五条', 2),
    ])
    expect(extractCitations('第五十六条或者第五十七条规定的情形')).toHaveLength(2)
  })

  it('consumes 项 ranges without inventing citations', () => {
    expect(extractCitations('本法第九条第一款第三项至第六项规定的')).toEqual([
      cite('本法第九条第一款第三项', null, true, '第九条', 1),
    ])
  })

  it('reports bare references without a law', () => {
    expect(extractCitations('第三十条第一款规定的甲')).toEqual([
      cite('第三十条第一款', null, false, '第三十条', 1),
    ])
    expect(extractCitations('宪法第八十九条规定的')).toEqual([
      cite('宪法第八十九条', '宪法', false, '第八十九条'),
    ])
  })

  it('does not report the article\'s own heading', () => {
    expect(extractCitations('第七条 甲依照本法第二条。')).toEqual([
      cite('本法第二条', null, true, '第二条'),
    ])
    expect(extractCitations('第七条(甲) 乙。\n  第八条　丙。')).toEqual([])
    expect(extractCitations('第二十五条规定的甲')).toHaveLength(1)
  })

  it('keeps nested brackets inside the title', () => {
    expect(extractCitations('《关于修改〈测试法〉的决定》')[0]!.lawTitle).toBe('关于修改〈测试法〉的决定')
    expect(extractCitations('《关于修改<测试法>的决定》')[0]!.lawTitle).toBe('关于修改<测试法>的决定')
  })

  it('ignores things that only look like references', () => {
    expect(extractCitations('第三人、第五次会议、第三章第五节、国家的根本法第一')).toEqual([])
    expect(extractCitations('基本法第十八条')).toEqual([
      cite('第十八条', null, false, '第十八条'),
    ])
    expect(extractCitations('未闭合《测试法\n第一条')).toEqual([
      cite('第一条', null, false, '第一条'),
    ])
  })

  it('runs over the whole corpus without reporting any article heading', () => {
    const files = readdirSync(corpusDir).filter(f => f.endsWith('.md') && f !== 'README.md')
    let total = 0
    for (const file of files) {
      const law = parseLaw(readFileSync(path.join(corpusDir, file)), file)
      for (const a of law.articles) {
        // Prefixing the heading must add nothing.
        const found = extractCitations(`${a.number} ${a.text}`)
        expect(found).toEqual(extractCitations(a.text))
        total += found.length
      }
    }
    expect(total).toBeGreaterThan(50)
  })
})

describe('normaliseLawTitle', () => {
  it('drops the country prefix, brackets and whitespace', () => {
    expect(normaliseLawTitle(' 中华人民共和国行政诉讼法 ')).toBe('行政诉讼法')
    expect(normaliseLawTitle('《中华人民共和国宪法》')).toBe('宪法')
    expect(normaliseLawTitle('重大行政决策程序暂行条例')).toBe('重大行政决策程序暂行条例')
  })
})
