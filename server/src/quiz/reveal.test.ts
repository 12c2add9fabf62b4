import { describe, expect, it } from 'vitest'
import { answerRevealed, revealAllowed } from './reveal'

const at = (iso: string) => Date.parse(iso)

describe('reveal policy', () => {
  const now = at('2026-03-02T09:00:00Z')
  it('reveals AFTER_SUBMIT once submitted, AFTER_CLOSE once also closed, NEVER never', () => {
    expect(revealAllowed('AFTER_SUBMIT', false, null, now)).toBe(false)
    expect(revealAllowed('AFTER_SUBMIT', true, null, now)).toBe(true)
    expect(revealAllowed('AFTER_CLOSE', true, now + 1, now)).toBe(false)
    expect(revealAllowed('AFTER_CLOSE', true, now, now)).toBe(true)
    expect(revealAllowed('AFTER_CLOSE', false, now - 1, now)).toBe(false)
    expect(revealAllowed('AFTER_CLOSE', true, null, now)).toBe(false)
    expect(revealAllowed('NEVER', true, now - 1, now)).toBe(false)
  })
})

describe('review cards', () => {
  const now = new Date('2026-03-02T09:00:00Z')
  it('reveal a question only when a quiz through which the person met it already does', () => {
    expect(answerRevealed([], now)).toBe(false)
    expect(answerRevealed([{ reveal: 'NEVER', closesAt: null }], now)).toBe(false)
    expect(answerRevealed([{ reveal: 'AFTER_CLOSE', closesAt: '2026-03-02T10:00:00Z' }], now)).toBe(false)
    expect(answerRevealed([{ reveal: 'AFTER_CLOSE', closesAt: null }], now)).toBe(false)
    expect(answerRevealed([{ reveal: 'AFTER_CLOSE', closesAt: '2026-03-02T09:00:00Z' }], now)).toBe(true)
    expect(answerRevealed([{ reveal: 'NEVER', closesAt: null }, { reveal: 'AFTER_SUBMIT', closesAt: null }], now)).toBe(true)
  })
})
