import { describe, expect, it } from 'vitest'
import {
  articleAt,
  articleIdAt,
  attemptRows,
  chineseNumber,
  countsFor,
  decisionRows,
  distribute,
  lawRow,
  lawRows,
  linkRows,
  makePlan,
  organizationRows,
  personRows,
  publishedQuestionsOfLaw,
  questionRows,
  QUIZ_ROW_COUNT,
  quizRows,
  rng,
  stepRecordRows,
} from './generate'

const plan = makePlan(0.05, 7)

describe('bench generator', () => {
  it('builds the same rows from the same seed, and other rows from another seed', () => {
    const again = makePlan(0.05, 7)
    const other = makePlan(0.05, 8)
    expect(lawRows(again, again.laws[3]!)).toEqual(lawRows(plan, plan.laws[3]!))
    expect(questionRows(again, 100, 120)).toEqual(questionRows(plan, 100, 120))
    expect(attemptRows(again, 500, 510)).toEqual(attemptRows(plan, 500, 510))
    expect(decisionRows(again, 0, 30)).toEqual(decisionRows(plan, 0, 30))
    expect(lawRows(other, other.laws[3]!).articles[0]!.text).not.toBe(lawRows(plan, plan.laws[3]!).articles[0]!.text)
  })

  it('builds any batch on its own, the same as when built with its neighbours', () => {
    const all = questionRows(plan, 0, 300)
    expect(questionRows(plan, 120, 180)).toEqual(all.slice(120, 180))
    const decisions = decisionRows(plan, 0, 40)
    expect(decisionRows(plan, 25, 40)).toEqual(decisions.slice(25))
  })

  it('gives DESIGN.md §7 sizes at scale 1 and exact totals at any scale', () => {
    expect(countsFor(1)).toMatchObject({ organizations: 300, people: 20_000, laws: 500, articles: 50_000, questions: 20_000, decisions: 5_000, stepRecords: 40_000, attempts: 200_000, answersPerAttempt: 10 })
    expect(plan.laws.reduce((n, l) => n + l.articleCount, 0)).toBe(plan.counts.articles)
    expect(plan.stepsPerDecision.reduce((a, b) => a + b, 0)).toBe(plan.counts.stepRecords)
    const counts = distribute(1000, 7, rng(1, 'x'))
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000)
    expect(Math.min(...counts)).toBeGreaterThan(0)
    expect(() => countsFor(0)).toThrow(/scale/)
  })

  it('numbers articles as statutes do', () => {
    expect([1, 10, 11, 20, 25, 100, 101, 105, 110, 115, 200, 1000, 1005].map(chineseNumber))
      .toEqual(['一', '十', '十一', '二十', '二十五', '一百', '一百零一', '一百零五', '一百一十', '一百一十五', '二百', '一千', '一千零五'])
  })

  it('builds each law as the law graph contract says', () => {
    for (const law of plan.laws) {
      const rows = lawRows(plan, law)
      const current = rows.versions.find(v => v.current)!
      expect(current.id).toBe(`${law.id}@${law.versionDate}`)
      const contained = rows.contains.filter(c => c.versionId === current.id).map(c => c.articleId)
      expect(contained).toHaveLength(law.articleCount)
      // Every article a version contains sits in one of that version's divisions.
      const divisions = new Set(rows.divisions.filter(d => d.versionId === current.id).map(d => d.id))
      const placed = rows.placed.filter(p => divisions.has(p.divisionId)).map(p => p.articleId)
      expect(placed.sort()).toEqual([...contained].sort())
      for (const a of rows.articles) {
        expect(a.id.startsWith(`${law.id}/${a.slug}~`)).toBe(true)
        expect(a.number).toBe(`第${chineseNumber(a.ordinal)}条`)
        expect(a.text).toBe(a.paragraphs.join('\n'))
        expect(a.synthetic).toBe(true)
      }
      expect(rows.replaces).toHaveLength(law.changed.length)
    }
  })

  it('points every reference at a generated id', () => {
    const articleIds = new Set(plan.laws.flatMap(l => lawRows(plan, l).articles.map(a => a.id)))
    expect(articleAt(plan, 0).number).toBe(1)
    expect(articleIds.has(articleIdAt(plan, plan.counts.articles - 1))).toBe(true)
    for (const law of plan.laws.slice(0, 5)) {
      for (const c of linkRows(plan, law).cites)
        expect(articleIds.has(c.to)).toBe(true)
    }
    for (const q of questionRows(plan, 0, 200)) {
      expect(q.id.startsWith('bench-')).toBe(true)
      for (const id of q.articleIds)
        expect(articleIds.has(id)).toBe(true)
    }
    for (const d of decisionRows(plan, 0, 50)) {
      for (const id of d.basedOn)
        expect(articleIds.has(id)).toBe(true)
    }
    const orgs = new Set(organizationRows(plan).map(o => o.id))
    for (const p of personRows(plan, 0, 200))
      expect(orgs.has(p.organizationId)).toBe(true)
  })

  it('makes quizzes that can be drawn and attempts that answer their questions', () => {
    const quizzes = quizRows(plan)
    const lawsById = new Map(plan.laws.map(l => [l.id, l]))
    for (const quiz of quizzes) {
      if (quiz.kind === 'BLUEPRINT') {
        for (const id of quiz.draws) {
          // Questions on a repealed law are flagged for review and cannot be drawn.
          expect(lawRow(plan.seed, lawsById.get(id)!).status).toBe('IN_FORCE')
          expect(publishedQuestionsOfLaw(plan, lawsById.get(id)!).length).toBeGreaterThanOrEqual(QUIZ_ROW_COUNT)
        }
      }
      else {
        expect(quiz.items.length).toBeGreaterThan(0)
      }
    }
    for (const attempt of attemptRows(plan, 0, 100, quizzes)) {
      expect(attempt.answers.length).toBeGreaterThan(0)
      expect(attempt.answers.length).toBeLessThanOrEqual(plan.counts.answersPerAttempt)
      expect(attempt.score).toBe(attempt.answers.filter(a => a.correct).length * 2)
      expect(Date.parse(attempt.submittedAt)).toBeGreaterThan(Date.parse(attempt.startedAt))
    }
  })

  it('records steps with corrections of earlier records of the same decision', () => {
    const decisions = decisionRows(plan, 0, plan.counts.decisions)
    let corrections = 0
    decisions.forEach((d, i) => {
      const records = stepRecordRows(plan, d, i)
      expect(records).toHaveLength(plan.stepsPerDecision[i]!)
      const earlier = new Set<string>()
      for (const r of records) {
        expect(r.decisionId).toBe(d.id)
        if (r.correctsId) {
          corrections++
          expect(earlier.has(r.correctsId)).toBe(true)
        }
        earlier.add(r.id)
      }
    })
    expect(corrections).toBeGreaterThan(0)
  })
})
