/**
 * The `seeds/rules.json` format: its zod schema and its conversion into the engine's rule sets.
 */
import type { RuleSet } from './rules'
import { z } from 'zod'
import { DATE_RE } from './calendar'
import { RULE_CONDITIONS } from './rules'
import { STEP_ORDER } from './steps'

const stepCodeSchema = z.enum(STEP_ORDER)
const dateSchema = z.string().regex(DATE_RE)
const articleNumberSchema = z.string().regex(/^第[零一二三四五六七八九十百千]+条$/)

const ruleJsonSchema = z.object({
  id: z.string().min(1),
  step: stepCodeSchema,
  condition: z.enum(RULE_CONDITIONS),
  articleNumbers: z.array(articleNumberSchema),
  articleUnknown: z.boolean().default(false),
  exceptIfConfidential: z.boolean().default(false),
  periodArticleNumber: articleNumberSchema.nullable().default(null),
  minDays: z.number().int().positive().nullable().default(null),
  minWorkingDays: z.number().int().positive().nullable().default(null),
  before: z.array(stepCodeSchema).default([]),
  description: z.string().min(1),
}).superRefine((rule, ctx) => {
  // An unknown article must stay unnumbered, and a known one must be cited: never one without the other.
  if (rule.articleUnknown !== (rule.articleNumbers.length === 0))
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${rule.id}: articleUnknown must be true exactly when articleNumbers is empty` })
  if ((rule.minDays !== null || rule.minWorkingDays !== null) && rule.periodArticleNumber === null)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${rule.id}: a minimum period needs periodArticleNumber` })
})

const ruleSetJsonSchema = z.object({
  id: z.string().min(1),
  lawId: z.string().min(1),
  lawTitle: z.string().min(1),
  effectiveFrom: dateSchema,
  effectiveTo: dateSchema.nullable(),
  appliesToTownsBy: z.string().nullable().default(null),
  rules: z.array(ruleJsonSchema),
})

const rulesFileSchema = z.object({
  ruleSets: z.array(ruleSetJsonSchema),
})

/**
 * Converts the `seeds/rules.json` shape into rule sets. `articleIdFor` maps a law id and article number
 * to the article's graph id; numbers it cannot resolve stay in `articleNumbers` without an id.
 * Throws when the JSON does not have the expected shape.
 */
export function loadRuleSets(json: unknown, articleIdFor: (lawId: string, number: string) => string | null): RuleSet[] {
  const parsed = rulesFileSchema.parse(json)
  return parsed.ruleSets.map(set => ({
    id: set.id,
    lawId: set.lawId,
    lawTitle: set.lawTitle,
    effectiveFrom: set.effectiveFrom,
    effectiveTo: set.effectiveTo,
    appliesToTownsBy: set.appliesToTownsBy,
    rules: set.rules.map(rule => ({
      id: rule.id,
      ruleSetId: set.id,
      lawId: set.lawId,
      lawTitle: set.lawTitle,
      step: rule.step,
      condition: rule.condition,
      articleIds: rule.articleNumbers
        .map(n => articleIdFor(set.lawId, n))
        .filter((id): id is string => id !== null),
      articleNumbers: rule.articleNumbers,
      periodArticleNumber: rule.periodArticleNumber,
      articleUnknown: rule.articleUnknown,
      minDays: rule.minDays,
      minWorkingDays: rule.minWorkingDays,
      before: rule.before,
      description: rule.description,
      exceptIfConfidential: rule.exceptIfConfidential,
    })),
  }))
}
