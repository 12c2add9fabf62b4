/**
 * Spaced repetition (间隔复习) with FSRS through ts-fsrs. Pure: converts between the card as stored on
 * (:Person)-[:REVIEWS {…}]->(:Question) and ts-fsrs's Card, schedules a rating, and rolls cards up into
 * mastery.
 *
 * The scheduler uses ts-fsrs's default parameters (request_retention 0.9, learning steps 1m/10m,
 * relearning 10m) with fuzz off, so the same history always gives the same schedule.
 *
 * Mastery (掌握度) of an article or topic = the mean retrievability — ts-fsrs's estimate of the chance of
 * recalling the answer now — of the person's cards whose question tests that article / is about that
 * topic; a card never reviewed yet counts 0. Cards exist only for questions answered wrong, so mastery
 * measures how well the person has recovered what they got wrong; no cards means no mastery figure (null).
 */
import type { Card, Grade } from 'ts-fsrs'
import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs'

/** The rating a person gives after seeing the answer. */
export type ReviewRatingValue = 'AGAIN' | 'HARD' | 'GOOD' | 'EASY'

/** Card state as stored. */
export type CardStateValue = 'NEW' | 'LEARNING' | 'REVIEW' | 'RELEARNING'

/** The card as stored on the REVIEWS relationship (dates as ISO strings). */
export interface StoredCard {
  due: string
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  state: CardStateValue
  lastReview: string | null
}

/** The one scheduler of the process (stateless, so sharing is safe). */
export const scheduler = fsrs({ enable_fuzz: false })

const STATE_TO_STORED: Record<State, CardStateValue> = {
  [State.New]: 'NEW',
  [State.Learning]: 'LEARNING',
  [State.Review]: 'REVIEW',
  [State.Relearning]: 'RELEARNING',
}
const STORED_TO_STATE: Record<CardStateValue, State> = { NEW: State.New, LEARNING: State.Learning, REVIEW: State.Review, RELEARNING: State.Relearning }
const RATINGS: Record<ReviewRatingValue, Grade> = { AGAIN: Rating.Again, HARD: Rating.Hard, GOOD: Rating.Good, EASY: Rating.Easy }

/** The card id of a person's card for a question. */
export function cardId(personId: string, questionId: string): string {
  return `${personId}:${questionId}`
}

/** Splits a card id into person and question (the person id never contains ':'). */
export function parseCardId(id: string): { personId: string, questionId: string } | null {
  const at = id.indexOf(':')
  if (at <= 0 || at === id.length - 1)
    return null
  return { personId: id.slice(0, at), questionId: id.slice(at + 1) }
}

export function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_TO_STORED[card.state],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  }
}

export function fromStored(stored: StoredCard): Card {
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsedDays ?? 0,
    scheduled_days: stored.scheduledDays ?? 0,
    learning_steps: stored.learningSteps ?? 0,
    reps: stored.reps,
    lapses: stored.lapses,
    state: STORED_TO_STATE[stored.state] ?? State.New,
    last_review: stored.lastReview ? new Date(stored.lastReview) : undefined,
  }
}

/** A new card, due at once. */
export function newCard(now: Date): StoredCard {
  return toStored(createEmptyCard(now))
}

/** The card after a rating at `now` (never before its last review: clocks may disagree by a little). */
export function schedule(stored: StoredCard, rating: ReviewRatingValue, now: Date): StoredCard {
  const last = stored.lastReview ? Date.parse(stored.lastReview) : Number.NEGATIVE_INFINITY
  const at = now.getTime() < last ? new Date(last) : now
  return toStored(scheduler.next(fromStored(stored), at, RATINGS[rating]).card)
}

/**
 * The card after the person answered its question wrong in a quiz: a new card (due now) when there was
 * none; otherwise a lapse, as if rated AGAIN now.
 */
export function afterWrongAnswer(existing: StoredCard | null, now: Date): StoredCard {
  return existing ? schedule(existing, 'AGAIN', now) : newCard(now)
}

/** Chance (0–1) of recalling the card's answer at `now`; 0 for a card never reviewed. */
export function retrievability(stored: StoredCard, now: Date): number {
  return scheduler.get_retrievability(fromStored(stored), now, false)
}

/** Mean retrievability of the cards (0–1, 3 decimals), or null for no cards. */
export function mastery(cards: readonly StoredCard[], now: Date): number | null {
  if (cards.length === 0)
    return null
  const sum = cards.reduce((n, card) => n + retrievability(card, now), 0)
  return Math.round((sum / cards.length) * 1000) / 1000
}
