import { describe, expect, it } from 'vitest'
import { diffText } from './diff'

/** The text before (same + removed) and after (same + added) a diff. */
function sides(segments: ReturnType<typeof diffText>) {
  return {
    before: segments.filter(s => s.kind !== 'added').map(s => s.text).join(''),
    after: segments.filter(s => s.kind !== 'removed').map(s => s.text).join(''),
  }
}

describe('diffText (what changed between two versions of an article)', () => {
  it('marks the words a revision inserted and removed, keeping the rest', () => {
    const before = '决策机关应当组织专家论证。'
    const after = '决策承办单位应当组织专家、专业机构论证。'
    const segments = diffText(before, after)
    expect(sides(segments)).toEqual({ before, after })
    expect(segments.filter(s => s.kind === 'added').map(s => s.text)).toEqual(['承办单位', '、专业机构'])
    expect(segments.filter(s => s.kind === 'removed').map(s => s.text)).toEqual(['机关'])
  })

  it('merges adjacent runs of one kind and returns one run for identical texts', () => {
    expect(diffText('第二十五条', '第二十五条')).toEqual([{ kind: 'same', text: '第二十五条' }])
    expect(diffText('', '新增条文')).toEqual([{ kind: 'added', text: '新增条文' }])
    expect(diffText('废止条文', '')).toEqual([{ kind: 'removed', text: '废止条文' }])
    expect(diffText('', '')).toEqual([])
  })

  it('counts characters outside the BMP as one each (never splits a surrogate pair)', () => {
    const segments = diffText('甲𠀀乙', '甲𠀁乙')
    expect(segments).toEqual([
      { kind: 'same', text: '甲' },
      { kind: 'removed', text: '𠀀' },
      { kind: 'added', text: '𠀁' },
      { kind: 'same', text: '乙' },
    ])
  })

  it('shows texts too long to compare as wholly replaced instead of building a huge table', () => {
    const before = '甲'.repeat(3000)
    const after = '乙'.repeat(3000)
    expect(diffText(before, after)).toEqual([{ kind: 'removed', text: before }, { kind: 'added', text: after }])
  })
})
