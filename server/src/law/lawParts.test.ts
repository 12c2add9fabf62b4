import type { ParsedDivision } from './parse'
import { describe, expect, it } from 'vitest'
import { combineParts } from './lawParts'
import { LawParseError, parseLaw } from './parse'

/** A made-up work in two files, as the 民法典 comes in 编 files. */
function part(title: string, body: string): ReturnType<typeof parseLaw> {
  return parseLaw(`# 测试法典\n\n# ${title}\n\n2020年5月28日 测试机关通过\n<!-- INFO END -->\n${body}`, `${title}.md`)
}

const first = part('甲编', '## 第一章 子\n第一条 甲。\n第二条 乙。\n')
const second = part('乙编', '## 第一章 丑\n第三条 丙。\n## 第二章 寅\n第四条 丁。\n')

function ids(list: ParsedDivision[]): string[] {
  return list.flatMap(d => [d.id, ...ids(d.children)])
}

describe('works in several files', () => {
  it('builds one version with every part, in article order, whatever the file order', () => {
    const a = combineParts([first, second], 'x.md')
    const b = combineParts([second, first], 'x.md')
    expect(b).toEqual(a)
    expect(a.divisions.map(d => [d.id, d.kind, d.title])).toEqual([['p1', 'PART', '甲编'], ['p2', 'PART', '乙编']])
    expect(ids(a.divisions)).toEqual(['p1', 'p1-c1', 'p2', 'p2-c1', 'p2-c2'])
    expect(a.articles.map(x => [x.number, x.path])).toEqual([
      ['第一条', ['p1', 'p1-c1']],
      ['第二条', ['p1', 'p1-c1']],
      ['第三条', ['p2', 'p2-c1']],
      ['第四条', ['p2', 'p2-c2']],
    ])
    expect(a.partTitle).toBeNull()
    expect(a.events).toHaveLength(1)
  })

  it('refuses parts that claim the same article', () => {
    expect(() => combineParts([first, part('丙编', '第二条 戊。\n')], 'x.md')).toThrow(LawParseError)
  })
})
