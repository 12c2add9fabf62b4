import { describe, expect, it } from 'vitest'
import { hasVisibleText } from './visibleText'

describe('hasVisibleText', () => {
  it('refuses text that shows nothing', () => {
    for (const blank of ['', ' ', '\t\n', '\u3000\u3000', '\u200B\u200C\u200D\u2060\uFEFF', '\u0000\u0007', '\u202E\u00AD', '\u3164', '\u2800', ' \u200B '])
      expect(hasVisibleText(blank), JSON.stringify(blank)).toBe(false)
  })

  it('accepts text with a visible character, wherever it stands', () => {
    for (const text of ['学法', ' 决策 ', '\u200B甲', 'A', '1', '。', '__'])
      expect(hasVisibleText(text), JSON.stringify(text)).toBe(true)
  })
})
