import { describe, expect, it } from 'vitest'
import { buildToc } from './toc'

describe('buildToc', () => {
  it('nests divisions by parent and order and places articles by ordinal', () => {
    const toc = buildToc(
      [
        { id: 'c2', parentId: null, kind: 'CHAPTER', number: '第二章', title: '乙', order: 2 },
        { id: 'c2-s1', parentId: 'c2', kind: 'SECTION', number: '第一节', title: '丙', order: 1 },
        { id: 'c1', parentId: null, kind: 'CHAPTER', number: '第一章', title: '甲', order: 1 },
      ],
      [
        { id: 'a3', ordinal: 3, divisionId: 'c2-s1' },
        { id: 'a1', ordinal: 1, divisionId: 'c1' },
        { id: 'a2', ordinal: 2, divisionId: 'c1' },
        { id: 'a9', ordinal: 9, divisionId: null },
        { id: 'a8', ordinal: 8, divisionId: 'gone' },
      ],
    )
    expect(toc.divisions.map(d => d.id)).toEqual(['c1', 'c2'])
    expect(toc.divisions[0]!.articles.map(a => a.id)).toEqual(['a1', 'a2'])
    expect(toc.divisions[1]!.children[0]!.articles.map(a => a.id)).toEqual(['a3'])
    expect(toc.looseArticles.map(a => a.id)).toEqual(['a8', 'a9'])
  })
})
