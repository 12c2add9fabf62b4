/**
 * The rules a quiz's settings and contents must satisfy (组卷规则). Pure; the repository checks what
 * needs the database (questions published, targets exist, the bank can satisfy the blueprint).
 */
import type { RuleViolation } from './questionRules'

export type QuizKindValue = 'FIXED' | 'BLUEPRINT'

/** Limits the rules enforce. */
export const QUIZ_LIMITS = {
  titleMin: 2,
  titleMax: 100,
  timeLimitMin: 60,
  timeLimitMax: 24 * 3600,
  attemptsMax: 100,
  pointsMax: 100,
  rowCountMax: 100,
  questionsMax: 200,
  rowsMax: 20,
} as const

/** A quiz as written, before it is saved. */
export interface QuizDraft {
  title: string
  kind: QuizKindValue
  timeLimitSec?: number | null
  passScore: number
  attemptsAllowed?: number | null
  opensAt?: string | null
  closesAt?: string | null
  items: { questionId: string, points: number }[]
  blueprint: { kind: string, targetId: string, count: number, difficultyMin: number, difficultyMax: number, points: number }[]
}

function v(field: string, rule: string, message: string): RuleViolation {
  return { field, rule, message }
}

function validDate(text: string | null | undefined): boolean {
  return !text || (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)))
}

/** Every rule the quiz breaks (empty when valid). */
export function validateQuiz(q: QuizDraft): RuleViolation[] {
  const out: RuleViolation[] = []
  const title = q.title.trim()
  if (title.length < QUIZ_LIMITS.titleMin || title.length > QUIZ_LIMITS.titleMax)
    out.push(v('title', 'TITLE_LENGTH', `标题须为 ${QUIZ_LIMITS.titleMin}–${QUIZ_LIMITS.titleMax} 字 (title: ${QUIZ_LIMITS.titleMin}–${QUIZ_LIMITS.titleMax} characters): name the quiz.`))
  if (q.timeLimitSec !== null && q.timeLimitSec !== undefined && (!Number.isInteger(q.timeLimitSec) || q.timeLimitSec < QUIZ_LIMITS.timeLimitMin || q.timeLimitSec > QUIZ_LIMITS.timeLimitMax))
    out.push(v('timeLimitSec', 'TIME_LIMIT_RANGE', `限时须为 ${QUIZ_LIMITS.timeLimitMin}–${QUIZ_LIMITS.timeLimitMax} 秒，或不限时 (timeLimitSec: ${QUIZ_LIMITS.timeLimitMin}–${QUIZ_LIMITS.timeLimitMax} seconds, or null for no limit).`))
  if (!Number.isFinite(q.passScore) || q.passScore < 0 || q.passScore > 100)
    out.push(v('passScore', 'PASS_SCORE_RANGE', `及格线须为满分的 0–100% (passScore: a percentage of the maximum score, 0–100).`))
  if (q.attemptsAllowed !== null && q.attemptsAllowed !== undefined && (!Number.isInteger(q.attemptsAllowed) || q.attemptsAllowed < 1 || q.attemptsAllowed > QUIZ_LIMITS.attemptsMax))
    out.push(v('attemptsAllowed', 'ATTEMPTS_RANGE', `允许作答次数须为 1–${QUIZ_LIMITS.attemptsMax}，或不限 (attemptsAllowed: 1–${QUIZ_LIMITS.attemptsMax}, or null for unlimited).`))
  if (!validDate(q.opensAt))
    out.push(v('opensAt', 'DATE_FORMAT', `开放时间格式无效 (opensAt: an ISO 8601 date-time such as 2025-03-01T08:00:00+08:00).`))
  if (!validDate(q.closesAt))
    out.push(v('closesAt', 'DATE_FORMAT', `截止时间格式无效 (closesAt: an ISO 8601 date-time such as 2025-03-31T17:00:00+08:00).`))
  else if (q.opensAt && q.closesAt && validDate(q.opensAt) && Date.parse(q.closesAt) <= Date.parse(q.opensAt))
    out.push(v('closesAt', 'CLOSES_BEFORE_OPENS', `截止时间须晚于开放时间 (closesAt: must be after opensAt).`))

  if (q.kind === 'FIXED') {
    if (q.blueprint.length > 0)
      out.push(v('blueprint', 'FIXED_WITH_BLUEPRINT', `固定试卷不使用抽题规则 (blueprint: a FIXED quiz lists its questions in items): remove the rows or switch to BLUEPRINT.`))
    if (q.items.length === 0)
      out.push(v('items', 'ITEMS_REQUIRED', `固定试卷须至少选一道题 (items: a FIXED quiz needs at least one question): add questions.`))
    if (q.items.length > QUIZ_LIMITS.questionsMax)
      out.push(v('items', 'ITEMS_TOO_MANY', `一份试卷最多 ${QUIZ_LIMITS.questionsMax} 题 (items: at most ${QUIZ_LIMITS.questionsMax} questions).`))
    const ids = q.items.map(i => i.questionId)
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i)
    if (dup.length > 0)
      out.push(v('items', 'ITEM_DUPLICATE', `试题 ${[...new Set(dup)].join('、')} 重复 (items: ${[...new Set(dup)].join(', ')} listed twice): include each question once.`))
    q.items.forEach((item, i) => {
      if (!Number.isInteger(item.points) || item.points < 1 || item.points > QUIZ_LIMITS.pointsMax)
        out.push(v('items', 'POINTS_RANGE', `第 ${i + 1} 题分值须为 1–${QUIZ_LIMITS.pointsMax} 的整数 (items[${i}].points: a whole number 1–${QUIZ_LIMITS.pointsMax}).`))
    })
  }
  else if (q.kind === 'BLUEPRINT') {
    if (q.items.length > 0)
      out.push(v('items', 'BLUEPRINT_WITH_ITEMS', `抽题试卷不直接列题目 (items: a BLUEPRINT quiz draws its questions): remove the items or switch to FIXED.`))
    if (q.blueprint.length === 0)
      out.push(v('blueprint', 'ROWS_REQUIRED', `抽题试卷须至少有一条抽题规则 (blueprint: a BLUEPRINT quiz needs at least one row): add a law or topic row.`))
    if (q.blueprint.length > QUIZ_LIMITS.rowsMax)
      out.push(v('blueprint', 'ROWS_TOO_MANY', `抽题规则最多 ${QUIZ_LIMITS.rowsMax} 行 (blueprint: at most ${QUIZ_LIMITS.rowsMax} rows).`))
    let total = 0
    q.blueprint.forEach((row, i) => {
      const n = i + 1
      if (row.kind !== 'LAW' && row.kind !== 'TOPIC')
        out.push(v('blueprint', 'ROW_KIND', `第 ${n} 行须按法规或知识点抽题 (blueprint[${i}].kind: LAW or TOPIC).`))
      if (!row.targetId)
        out.push(v('blueprint', 'ROW_TARGET', `第 ${n} 行未选择法规或知识点 (blueprint[${i}].targetId: choose a law or topic).`))
      if (!Number.isInteger(row.count) || row.count < 1 || row.count > QUIZ_LIMITS.rowCountMax)
        out.push(v('blueprint', 'ROW_COUNT', `第 ${n} 行题数须为 1–${QUIZ_LIMITS.rowCountMax} (blueprint[${i}].count: 1–${QUIZ_LIMITS.rowCountMax}).`))
      else
        total += row.count
      if (!Number.isInteger(row.difficultyMin) || !Number.isInteger(row.difficultyMax) || row.difficultyMin < 1 || row.difficultyMax > 5 || row.difficultyMin > row.difficultyMax)
        out.push(v('blueprint', 'ROW_DIFFICULTY', `第 ${n} 行难度范围须在 1–5 之间且下限不高于上限 (blueprint[${i}]: 1 ≤ difficultyMin ≤ difficultyMax ≤ 5).`))
      if (!Number.isInteger(row.points) || row.points < 1 || row.points > QUIZ_LIMITS.pointsMax)
        out.push(v('blueprint', 'POINTS_RANGE', `第 ${n} 行分值须为 1–${QUIZ_LIMITS.pointsMax} 的整数 (blueprint[${i}].points: a whole number 1–${QUIZ_LIMITS.pointsMax}).`))
    })
    if (total > QUIZ_LIMITS.questionsMax)
      out.push(v('blueprint', 'ITEMS_TOO_MANY', `一份试卷最多 ${QUIZ_LIMITS.questionsMax} 题，现为 ${total} 题 (blueprint: at most ${QUIZ_LIMITS.questionsMax} questions in all, got ${total}).`))
  }
  else {
    out.push(v('kind', 'KIND_UNKNOWN', `组卷方式须为 FIXED 或 BLUEPRINT (kind: FIXED or BLUEPRINT).`))
  }
  return out
}

/** '《重大行政决策程序暂行条例》' for a law, '「公众参与」' for a topic. */
export function targetLabel(kind: string, name: string | null | undefined, id: string): string {
  return kind === 'LAW' ? `《${name ?? id}》` : `「${name ?? id}」`
}
