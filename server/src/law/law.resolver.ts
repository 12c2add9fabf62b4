import type { GraphQLResolveInfo } from 'graphql'
import type { Context } from '../context'
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { badInput, notFound } from '../common/errors'
import { decodeCursor, pageInfo } from '../common/pagination'
import { selectedFields } from '../common/selection'
import { GraphNeighbourhood } from './law.graph.type'
import { LawImportReport } from './law.import.type'
import { ArticleSearchArgs, GraphArgs, ImportLawArgs, LawListArgs } from './law.input'
import { findArticle, findLaw, findToc, graphNeighbourhood, listLaws, listTopics, searchArticles } from './law.repository'
import { Article, ArticleSearchHit, Law, LawPage, LawToc, Topic } from './law.type'
import { importLawText } from './lawImport'
import { LawParseError } from './parse'

/** Roles that see every question stem and decision in the graph view; others (cadres) are restricted. */
const FULL_GRAPH_ROLES: string[] = [Role.TRAINER, Role.ADVISOR, Role.ADMIN]

@Resolver()
export class LawResolver {
  @Access('SIGNED_IN')
  @Query(() => LawPage, { description: 'The law library (法规库): laws by 效力级别 then title, or by relevance when searching titles.' })
  async laws(@Args(() => LawListArgs) { filter, first, after }: LawListArgs, @Ctx() { db }: Context): Promise<LawPage> {
    const skip = decodeCursor(after)
    const { total, items } = await listLaws(db, filter ?? {}, skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }

  @Access('SIGNED_IN')
  @Query(() => Law, { description: 'One law with its versions and relations. NOT_FOUND for an unknown id.' })
  async law(@Arg('id', () => ID, { description: 'Law id.' }) id: string, @Ctx() { db }: Context): Promise<Law> {
    const law = await findLaw(db, id)
    if (!law)
      throw notFound('法规 (law)', id)
    return law
  }

  @Access('SIGNED_IN')
  @Query(() => LawToc, { description: 'Table of contents (目录) and articles of one law version, as a division tree.' })
  async toc(@Arg('versionId', () => ID, { description: 'Version id, e.g. `legislation-law@2023-03-13`.' }) versionId: string, @Ctx() { db }: Context): Promise<LawToc> {
    const toc = await findToc(db, versionId)
    if (!toc)
      throw notFound('法规版本 (law version)', versionId)
    return toc
  }

  @Access('SIGNED_IN')
  @Query(() => Article, { description: 'One article (条) with its place, versions, citations and topics. NOT_FOUND for an unknown id, or when the version asked for does not contain it.' })
  async article(
    @Arg('id', () => ID, { description: 'Article id.' }) id: string,
    @Arg('versionId', () => ID, { nullable: true, description: 'Show the article as part of this version (an unchanged article belongs to several); default: current, else newest.' }) versionId: string | null,
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Article> {
    // Counting a topic's articles is most of this query's work: only when asked for.
    const article = await findArticle(db, id, versionId ?? null, { topicArticleCounts: selectedFields(info, ['topics']).has('articleCount') })
    if (!article)
      throw notFound('条文 (article)', versionId ? `${id} @ ${versionId}` : id)
    return article
  }

  @Access('SIGNED_IN')
  @Query(() => [ArticleSearchHit], { description: 'Full-text search (全文检索) of article text, captions and 要点: current versions first, then by relevance, with a highlighted snippet. The input is searched literally.' })
  async searchArticles(@Args(() => ArticleSearchArgs) { text, first }: ArticleSearchArgs, @Ctx() { db }: Context): Promise<ArticleSearchHit[]> {
    return searchArticles(db, text, first)
  }

  @Access('SIGNED_IN')
  @Query(() => GraphNeighbourhood, { description: 'The graph around a law, article or topic (法规图谱), up to two relationships away. NOT_FOUND for an unknown id.' })
  async graphNeighbourhood(@Args(() => GraphArgs) { id, depth }: GraphArgs, @Ctx() { db, user }: Context): Promise<GraphNeighbourhood> {
    const restricted = !user?.roles.some(r => FULL_GRAPH_ROLES.includes(r))
    const graph = await graphNeighbourhood(db, id, depth === 2 ? 2 : 1, restricted)
    if (!graph)
      throw notFound('法规、条文或知识点 (law, article or topic)', id)
    return graph
  }

  @Access('SIGNED_IN')
  @Query(() => [Topic], { description: 'Study topics (知识点) with how many articles are about each.' })
  async topics(@Ctx() { db }: Context): Promise<Topic[]> {
    return listTopics(db)
  }

  @Access([Role.ADMIN])
  @Mutation(() => LawImportReport, { description: 'Imports the text of one law file (admins): a new law, a new version, or nothing when exactly this text is already imported. A malformed file is refused with BAD_USER_INPUT listing every problem with its line (details.problems), and nothing is written; an accepted file may carry warnings.' })
  async importLaw(@Args(() => ImportLawArgs) { fileName, text }: ImportLawArgs, @Ctx() { db, user }: Context): Promise<LawImportReport> {
    try {
      // A changed text is announced to subscribers (the quiz flags questions on changed articles).
      return await importLawText(db, { fileName, content: text }, { actor: user })
    }
    catch (error) {
      if (error instanceof LawParseError)
        throw badInput(`法规文件无法导入 (law file refused): ${error.message}`, { file: error.file, line: error.line, reason: error.reason, problems: error.problems })
      throw error
    }
  }
}
