/** Turns session and attendance rows read from the graph into what the API returns. Pure. */
import type { AttemptSummaryRow } from '../attempt/presentation'
import type { Person } from '../org/org.type'
import type { AttendanceRow, StudySession } from './study.type'
import { presentSummary } from '../attempt/presentation'
import { passes } from '../quiz/scoring'
import { checkInOpen, checkInWindow } from './studyRules'

/** A session as the projection reads it. */
export interface SessionRow extends Omit<StudySession, 'checkInOpensAt' | 'checkInClosesAt' | 'my'> {
  invited: boolean
  attendance: { checkedInAt: string | null, readingSeconds: number | null } | null
  attempts: AttemptSummaryRow[]
}

export function presentSession(row: SessionRow, now: Date): StudySession {
  const startsAt = Date.parse(row.startsAt)
  const window = checkInWindow(startsAt)
  const { invited, attendance, attempts, ...session } = row
  return {
    ...session,
    checkInOpensAt: new Date(window.opens).toISOString(),
    checkInClosesAt: new Date(window.closes).toISOString(),
    my: {
      invited,
      checkedInAt: attendance?.checkedInAt ?? null,
      readingSeconds: attendance?.readingSeconds ?? 0,
      canCheckIn: invited && !attendance && checkInOpen(startsAt, now.getTime()),
      attempts: attempts.map(presentSummary),
    },
  }
}

/** An attendance row as read: the person's attempts at the session's quiz in start order. */
export interface AttendanceRowData {
  person: Person
  invited: boolean
  checkedInAt: string | null
  minutes: number
  readingSeconds: number
  attempts: { status: 'IN_PROGRESS' | 'SUBMITTED', score: number | null, maxScore: number }[]
}

/** The attempt that counts: the best or the last submitted one (per the quiz's scoring), else one in progress. */
export function presentAttendance(row: AttendanceRowData, quiz: { scoring: string, passScore: number } | null): AttendanceRow {
  const submitted = row.attempts.filter(a => a.status === 'SUBMITTED')
  let counted: AttendanceRowData['attempts'][number] | undefined
  if (submitted.length > 0) {
    counted = quiz?.scoring === 'LAST'
      ? submitted[submitted.length - 1]
      : submitted.reduce((best, a) => ((a.score ?? 0) / (a.maxScore || 1) > (best.score ?? 0) / (best.maxScore || 1) ? a : best))
  }
  else {
    counted = row.attempts[row.attempts.length - 1]
  }
  const done = counted?.status === 'SUBMITTED'
  return {
    person: row.person,
    invited: row.invited,
    checkedInAt: row.checkedInAt,
    minutes: row.checkedInAt ? row.minutes : 0,
    readingSeconds: row.readingSeconds,
    attemptStatus: (counted?.status ?? null) as AttendanceRow['attemptStatus'],
    score: done ? counted!.score ?? 0 : null,
    maxScore: counted ? counted.maxScore : null,
    passed: done && quiz ? passes(counted!.score ?? 0, counted!.maxScore, quiz.passScore) : null,
  }
}
