import { createEmptyCard, fsrs, Rating } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { afterWrongAnswer, cardId, fromStored, mastery, newCard, parseCardId, retrievability, schedule, toStored } from './spacedRepetition'

const now = new Date('2026-03-02T01:00:00Z')
const MINUTE = 60_000
const DAY = 86_400_000

describe('fSRS scheduling', () => {
  it('schedules GOOD on a new card exactly as ts-fsrs does, and later than now', () => {
    const card = newCard(now)
    expect(card.state).toBe('NEW')
    expect(Date.parse(card.due)).toBe(now.getTime())
    const ours = schedule(card, 'GOOD', now)
    const theirs = fsrs({ enable_fuzz: false }).next(createEmptyCard(now), now, Rating.Good).card
    expect(Date.parse(ours.due)).toBe(theirs.due.getTime())
    expect(ours.stability).toBe(theirs.stability)
    expect(ours.difficulty).toBe(theirs.difficulty)
    expect(ours.reps).toBe(1)
    expect(Date.parse(ours.due)).toBeGreaterThan(now.getTime())
  })

  it('makes a card due again soon after AGAIN, and far later after GOOD on a card in review', () => {
    const again = schedule(newCard(now), 'AGAIN', now)
    expect(Date.parse(again.due) - now.getTime()).toBeLessThanOrEqual(10 * MINUTE)
    // Learn it: GOOD twice over the learning steps, then it is in REVIEW.
    let card = schedule(newCard(now), 'GOOD', now)
    card = schedule(card, 'GOOD', new Date(Date.parse(card.due)))
    expect(card.state).toBe('REVIEW')
    const reviewAt = new Date(Date.parse(card.due))
    const good = schedule(card, 'GOOD', reviewAt)
    const lapse = schedule(card, 'AGAIN', reviewAt)
    expect(Date.parse(good.due) - reviewAt.getTime()).toBeGreaterThan(DAY)
    expect(Date.parse(lapse.due) - reviewAt.getTime()).toBeLessThanOrEqual(10 * MINUTE)
    expect(lapse.lapses).toBe(1)
    expect(lapse.state).toBe('RELEARNING')
    // Each rating is ts-fsrs's.
    const direct = fsrs({ enable_fuzz: false }).next(fromStored(card), reviewAt, Rating.Good).card
    expect(Date.parse(good.due)).toBe(direct.due.getTime())
  })

  it('orders the intervals AGAIN < HARD < GOOD < EASY', () => {
    const card = newCard(now)
    const due = (['AGAIN', 'HARD', 'GOOD', 'EASY'] as const).map(r => Date.parse(schedule(card, r, now).due))
    expect([...due].sort((a, b) => a - b)).toEqual(due)
    expect(new Set(due).size).toBe(4)
  })

  it('round-trips a card through the stored form', () => {
    const card = fsrs({ enable_fuzz: false }).next(createEmptyCard(now), now, Rating.Easy).card
    expect(fromStored(toStored(card))).toEqual(card)
  })

  it('creates a due card for a first wrong answer and lapses an existing one', () => {
    const first = afterWrongAnswer(null, now)
    expect(first.state).toBe('NEW')
    expect(Date.parse(first.due)).toBeLessThanOrEqual(now.getTime())
    let learned = schedule(first, 'GOOD', now)
    learned = schedule(learned, 'GOOD', new Date(Date.parse(learned.due)))
    const later = new Date(Date.parse(learned.due))
    const again = afterWrongAnswer(learned, later)
    expect(again.lapses).toBe(1)
    expect(Date.parse(again.due) - later.getTime()).toBeLessThanOrEqual(10 * MINUTE)
  })
})

describe('mastery', () => {
  it('is the mean retrievability of the cards; unreviewed cards count 0; none is null', () => {
    expect(mastery([], now)).toBeNull()
    expect(mastery([newCard(now)], now)).toBe(0)
    let card = schedule(newCard(now), 'GOOD', now)
    card = schedule(card, 'GOOD', new Date(Date.parse(card.due)))
    const soon = new Date(Date.parse(card.lastReview!) + DAY)
    const r = retrievability(card, soon)
    expect(r).toBeGreaterThan(0.8)
    expect(r).toBeLessThanOrEqual(1)
    expect(mastery([card, newCard(now)], soon)).toBeCloseTo(r / 2, 3)
    // It decays with time.
    expect(retrievability(card, new Date(soon.getTime() + 60 * DAY))).toBeLessThan(r)
  })
})

describe('card ids', () => {
  it('are person:question', () => {
    expect(cardId('person-1', 'q-mdp-001')).toBe('person-1:q-mdp-001')
    expect(parseCardId('person-1:q-mdp-001')).toEqual({ personId: 'person-1', questionId: 'q-mdp-001' })
    expect(parseCardId('nope')).toBeNull()
    expect(parseCardId(':x')).toBeNull()
  })
})
