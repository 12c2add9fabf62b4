import { describe, expect, it } from 'vitest'
import { articleOrdinal, articleSlug, parseArticleNumber, parseChineseNumber } from './chineseNumber'

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十五', 25],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百十', 110],
    ['一百四十三', 143],
    ['两千', 2000],
    ['一千二百六十', 1260],
    ['一千零一十', 1010],
    ['三万零一', 30001],
    ['〇', 0],
    ['零', 0],
    ['二〇一九', 2019],
    ['一九八二', 1982],
    ['25', 25],
    ['２５', 25],
  ])('%s → %i', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected)
  })

  it.each(['', '甲', '十百', '百', '一百零', '二十五条'])('refuses %j', (input) => {
    expect(() => parseChineseNumber(input)).toThrow(RangeError)
  })
})

describe('article numbers', () => {
  it('splits base and 之 suffix', () => {
    expect(parseArticleNumber('第十条之一')).toEqual({ base: 10, sub: 1 })
    expect(parseArticleNumber('第二十五条')).toEqual({ base: 25, sub: 0 })
  })

  it('gives sortable ordinals with inserted articles between their neighbours', () => {
    expect(articleOrdinal('第十条')).toBe(10)
    expect(articleOrdinal('第十条之一')).toBe(10.01)
    expect(articleOrdinal('第十条之二')).toBe(10.02)
    const sorted = ['第十一条', '第十条之二', '第十条', '第十条之一'].sort((a, b) => articleOrdinal(a) - articleOrdinal(b))
    expect(sorted).toEqual(['第十条', '第十条之一', '第十条之二', '第十一条'])
  })

  it('builds slugs', () => {
    expect(articleSlug('第二十五条')).toBe('25')
    expect(articleSlug('第十条之一')).toBe('10-1')
    expect(articleSlug('第一百零五条')).toBe('105')
  })

  it.each([
    '二十五条',
    '第二十五',
    '第零条',
    '第二十五条规定',
    '第十条之一百',
  ])('refuses %j', (input) => {
    expect(() => articleSlug(input)).toThrow(RangeError)
  })
})
