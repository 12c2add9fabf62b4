import { describe, expect, it } from 'vitest'
import { planCorpusVersion, plannedLaw, planSummaryVersion, replacementPairs } from './importPlan'
import { parseLaw } from './parse'

// Made-up texts only; never statute wording.
const FAKE = `# 测试条例

2020年1月1日 测试机关通过
2020年2月1日 施行
<!-- INFO END -->
## 第一章 总则
第一条 为了测试导入，制定本条例。
第二条(范围) 本条例适用于测试。
## 第二章 细则
### 第一节 一般规定
第三条 测试数据应当可以重复导入。
`

describe('planCorpusVersion', () => {
  const law = plannedLaw('test-law', '测试条例', null)
  const plan = planCorpusVersion(parseLaw(FAKE, 'test-law-2020.md'), law, { fileName: 'test-law-2020.md', contentHash: 'h' })

  it('uses what the text tells when the manifest has no entry', () => {
    expect(law).toMatchObject({ id: 'test-law', title: '测试条例', level: 'UNKNOWN', status: 'UNKNOWN', issuer: null })
  })

  it('plans the version, divisions parent-first and articles with their division', () => {
    expect(plan.version).toMatchObject({ id: 'test-law@2020-01-01', source: 'CORPUS', textComplete: true, partialNote: null, effectiveFrom: '2020-02-01' })
    expect(plan.divisions.map(d => [d.id, d.parentId])).toEqual([
      ['test-law@2020-01-01/c1', null],
      ['test-law@2020-01-01/c2', null],
      ['test-law@2020-01-01/c2-s1', 'test-law@2020-01-01/c2'],
    ])
    expect(plan.articles.map(a => [a.number, a.caption, a.divisionId])).toEqual([
      ['第一条', null, 'test-law@2020-01-01/c1'],
      ['第二条', '范围', 'test-law@2020-01-01/c1'],
      ['第三条', null, 'test-law@2020-01-01/c2-s1'],
    ])
    expect(plan.articles.every(a => a.textSource === 'OFFICIAL' && a.summary === null)).toBe(true)
  })

  it('records a partial text', () => {
    const partial = planCorpusVersion(parseLaw(`${FAKE}<!-- PARTIAL TEXT: 仅有前三条 -->\n`, 'p.md'), law, { fileName: 'p.md', contentHash: 'h' })
    expect(partial.version).toMatchObject({ textComplete: false, partialNote: '仅有前三条' })
  })
})

describe('planSummaryVersion', () => {
  it('builds chapters, sections and summary-only articles', () => {
    const plan = planSummaryVersion(plannedLaw('s', '测试', null), {
      lawId: 's',
      versionDate: '2021-05-05',
      divisions: [{ kind: 'CHAPTER', number: '第二章', title: '细则', sections: [{ kind: 'SECTION', number: '第一节', title: '一般', articles: ['第三条'] }], articles: ['第二条'] }],
      articles: [{ number: '第三条', summary: '要点三' }, { number: '第二条', summary: '要点二' }, { number: '第九条', summary: '要点九' }],
    })
    expect(plan.version).toMatchObject({ id: 's@2021-05-05', source: 'SUMMARY', textComplete: false })
    expect(plan.divisions.map(d => d.id)).toEqual(['s@2021-05-05/c2', 's@2021-05-05/c2-s1'])
    expect(plan.articles.map(a => [a.id, a.divisionId, a.text, a.textSource, a.summary])).toEqual([
      ['s/2~summary', 's@2021-05-05/c2', null, 'SUMMARY', '要点二'],
      ['s/3~summary', 's@2021-05-05/c2-s1', null, 'SUMMARY', '要点三'],
      ['s/9~summary', null, null, 'SUMMARY', '要点九'],
    ])
  })
})

describe('replacementPairs', () => {
  it('links changed same-number articles of consecutive versions, whatever the input order', () => {
    const v1 = { versionDate: '2015-01-01', articles: [{ id: 'a1', slug: '1' }, { id: 'b1', slug: '2' }, { id: 'c1', slug: '3' }] }
    const v2 = { versionDate: '2023-01-01', articles: [{ id: 'a1', slug: '1' }, { id: 'b2', slug: '2' }, { id: 'd2', slug: '4' }] }
    expect(replacementPairs([v2, v1])).toEqual([{ from: 'b2', to: 'b1' }])
    expect(replacementPairs([v1, v2])).toEqual([{ from: 'b2', to: 'b1' }])
  })
})
