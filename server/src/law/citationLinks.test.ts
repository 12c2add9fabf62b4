import { describe, expect, it } from 'vitest'
import { currentArticleKey, lawTitleKeys, resolveCitations } from './citationLinks'

// Made-up sentences only.
const library = {
  lawIdByTitle: new Map([['测试法', 'test-law'], ['样例条例', 'sample']]),
  currentArticle: new Map([[currentArticleKey('sample', '第三条'), 'sample/3~cur']]),
}
const sameVersion = new Map([['第一条', 'test-law/1~a'], ['第二条', 'test-law/2~b']])

describe('resolveCitations', () => {
  it('resolves 本法 references in the same version, titled ones in the current version, and titles alone to the law', () => {
    const r = resolveCitations({ id: 'test-law/2~b', lawId: 'test-law', sameVersion, text: '依照本法第一条和《样例条例》第三条，参照《中华人民共和国样例条例》办理。' }, library)
    expect(r.articles).toEqual(['test-law/1~a', 'sample/3~cur'])
    expect(r.laws).toEqual(['sample'])
    expect(r.unresolved).toEqual([])
  })

  it('keeps what does not resolve as written, and never cites itself', () => {
    const r = resolveCitations({ id: 'test-law/2~b', lawId: 'test-law', sameVersion, text: '本法第二条、第九条以及《不存在法》第一条、《样例条例》第八条。' }, library)
    expect(r.articles).toEqual([])
    expect(r.unresolved).toEqual(['第九条', '《不存在法》第一条', '《样例条例》第八条'])
  })

  it('gives no citations for an article known only by its summary', () => {
    expect(resolveCitations({ id: 'x', lawId: 'x', sameVersion: new Map(), text: null }, library)).toEqual({ articleId: 'x', articles: [], laws: [], unresolved: [] })
  })

  it('answers to title and short title', () => {
    expect(lawTitleKeys({ title: '中华人民共和国测试法', shortTitle: '测试法' })).toEqual(['测试法'])
  })
})
