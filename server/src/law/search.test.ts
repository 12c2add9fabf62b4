import { describe, expect, it } from 'vitest'
import { escapeLucene, fulltextPhraseQuery, fulltextQuery, highlightSnippet, queryTerms } from './search'

describe('search queries', () => {
  it('escapes every Lucene special character', () => {
    expect(escapeLucene('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t')
  })

  it('turns hostile input into a literal query', () => {
    expect(fulltextQuery('"}) DETACH DELETE n //')).toBe('"DETACH DELETE n"^4 OR (DETACH DELETE n)')
    expect(fulltextQuery('a AND b OR NOT c')).toBe('"a and b or not c"^4 OR (a and b or not c)')
    expect(fulltextQuery('  "}) // ')).toBeNull()
    expect(fulltextPhraseQuery('重大 决策"')).toBe('+"重大" +"决策\\""')
  })

  it('takes a lone operator or an unclosed bracket as words (decisionBasisArticles, issue 16 item 7)', () => {
    expect(fulltextQuery('AND')).toBe('"and"^4 OR (and)')
    expect(fulltextQuery('合法性审查 AND (')).toBe('"合法性审查 and"^4 OR (合法性审查 and)')
    expect(fulltextQuery('OR NOT')).toBe('"or not"^4 OR (or not)')
  })

  it('highlights the units the cjk analyzer indexes', () => {
    expect(queryTerms('合法性审查 AI')).toEqual(['合法', '法性', '性审', '审查', 'ai'])
    expect(queryTerms('法')).toEqual(['法'])
  })
})

describe('highlightSnippet', () => {
  it('wraps matches in <mark> after escaping the text', () => {
    expect(highlightSnippet('甲<b>乙</b>合法性审查&丙', '合法性审查')).toBe('甲&lt;b&gt;乙&lt;/b&gt;<mark>合法性审查</mark>&amp;丙')
  })

  it('never lets markup from the text or the query through', () => {
    const out = highlightSnippet('<script>x</script>测试', '<script>')
    expect(out).not.toContain('<script>')
    expect(out).toContain('&lt;<mark>script</mark>&gt;')
  })

  it('cuts a window around the first match', () => {
    const text = `${'甲'.repeat(100)}目标词${'乙'.repeat(100)}`
    const out = highlightSnippet(text, '目标词', 40)
    expect(out.startsWith('…')).toBe(true)
    expect(out.endsWith('…')).toBe(true)
    expect(out).toContain('<mark>目标词</mark>')
    expect(out.replace(/<\/?mark>|…/g, '')).toHaveLength(40)
  })
})
