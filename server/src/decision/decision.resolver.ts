import type { Context } from '../context'
import { Max, Min } from 'class-validator'
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { notFound } from '../common/errors'
import { decodeCursor, PageArgs, pageInfo } from '../common/pagination'
import { Organization } from '../org/org.type'
import { complianceOverview, listCatalogues, listDecisionOrganizations, listDecisions } from './catalogue.repository'
import { AppendStepRecordInput, DecisionFilter, DecisionInput } from './decision.input'
import { createDecision, findDecision, searchBasisArticles, updateDecision } from './decision.repository'
import {
  AppendStepRecordResult,
  ComplianceOverview,
  ComplianceRuleSet,
  Decision,
  DecisionArticleRef,
  DecisionCatalogue,
  DecisionPage,
  ProcedureStep,
} from './decision.type'
import { listProcedureSteps, ruleSetsFor } from './ruleSet.repository'
import { appendStepRecord } from './stepRecord.repository'
import { viewerOf } from './viewer.repository'

const READERS = [Role.ADVISOR, Role.ADMIN, Role.TRAINER, Role.CADRE]
const WRITERS = [Role.ADVISOR, Role.ADMIN]

@ArgsType()
class BasisSearchArgs {
  @Field(() => String, { description: 'Words of the article text, or a law title with an article number such as 档案法 第十条.' })
  text: string

  @Field(() => Int, { defaultValue: 20, description: 'How many articles to return (1–50).' })
  @Min(1)
  @Max(50)
  first: number
}

@Resolver()
export class DecisionResolver {
  @Access(READERS)
  @Query(() => DecisionPage, { description: 'The decision catalogue (决策目录) with each decision’s verdict, latest year first. Cadres see only published, non-confidential decisions.' })
  async decisions(
    @Arg('filter', () => DecisionFilter, { nullable: true, description: 'What to list; all decisions when omitted.' }) filter: DecisionFilter | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<DecisionPage> {
    const skip = decodeCursor(after)
    const { total, items } = await listDecisions(ctx.db, filter ?? {}, viewerOf(ctx.user), skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }

  @Access(READERS)
  @Query(() => Decision, { description: 'One decision with its full process record (全过程记录) and compliance computed now. NOT_FOUND when it does not exist or the viewer may not see it.' })
  async decision(@Arg('id', () => ID, { description: 'Decision id.' }) id: string, @Ctx() ctx: Context): Promise<Decision> {
    const decision = await findDecision(ctx.db, id, viewerOf(ctx.user))
    if (!decision)
      throw notFound('决策 (decision)', id)
    return decision
  }

  @Access(READERS)
  @Query(() => ComplianceOverview, { description: 'Compliance overview (合规概览): decisions per verdict and per missing step, for a catalogue year and/or organisation.' })
  async complianceOverview(
    @Arg('year', () => Int, { nullable: true, description: 'Catalogue year; all years when omitted.' }) year: number | null,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Deciding organisation; all when omitted.' }) organizationId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ComplianceOverview> {
    return complianceOverview(ctx.db, { year, organizationId }, viewerOf(ctx.user))
  }

  @Access(READERS)
  @Query(() => [DecisionCatalogue], { description: 'The yearly decision catalogues (重大行政决策事项目录) that list decisions the viewer may see.' })
  async decisionCatalogues(@Ctx() ctx: Context): Promise<DecisionCatalogue[]> {
    return listCatalogues(ctx.db, viewerOf(ctx.user))
  }

  @Access(READERS)
  @Query(() => [Organization], { description: 'Organisations that may decide (for filters and the decision form).' })
  async decisionOrganizations(@Ctx() ctx: Context): Promise<Organization[]> {
    return listDecisionOrganizations(ctx.db)
  }

  @Access(READERS)
  @Query(() => [ProcedureStep], { description: 'The procedure steps (程序步骤) in their usual order.' })
  async procedureSteps(@Ctx() ctx: Context): Promise<ProcedureStep[]> {
    return listProcedureSteps(ctx.db)
  }

  @Access(READERS)
  @Query(() => [ComplianceRuleSet], { description: 'The compliance rule sets (程序规则) with the article behind each rule.' })
  async complianceRuleSets(@Ctx() ctx: Context): Promise<ComplianceRuleSet[]> {
    return [...(await ruleSetsFor(ctx.db)).api.values()]
  }

  @Access(WRITERS)
  @Query(() => [DecisionArticleRef], { description: 'Articles of laws in force to cite as a decision’s legal basis (决策依据).' })
  async decisionBasisArticles(@Args(() => BasisSearchArgs) { text, first }: BasisSearchArgs, @Ctx() ctx: Context): Promise<DecisionArticleRef[]> {
    return searchBasisArticles(ctx.db, text, first)
  }

  @Access(WRITERS)
  @Mutation(() => Decision, { description: 'Creates a decision and lists it in its organisation’s catalogue of the year (legal advisors, admins).' })
  async createDecision(@Arg('input', () => DecisionInput, { description: 'The decision.' }) input: DecisionInput, @Ctx() ctx: Context): Promise<Decision> {
    const id = await createDecision(ctx.db, ctx.user, input)
    return (await findDecision(ctx.db, id, viewerOf(ctx.user)))!
  }

  @Access(WRITERS)
  @Mutation(() => Decision, { description: 'Replaces a decision’s facts, catalogue and legal basis (legal advisors, admins). Step records are never changed.' })
  async updateDecision(
    @Arg('id', () => ID, { description: 'Decision id.' }) id: string,
    @Arg('input', () => DecisionInput, { description: 'The new facts (every field is written).' }) input: DecisionInput,
    @Ctx() ctx: Context,
  ): Promise<Decision> {
    await updateDecision(ctx.db, ctx.user, id, input)
    return (await findDecision(ctx.db, id, viewerOf(ctx.user)))!
  }

  @Access(WRITERS)
  @Mutation(() => AppendStepRecordResult, { description: 'Appends a step record (程序记录), e.g. a legality-review opinion, performed by the signed-in person. To fix a record, append one with `correctsId`. The same clientId twice records once.' })
  async appendStepRecord(
    @Arg('input', () => AppendStepRecordInput, { description: 'The record.' }) input: AppendStepRecordInput,
    @Ctx() ctx: Context,
  ): Promise<AppendStepRecordResult> {
    const { id, created } = await appendStepRecord(ctx.db, ctx.user, input)
    const decision = (await findDecision(ctx.db, input.decisionId, viewerOf(ctx.user)))!
    return { record: decision.records.find(r => r.id === id)!, created, decision }
  }
}
