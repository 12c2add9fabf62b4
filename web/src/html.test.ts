import { describe, expect, it } from 'vitest'
import { escapeHtml, markOnly } from './html'

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">& \'x\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp; &#39;x&#39;')
    expect(escapeHtml('重大行政决策')).toBe('重大行政决策')
  })
})

describe('markOnly', () => {
  it('keeps <mark> and escapes every other tag', () => {
    expect(markOnly('a <mark>合法性审查</mark> b')).toBe('a <mark>合法性审查</mark> b')
    expect(markOnly('<img src=x onerror=alert(1)><mark>x</mark><script>')).toBe('&lt;img src=x onerror=alert(1)><mark>x</mark>&lt;script>')
  })
})
