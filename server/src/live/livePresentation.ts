import type { RunRecord } from './live.repository'
import type { LiveQuestionResult, LiveQuestionSummary, LiveRun } from './live.type'
import type { ReceivedAnswer } from './liveRules'
import { scoreItem } from '../quiz/scoring'
import { LiveRole, LiveRunState } from './live.type'
import { countedAnswers, distribution, effectiveState } from './liveRules'

/**
 * What the room shows, built once per change and sent to every instance (the pub/sub's payload), and
 * what one viewer gets of it. The public part never holds a question's answer before it closes; each
 * participant's own result travels beside it, server-side only, and the resolver hands each viewer their
 * own entry.
 */

/** The room's public state: what every viewer of the run sees alike. */
export type PublicRoom = Omit<LiveRun, 'role' | 'myAnswer' | 'myCorrect' | 'myCorrectCount' | 'serverTime'>

/** A change of the room, as published. */
export interface RoomEvent {
  kind: 'state'
  room: PublicRoom
  /** Closed question: each participant's counted answer and whether it was right (never sent to a client whole). */
  people: Record<string, { answer: string[], correct: boolean }> | null
  /** Ended run: how many questions each participant got right. */
  correctCounts: Record<string, number> | null
}

/** New counts of the room (someone joined or answered). */
export interface CountsEvent {
  kind: 'counts'
  questionIndex: number
  joinedCount: number
  answeredCount: number
}

export type LiveEvent = RoomEvent | CountsEvent

/** Whether each counted answer to an item is right, by the product's scoring. */
function judge(run: RunRecord, index: number, answers: readonly ReceivedAnswer[]): { closesAt: number, counted: Map<string, { answer: string[], correct: boolean }> } | null {
  const item = run.items[index]
  const closesAt = item?.closedAt ?? (index === run.questionIndex ? run.closesAt : null)
  if (!item || closesAt === null)
    return null
  const counted = new Map<string, { answer: string[], correct: boolean }>()
  for (const [personId, answer] of countedAnswers(answers, index, closesAt)) {
    const { correct } = scoreItem({ type: item.type, answer: item.answer, points: item.points, optionOrder: [], given: answer.given }, { multiplePartialCredit: run.multiplePartialCredit })
    counted.set(personId, { answer: answer.given, correct })
  }
  return { closesAt, counted }
}

/**
 * The room at `now` from the stored run, its answers (those of the current question when it is closed;
 * all when the run has ended; none needed otherwise) and its counts.
 */
export function buildRoomEvent(run: RunRecord, answers: readonly ReceivedAnswer[], counts: { joinedCount: number, answeredCount: number }, now: number): RoomEvent {
  const state = effectiveState(run, now) as LiveRunState
  const item = state === LiveRunState.OPEN || state === LiveRunState.CLOSED ? run.items[run.questionIndex] ?? null : null
  let result: LiveQuestionResult | null = null
  let people: RoomEvent['people'] = null
  if (state === LiveRunState.CLOSED && item) {
    const judged = judge(run, run.questionIndex, answers)
    const counted = judged?.counted ?? new Map()
    const values = [...counted.values()]
    result = {
      answer: item.answer,
      explanation: item.explanation,
      distribution: distribution(item.type, item.options.length, values.map(v => v.answer)),
      answeredCount: values.length,
      correctCount: values.filter(v => v.correct).length,
      articles: item.articles,
    }
    people = Object.fromEntries(counted)
  }
  let summary: LiveQuestionSummary[] = []
  let correctCounts: RoomEvent['correctCounts'] = null
  if (state === LiveRunState.ENDED) {
    correctCounts = {}
    summary = run.items.flatMap((it) => {
      const judged = judge(run, it.index, answers)
      if (!judged)
        return [] // never opened
      const values = [...judged.counted]
      for (const [personId, v] of values) {
        if (v.correct)
          correctCounts![personId] = (correctCounts![personId] ?? 0) + 1
      }
      const correctCount = values.filter(([, v]) => v.correct).length
      return [{ index: it.index, stem: it.stem, answeredCount: values.length, correctCount, correctShare: counts.joinedCount === 0 ? 0 : Math.round(correctCount / counts.joinedCount * 1000) / 1000 }]
    })
  }
  const iso = (ms: number | null) => ms === null ? null : new Date(ms).toISOString()
  return {
    kind: 'state',
    room: {
      id: run.id,
      sessionId: run.sessionId,
      sessionTitle: run.sessionTitle,
      quizTitle: run.quizTitle,
      joinCode: run.joinCode,
      state,
      questionIndex: run.questionIndex,
      questionCount: run.questionCount,
      secondsPerQuestion: run.secondsPerQuestion,
      openedAt: iso(run.openedAt),
      closesAt: iso(run.closesAt),
      joinedCount: counts.joinedCount,
      answeredCount: result ? result.answeredCount : counts.answeredCount,
      question: item && { index: item.index, id: item.id, type: item.type as never, stem: item.stem, options: item.options, points: item.points },
      result,
      summary,
    },
    people,
    correctCounts,
  }
}

/** Who is looking: the host, or a participant (by person id). */
export interface LiveViewer {
  role: LiveRole
  personId: string | null
}

/**
 * One viewer's view of the room. `myAnswer` is the participant's latest answer to the open question when
 * known (it is not in the published state, so the caller carries it over from what it last had).
 */
export function viewOf(event: RoomEvent, viewer: LiveViewer, now: number, myAnswer: string[] | null): LiveRun {
  const mine = viewer.personId && viewer.role === LiveRole.PARTICIPANT ? viewer.personId : null
  const counted = mine ? event.people?.[mine] : undefined
  return {
    ...event.room,
    serverTime: new Date(now).toISOString(),
    role: viewer.role,
    myAnswer: counted?.answer ?? myAnswer,
    myCorrect: mine && event.room.state === LiveRunState.CLOSED ? (counted?.correct ?? null) : null,
    myCorrectCount: mine && event.correctCounts ? (event.correctCounts[mine] ?? 0) : null,
  }
}
