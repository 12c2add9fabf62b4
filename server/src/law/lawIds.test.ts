import { describe, expect, it } from 'vitest'
import { articleNodeId, chooseLawId, contentHash, lawSlugFromFileName, lawVersionId, summaryArticleId } from './lawIds'

describe('law ids', () => {
  it('derives a law slug from the file name, dropping the year so versions share it', () => {
    expect(lawSlugFromFileName('legislation-law-2015.md', '立法法')).toBe('legislation-law')
    expect(lawSlugFromFileName('/some/dir/Legislation_Law-2023.md', '立法法')).toBe('legislation-law')
    expect(lawSlugFromFileName('constitution.md', '宪法')).toBe('constitution')
  })

  it('falls back to a title hash when the file name has no latin letters', () => {
    const slug = lawSlugFromFileName('测试条例.md', '测试条例')
    expect(slug).toMatch(/^law-[0-9a-f]{8}$/)
    expect(lawSlugFromFileName('2020.md', '测试条例')).toBe(slug)
  })

  it('keeps an article id while number and text stay the same, and changes it with either', () => {
    const a = articleNodeId('x', '3', null, '甲乙丙')
    expect(a).toMatch(/^x\/3~[0-9a-f]{8}$/)
    expect(articleNodeId('x', '3', null, '甲乙丙')).toBe(a)
    expect(articleNodeId('x', '3', null, '甲乙丁')).not.toBe(a)
    expect(articleNodeId('x', '4', null, '甲乙丙')).not.toBe(a)
    expect(articleNodeId('x', '3', '标题', '甲乙丙')).not.toBe(a)
  })

  it('names versions and summary articles', () => {
    expect(lawVersionId('x', '2020-01-01')).toBe('x@2020-01-01')
    expect(summaryArticleId('x', '10-1')).toBe('x/10-1~summary')
  })

  it('hashes content independently of line endings and BOM', () => {
    expect(contentHash('\uFEFFa\r\nb')).toBe(contentHash('a\nb'))
  })

  it('never merges a file into a law of another title', () => {
    const base = { manifestId: null, idWithSameTitle: null, slug: 'constitution', slugTakenByOtherTitle: false, title: '测试条例' }
    expect(chooseLawId({ ...base, manifestId: 'm' })).toBe('m')
    expect(chooseLawId({ ...base, idWithSameTitle: 'old' })).toBe('old')
    expect(chooseLawId(base)).toBe('constitution')
    expect(chooseLawId({ ...base, slugTakenByOtherTitle: true })).toMatch(/^constitution-[0-9a-f]{8}$/)
  })
})
