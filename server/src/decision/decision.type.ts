import type { DecisionStatusValue } from './compliance'
import type { FindingCode, Verdict } from './findings'
import type { RuleCondition } from './rules'
import type { LegalOpinionBy, ParticipationMethod, ReviewConclusion } from './stepRecords'
import type { StepCode } from './steps'
import { Field, ID, Int, ObjectType } from 'type-graphql'
import { PageInfo } from '../common/pagination'
import { Organization, Person } from '../org/org.type'
import { DecisionStatus, FindingCodeEnum, LegalOpinionByEnum, ParticipationMethodEnum, ReviewConclusionEnum, RuleConditionEnum, StepCodeEnum, VerdictEnum } from './decision.enums'

@ObjectType({ description: 'A procedure step (程序步骤) of a major administrative decision.' })
export class ProcedureStep {
  @Field(() => StepCodeEnum, { description: 'Step code.' })
  code: StepCode

  @Field(() => String, { description: 'Chinese name, e.g. 合法性审查.' })
  name: string

  @Field(() => Int, { description: 'Position in the usual order of the procedure (1 = first).' })
  order: number
}

@ObjectType({ description: 'An article (条) referred to by a rule or a decision: enough to cite it and to open it.' })
export class DecisionArticleRef {
  @Field(() => ID, { description: 'Article id in the law graph; open it with `article(id)`.' })
  id: string

  @Field(() => String, { description: 'Article number, e.g. 第二十五条.' })
  number: string

  @Field(() => String, { description: 'Id of the law the article belongs to.' })
  lawId: string

  @Field(() => String, { nullable: true, description: 'Title of that law.' })
  lawTitle: string | null

  @Field(() => String, { nullable: true, description: 'The article’s caption (条旨) where it has one.' })
  caption: string | null
}

@ObjectType({ description: 'A law (法规) as named by a compliance rule.' })
export class RuleLaw {
  @Field(() => ID, { description: 'Law id in the law graph.' })
  id: string

  @Field(() => String, { description: 'Title, e.g. 重大行政决策程序暂行条例.' })
  title: string
}

@ObjectType({ description: 'A mandatory-step rule (程序规则): data in the graph, tied to the article that creates it.' })
export class ComplianceRule {
  @Field(() => ID, { description: 'Rule id, e.g. mdp-713-legality-review.' })
  id: string

  @Field(() => StepCodeEnum, { description: 'The step the rule requires.' })
  step: StepCode

  @Field(() => RuleConditionEnum, { description: 'When the step is required.' })
  condition: RuleCondition

  @Field(() => Boolean, { description: 'Also not required for a matter to be kept secret, on top of `condition`.' })
  exceptIfConfidential: boolean

  @Field(() => String, { description: 'The requirement in our own words (not statute text).' })
  description: string

  @Field(() => Int, { nullable: true, description: 'Minimum period in calendar days (start day not counted).' })
  minDays: number | null

  @Field(() => Int, { nullable: true, description: 'Minimum period in working days (Monday–Friday; holidays not deducted).' })
  minWorkingDays: number | null

  @Field(() => [StepCodeEnum], { description: 'Steps that must not start before this one is completed.' })
  before: StepCode[]

  @Field(() => DecisionArticleRef, { nullable: true, description: 'The (first) article that creates the rule; null when the article is unknown.' })
  article: DecisionArticleRef | null

  @Field(() => [DecisionArticleRef], { description: 'Every article that creates the rule (CREATED_BY), in citation order.' })
  articles: DecisionArticleRef[]

  @Field(() => DecisionArticleRef, { nullable: true, description: 'The article that sets the minimum period, if any.' })
  periodArticle: DecisionArticleRef | null

  @Field(() => [String], { description: 'Article numbers cited by the rule (empty when unknown).' })
  articleNumbers: string[]

  @Field(() => RuleLaw, { description: 'The law the rule comes from.' })
  law: RuleLaw

  @Field(() => Boolean, { description: 'True when the law has this rule but the article text was not obtained: no article number is cited, never a guessed one (条号不详).' })
  articleUnknown: boolean
}

@ObjectType({ description: 'The rules of one law version over its period of force (程序规则集).' })
export class ComplianceRuleSet {
  @Field(() => ID, { description: 'Rule set id, e.g. mdp-713.' })
  id: string

  @Field(() => String, { description: 'Id of the law.' })
  lawId: string

  @Field(() => String, { description: 'Title of the law.' })
  lawTitle: string

  @Field(() => String, { description: 'First day the rules apply (YYYY-MM-DD).' })
  effectiveFrom: string

  @Field(() => String, { nullable: true, description: 'Last day the rules apply (YYYY-MM-DD); null while in force.' })
  effectiveTo: string | null

  @Field(() => String, { nullable: true, description: 'The provision that makes the law apply to towns (乡镇), e.g. 第四十二条 (参照).' })
  appliesToTownsBy: string | null

  @Field(() => [ComplianceRule], { description: 'The rules.' })
  rules: ComplianceRule[]
}

@ObjectType({ description: 'An article a finding relies on (引用条文): law, article number and where to read it.' })
export class FindingCitation {
  @Field(() => String, { description: 'Id of the law.' })
  lawId: string

  @Field(() => String, { description: 'Title of the law, e.g. 重大行政决策程序暂行条例.' })
  lawTitle: string

  @Field(() => String, { nullable: true, description: 'Article number, e.g. 第十五条; null when the law’s article was not obtained (条号不详).' })
  number: string | null

  @Field(() => DecisionArticleRef, { nullable: true, description: 'The article in the law graph, when it is there.' })
  article: DecisionArticleRef | null

  @Field(() => String, { description: 'Path of the web app page to read it: /articles/<id>, or /laws/<lawId> when the article is not in the graph.' })
  link: string
}

@ObjectType({ description: 'One result of the compliance check, with a Chinese message citing the law and article.' })
export class ComplianceFinding {
  @Field(() => FindingCodeEnum, { description: 'Kind of finding.' })
  code: FindingCode

  @Field(() => StepCodeEnum, { nullable: true, description: 'The step concerned; null for NO_RULE_SET.' })
  step: StepCode | null

  @Field(() => ComplianceRule, { nullable: true, description: 'The rule applied, with its article.' })
  rule: ComplianceRule | null

  @Field(() => ID, { nullable: true, description: 'The step record the finding is about, if any.' })
  recordId: string | null

  @Field(() => Boolean, { description: 'True for a defect: REQUIRED_MISSING, OUT_OF_ORDER, PERIOD_TOO_SHORT, NO_EVIDENCE, UNLAWFUL_DISCUSSED or NO_LEGAL_OPINION.' })
  defect: boolean

  @Field(() => String, { description: 'What was found, citing the law and article (Chinese).' })
  message: string

  @Field(() => [FindingCitation], { description: 'Every article the finding relies on, as data (the same the message names).' })
  citations: FindingCitation[]
}

@ObjectType({ description: 'Procedure compliance of a decision, computed on read from its records and the rules in force on its decision date (never stored).' })
export class Compliance {
  @Field(() => VerdictEnum, { description: 'Overall verdict.' })
  verdict: Verdict

  @Field(() => ComplianceRuleSet, { nullable: true, description: 'The rule set applied; null when none was in force on the decision date.' })
  ruleSet: ComplianceRuleSet | null

  @Field(() => [ComplianceFinding], { description: 'Findings in procedure order.' })
  findings: ComplianceFinding[]

  @Field(() => [StepCodeEnum], { description: 'Steps found REQUIRED_MISSING.' })
  missingSteps: StepCode[]

  @Field(() => String, { description: 'The date the check was made for (server date, Asia/Shanghai).' })
  evaluatedOn: string
}

@ObjectType({ description: 'A document proving a step (证明材料): title and document number.' })
export class Evidence {
  @Field(() => String, { description: 'Title, e.g. 合法性审查意见书.' })
  title: string

  @Field(() => String, { nullable: true, description: 'Document number (文号), if any.' })
  number: string | null
}

@ObjectType({ description: 'A record of a procedure step (程序记录). Append-only: a correction is a new record that corrects the old one (全过程记录).' })
export class StepRecord {
  @Field(() => ID, { description: 'Record id.' })
  id: string

  @Field(() => StepCodeEnum, { description: 'The step recorded.' })
  stepCode: StepCode

  @Field(() => String, { nullable: true, description: 'When the step started (YYYY-MM-DD), e.g. the day a comment call was published.' })
  startedOn: string | null

  @Field(() => String, { nullable: true, description: 'When the step was completed (YYYY-MM-DD); null while under way.' })
  completedOn: string | null

  @Field(() => String, { nullable: true, description: 'Outcome, e.g. the legality-review opinion (审查意见).' })
  outcome: string | null

  @Field(() => [Evidence], { description: 'Supporting documents.' })
  evidence: Evidence[]

  @Field(() => String, { nullable: true, description: 'Free note.' })
  note: string | null

  @Field(() => String, { description: 'When the record was made (ISO 8601).' })
  recordedAt: string

  @Field(() => Person, { nullable: true, description: 'Who performed or recorded the step (e.g. the legal advisor for 合法性审查).' })
  performedBy: Person | null

  @Field(() => ID, { nullable: true, description: 'The record this one corrects, if it is a correction.' })
  correctsId: string | null

  @Field(() => [ID], { description: 'Records that correct this one.' })
  correctedByIds: string[]

  @Field(() => Boolean, { description: 'True when this record counts for the compliance check (the latest of its correction chain).' })
  effective: boolean

  @Field(() => String, { nullable: true, description: '送审日: the day the draft was sent for legality review (第二十六条).' })
  submittedOn: string | null

  @Field(() => [ParticipationMethodEnum], { description: 'How the public was heard (第十四条); empty when the record does not say.' })
  methods: ParticipationMethod[]

  @Field(() => String, { nullable: true, description: 'Why a period was shorter than usual, as stated at the time (第十五条, 第二十六条).' })
  shortenedReason: string | null

  @Field(() => ReviewConclusionEnum, { nullable: true, description: 'The legality review’s conclusion (第二十五条第二款).' })
  conclusion: ReviewConclusion | null

  @Field(() => Boolean, { description: 'An exploratory reform whose legal risk was disclosed to the meeting (探索性改革决策事项，明示法律风险, 第二十五条第二款).' })
  exploratoryReform: boolean

  @Field(() => LegalOpinionByEnum, { nullable: true, description: 'Who gave the legal opinion during the review (第二十八条); null when the record does not say.' })
  legalOpinionBy: LegalOpinionBy | null

  @Field(() => String, { nullable: true, description: 'Where the risk was already assessed under other rules (第二十二条第二款).' })
  alreadyAssessedRef: string | null

  @Field(() => Boolean, { description: '补录: written down more than 30 days after the step was completed. The verdict counts it; the advisor should know.' })
  lateEntry: boolean
}

@ObjectType({ description: 'A yearly catalogue of major decisions (重大行政决策事项目录) of one organisation.' })
export class DecisionCatalogue {
  @Field(() => ID, { description: 'Catalogue id: catalogue-<organisation id>-<year>.' })
  id: string

  @Field(() => Int, { description: 'Year.' })
  year: number

  @Field(() => Organization, { nullable: true, description: 'The deciding organisation.' })
  organization: Organization | null

  @Field(() => Int, { description: 'Number of decisions listed that the viewer may see.' })
  decisionCount: number
}

@ObjectType({ description: 'A major administrative decision (重大行政决策) with its full process record and computed compliance.' })
export class Decision {
  @Field(() => ID, { description: 'Decision id.' })
  id: string

  @Field(() => String, { description: 'Title; sample decisions end with （示例）.' })
  title: string

  @Field(() => String, { nullable: true, description: 'Summary of the matter.' })
  summary: string | null

  @Field(() => String, { nullable: true, description: 'Policy domain, e.g. 工业经济和信息化.' })
  domain: string | null

  @Field(() => DecisionStatus, { description: 'Status.' })
  status: DecisionStatusValue

  @Field(() => String, { nullable: true, description: 'Decision date, planned or actual (YYYY-MM-DD); it selects the rules in force.' })
  decidedOn: string | null

  @Field(() => Int, { description: 'Year of the catalogue the decision is listed in.' })
  year: number

  @Field(() => Boolean, { description: 'Touches the vital interests of the public or a large group (涉及公众切身利益).' })
  affectsPublic: boolean

  @Field(() => Boolean, { description: 'Highly specialised or technical (专业性、技术性较强).' })
  technical: boolean

  @Field(() => Boolean, { description: 'May harm social stability or public safety (可能影响社会稳定、公共安全).' })
  stabilityRisk: boolean

  @Field(() => Boolean, { description: 'Not to be disclosed by law (依法不予公开).' })
  confidential: boolean

  @Field(() => Boolean, { description: 'True for fictional sample data (示例).' })
  sample: boolean

  @Field(() => Organization, { nullable: true, description: 'The deciding organisation.' })
  organization: Organization | null

  @Field(() => DecisionCatalogue, { nullable: true, description: 'The yearly catalogue it is listed in.' })
  catalogue: DecisionCatalogue | null

  @Field(() => [DecisionArticleRef], { description: 'Legal basis (决策依据): the articles the decision rests on.' })
  basedOn: DecisionArticleRef[]

  @Field(() => [StepRecord], { description: 'Every step record, corrections included, oldest first (全过程记录).' })
  records: StepRecord[]

  @Field(() => Compliance, { description: 'Procedure compliance, computed now.' })
  compliance: Compliance
}

@ObjectType({ description: 'A decision as listed in the catalogue, with its verdict.' })
export class DecisionSummary {
  @Field(() => ID, { description: 'Decision id.' })
  id: string

  @Field(() => String, { description: 'Title.' })
  title: string

  @Field(() => String, { nullable: true, description: 'Policy domain.' })
  domain: string | null

  @Field(() => DecisionStatus, { description: 'Status.' })
  status: DecisionStatusValue

  @Field(() => String, { nullable: true, description: 'Decision date, planned or actual (YYYY-MM-DD).' })
  decidedOn: string | null

  @Field(() => Int, { description: 'Catalogue year.' })
  year: number

  @Field(() => Boolean, { description: 'Not to be disclosed by law (依法不予公开).' })
  confidential: boolean

  @Field(() => Boolean, { description: 'True for fictional sample data (示例).' })
  sample: boolean

  @Field(() => Organization, { nullable: true, description: 'The deciding organisation.' })
  organization: Organization | null

  @Field(() => Int, { description: 'Number of step records, corrections included.' })
  recordCount: number

  @Field(() => Compliance, { description: 'Procedure compliance, computed now.' })
  compliance: Compliance
}

@ObjectType({ description: 'A page of decisions.' })
export class DecisionPage {
  @Field(() => [DecisionSummary], { description: 'The decisions, latest decision date first.' })
  items: DecisionSummary[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'How many decisions have a verdict.' })
export class VerdictCount {
  @Field(() => VerdictEnum, { description: 'The verdict.' })
  verdict: Verdict

  @Field(() => Int, { description: 'Number of decisions.' })
  count: number
}

@ObjectType({ description: 'How many decisions miss a required step.' })
export class MissingStepCount {
  @Field(() => StepCodeEnum, { description: 'The step.' })
  step: StepCode

  @Field(() => String, { description: 'Its Chinese name.' })
  name: string

  @Field(() => Int, { description: 'Number of decisions with REQUIRED_MISSING for this step.' })
  count: number
}

@ObjectType({ description: 'Compliance of a set of decisions (合规概览): counts by verdict and by missing step.' })
export class ComplianceOverview {
  @Field(() => Int, { nullable: true, description: 'The catalogue year filtered on, if any.' })
  year: number | null

  @Field(() => ID, { nullable: true, description: 'The organisation filtered on, if any.' })
  organizationId: string | null

  @Field(() => Int, { description: 'Number of decisions in the filter (that the viewer may see).' })
  total: number

  @Field(() => [VerdictCount], { description: 'Decisions per verdict (every verdict, zero included); the counts add up to `total`.' })
  byVerdict: VerdictCount[]

  @Field(() => [MissingStepCount], { description: 'Decisions per missing step, in procedure order (every step, zero included).' })
  missingByStep: MissingStepCount[]

  @Field(() => String, { description: 'The date the check was made for (server date, Asia/Shanghai).' })
  evaluatedOn: string
}

@ObjectType({ description: 'The result of appending a step record.' })
export class AppendStepRecordResult {
  @Field(() => StepRecord, { description: 'The record (the earlier one when the clientId was already used).' })
  record: StepRecord

  @Field(() => Boolean, { description: 'False when the same clientId had already been recorded, so nothing new was written.' })
  created: boolean

  @Field(() => Decision, { description: 'The decision with its records and compliance after the write.' })
  decision: Decision
}
