import { describe, expect, it } from 'vitest'
import { articleNodeId, chooseLawId, contentHash, lawIdFromTitle, lawVersionId, summaryArticleId } from './lawIds'

describe('law ids', () => {
  it('derives a law id from the normalised title, never from the file name', () => {
    const id = lawIdFromTitle('上海市社会救助条例')
    expect(id).toMatch(/^law-[0-9a-f]{12}$/)
    expect(lawIdFromTitle(' 上海市社会救助条例\u3000')).toBe(id)
    expect(lawIdFromTitle('《上海市社会救助条例》')).toBe(id)
    expect(lawIdFromTitle('中华人民共和国票据法')).toBe(lawIdFromTitle('票据法'))
    expect(lawIdFromTitle('最高人民法院关于审理独立保函纠纷案件若干问题的规定（试行）')).toBe(lawIdFromTitle('最高人民法院关于审理独立保函纠纷案件若干问题的规定(试行)'))
    expect(lawIdFromTitle('上海市社会救助办法')).not.toBe(id)
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

  it('takes the manifest id, else the id of the law with the same title, else the title id', () => {
    const base = { manifestId: null, idWithSameTitle: null, title: '测试条例' }
    expect(chooseLawId({ ...base, manifestId: 'm' })).toBe('m')
    expect(chooseLawId({ ...base, idWithSameTitle: 'old' })).toBe('old')
    expect(chooseLawId(base)).toBe(lawIdFromTitle('测试条例'))
  })
})
