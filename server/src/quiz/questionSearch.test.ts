import { describe, expect, it } from 'vitest'
import { escapePhrase, questionTextQuery } from './questionSearch'

describe('questionTextQuery', () => {
  it('ands the words, each as a phrase', () => {
    expect(questionTextQuery('合法性审查  集体讨论')).toEqual({ lucene: '"合法性审查" AND "集体讨论"', contains: null })
  })
  it('keeps Lucene syntax from escaping the phrase', () => {
    const { lucene } = questionTextQuery('a"b\\ OR *:* "}) DETACH DELETE n //')
    expect(lucene).toBe('"a\\"b\\\\" AND "OR" AND "DETACH" AND "DELETE"')
  })
  it('matches a single character as a substring', () => {
    expect(questionTextQuery('法')).toEqual({ lucene: null, contains: '法' })
  })
  it('returns nothing for input without letters or digits', () => {
    expect(questionTextQuery('  ** ')).toEqual({ lucene: null, contains: null })
  })
  it('escapes backslash and quote', () => {
    expect(escapePhrase('a\\"')).toBe('a\\\\\\"')
  })
})
