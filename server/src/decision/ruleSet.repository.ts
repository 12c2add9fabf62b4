/**
 * The compliance rule sets in the graph: seeding them from `seeds/rules.json` (with the articles that
 * create each step), reading them back once per process (the cache), and the procedure steps.
 */
import type { Database } from '../db/database'
import type { LoadedRuleSets, RuleSetRow } from './assessment'
import type { ProcedureStep } from './decision.type'
import type { RuleSet } from './rules'
import { int } from '../db/database'
import { logger } from '../logger'
import { buildRuleSets } from './assessment'
import { STEP_NAMES, STEP_ORDER } from './steps'

/** What seeding the rules reports: rule articles that could not be found in the law graph. */
export interface RuleSeedReport {
  rules: number
  unresolved: { ruleId: string, number: string }[]
  lawsMissing: string[]
}

/**
 * Writes the procedure steps and the rule sets into the graph (idempotent). Each rule is linked to the
 * articles that create it, resolved in the current version of its law (CREATED_BY, role MAIN or PERIOD);
 * a rule whose article is unknown is linked to the law instead (CREATED_BY_LAW) and cites no number.
 */
export async function upsertReferenceRules(db: Database, ruleSets: RuleSet[]): Promise<RuleSeedReport> {
  const steps = STEP_ORDER.map((code, i) => ({ code, name: STEP_NAMES[code], order: int(i + 1) }))
  const report: RuleSeedReport = { rules: 0, unresolved: [], lawsMissing: [] }
  await db.transaction(async (tx) => {
    report.rules = 0
    report.unresolved = []
    report.lawsMissing = []
    await tx.run(
      `UNWIND $steps AS step
       MERGE (p:ProcedureStep {code: step.code}) SET p.name = step.name, p.order = step.order`,
      { steps },
    )
    for (const set of ruleSets) {
      const [setRow] = await tx.run<{ lawFound: boolean }>(
        `MERGE (s:RuleSet {id: $id})
         SET s.lawId = $lawId, s.lawTitle = $lawTitle, s.effectiveFrom = date($effectiveFrom),
             s.effectiveTo = CASE WHEN $effectiveTo IS NULL THEN null ELSE date($effectiveTo) END,
             s.appliesToTownsBy = $appliesToTownsBy
         WITH s
         OPTIONAL MATCH (s)-[old:FROM_LAW]->()
         DELETE old
         WITH DISTINCT s
         OPTIONAL MATCH (l:Law {id: $lawId})
         FOREACH (_ IN CASE WHEN l IS NULL THEN [] ELSE [1] END | MERGE (s)-[:FROM_LAW]->(l))
         WITH s, l
         OPTIONAL MATCH (s)-[:HAS_RULE]->(stale:StepRule) WHERE NOT stale.id IN $ruleIds
         DETACH DELETE stale
         RETURN DISTINCT l IS NOT NULL AS lawFound`,
        {
          id: set.id,
          lawId: set.lawId,
          lawTitle: set.lawTitle,
          effectiveFrom: set.effectiveFrom,
          effectiveTo: set.effectiveTo,
          appliesToTownsBy: set.appliesToTownsBy ?? null,
          ruleIds: set.rules.map(r => r.id),
        },
      )
      if (!setRow?.lawFound)
        report.lawsMissing.push(set.lawId)
      for (const [order, rule] of set.rules.entries()) {
        const refs = [
          ...rule.articleNumbers.map((number, i) => ({ number, role: 'MAIN', position: int(i) })),
          ...(rule.periodArticleNumber ? [{ number: rule.periodArticleNumber, role: 'PERIOD', position: int(rule.articleNumbers.length) }] : []),
        ]
        const [row] = await tx.run<{ resolved: string[] }>(
          `MATCH (s:RuleSet {id: $setId}), (p:ProcedureStep {code: $step})
           MERGE (r:StepRule {id: $id})
           SET r.condition = $condition, r.exceptIfConfidential = $exceptIfConfidential, r.minDays = $minDays,
               r.minWorkingDays = $minWorkingDays, r.before = $before, r.description = $description,
               r.articleUnknown = $articleUnknown, r.articleNumbers = $articleNumbers,
               r.periodArticleNumber = $periodArticleNumber
           MERGE (s)-[h:HAS_RULE]->(r) SET h.order = $order
           WITH r, p
           OPTIONAL MATCH (r)-[old:REQUIRES|CREATED_BY|CREATED_BY_LAW]->()
           DELETE old
           WITH DISTINCT r, p
           MERGE (r)-[:REQUIRES]->(p)
           WITH r
           CALL (r) {
             UNWIND $refs AS ref
             CALL (ref) {
               MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article {number: ref.number})
               WITH a, v ORDER BY coalesce(v.current, false) DESC, v.versionDate DESC LIMIT 1
               RETURN a
             }
             MERGE (r)-[c:CREATED_BY {role: ref.role}]->(a) SET c.position = ref.position
             RETURN collect(ref.number) AS resolved
           }
           WITH r, resolved
           OPTIONAL MATCH (l:Law {id: $lawId})
           FOREACH (_ IN CASE WHEN l IS NOT NULL AND ($articleUnknown OR size(resolved) < size($refs)) THEN [1] ELSE [] END |
             MERGE (r)-[:CREATED_BY_LAW]->(l))
           RETURN resolved`,
          {
            setId: set.id,
            lawId: set.lawId,
            step: rule.step,
            id: rule.id,
            condition: rule.condition,
            exceptIfConfidential: rule.exceptIfConfidential ?? false,
            minDays: rule.minDays === null ? null : int(rule.minDays),
            minWorkingDays: rule.minWorkingDays === null ? null : int(rule.minWorkingDays),
            before: rule.before,
            description: rule.description,
            articleUnknown: rule.articleUnknown,
            articleNumbers: rule.articleNumbers,
            periodArticleNumber: rule.periodArticleNumber,
            order: int(order),
            refs,
          },
        )
        report.rules++
        const resolved = new Set(row?.resolved ?? [])
        for (const ref of refs) {
          if (!resolved.has(ref.number))
            report.unresolved.push({ ruleId: rule.id, number: ref.number })
        }
      }
    }
  })
  forgetRuleSets(db)
  return report
}

const ruleSetCache = new WeakMap<Database, Promise<LoadedRuleSets>>()

/** Drops the cached rule sets of `db` (after the reference data changed). */
export function forgetRuleSets(db: Database): void {
  ruleSetCache.delete(db)
}

async function readRuleSets(db: Database): Promise<LoadedRuleSets> {
  const rows = await db.read<{ ruleSet: RuleSetRow }>(
    `MATCH (s:RuleSet)
     RETURN s {.id, .lawId, .lawTitle, effectiveFrom: toString(s.effectiveFrom), effectiveTo: toString(s.effectiveTo),
       .appliesToTownsBy,
       law: [(s)-[:FROM_LAW]->(l:Law) | l {.id, .title}][0],
       rules: COLLECT {
         MATCH (s)-[h:HAS_RULE]->(r:StepRule)-[:REQUIRES]->(p:ProcedureStep)
         RETURN r {.id, step: p.code, .condition, exceptIfConfidential: coalesce(r.exceptIfConfidential, false),
           .description, .minDays, .minWorkingDays, before: coalesce(r.before, []),
           articleUnknown: coalesce(r.articleUnknown, false), articleNumbers: coalesce(r.articleNumbers, []),
           .periodArticleNumber,
           articles: COLLECT {
             MATCH (r)-[c:CREATED_BY]->(a:Article)
             RETURN a {.id, .number, .lawId, .caption, role: c.role, position: c.position} ORDER BY c.position
           }
         } ORDER BY h.order
       }
     } AS ruleSet
     ORDER BY s.effectiveFrom`,
  )
  return buildRuleSets(rows.map(r => r.ruleSet))
}

/**
 * The rule sets, read from the graph once per process and database and then kept: they are reference
 * data that changes only when the seed runs (which calls {@link forgetRuleSets}). So a request that
 * evaluates compliance makes one round trip, for the decision.
 */
export function ruleSetsFor(db: Database): Promise<LoadedRuleSets> {
  let loaded = ruleSetCache.get(db)
  if (!loaded) {
    loaded = readRuleSets(db)
    ruleSetCache.set(db, loaded)
    loaded.then(
      // An empty graph (rules not seeded yet) is not worth keeping.
      (sets) => {
        if (sets.engine.length === 0)
          forgetRuleSets(db)
      },
      () => forgetRuleSets(db),
    )
  }
  return loaded
}

/** The procedure steps in order. */
export async function listProcedureSteps(db: Database): Promise<ProcedureStep[]> {
  return db.read<ProcedureStep>('MATCH (p:ProcedureStep) RETURN p.code AS code, p.name AS name, p.order AS order ORDER BY p.order')
}

/** Logs rules whose articles are missing from the law graph (the law library was not imported). */
export function logRuleSeedReport(report: RuleSeedReport): void {
  if (report.lawsMissing.length > 0 || report.unresolved.length > 0)
    logger.warn({ lawsMissing: report.lawsMissing, unresolved: report.unresolved }, 'compliance rules: some articles are not in the law graph; the rules cite them by number and link the law')
  else
    logger.info({ rules: report.rules }, 'compliance rules ready')
}

/**
 * Ids of articles by law and number, resolved in the current version of each law (the law graph
 * contract). References that cannot be resolved are absent from the map (key `lawId|number`).
 */
export async function findArticleIds(db: Database, refs: { lawId: string, number: string }[]): Promise<Map<string, string>> {
  if (refs.length === 0)
    return new Map()
  const rows = await db.read<{ key: string, id: string }>(
    `UNWIND $refs AS ref
     CALL (ref) {
       MATCH (:Law {id: ref.lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article {number: ref.number})
       WITH a, v ORDER BY coalesce(v.current, false) DESC, v.versionDate DESC LIMIT 1
       RETURN a.id AS id
     }
     RETURN ref.lawId + '|' + ref.number AS key, id`,
    { refs },
  )
  return new Map(rows.map(r => [r.key, r.id]))
}
