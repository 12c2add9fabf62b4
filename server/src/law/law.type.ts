import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql'
import { PageInfo } from '../common/pagination'

export enum LawLevel {
  CONSTITUTION = 'CONSTITUTION',
  LAW = 'LAW',
  ADMINISTRATIVE_REGULATION = 'ADMINISTRATIVE_REGULATION',
  JUDICIAL_INTERPRETATION = 'JUDICIAL_INTERPRETATION',
  LOCAL_REGULATION = 'LOCAL_REGULATION',
  GOVERNMENT_RULE = 'GOVERNMENT_RULE',
  NORMATIVE_DOCUMENT = 'NORMATIVE_DOCUMENT',
  PARTY_REGULATION = 'PARTY_REGULATION',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(LawLevel, {
  name: 'LawLevel',
  description: '效力级别: CONSTITUTION 宪法, LAW 法律, ADMINISTRATIVE_REGULATION 行政法规, JUDICIAL_INTERPRETATION 司法解释, LOCAL_REGULATION 地方性法规, GOVERNMENT_RULE 政府规章, NORMATIVE_DOCUMENT 规范性文件, PARTY_REGULATION 党内法规, UNKNOWN 待核定 (imported without manifest metadata; the text does not state its level).',
})

export enum LawStatus {
  IN_FORCE = 'IN_FORCE',
  AMENDED = 'AMENDED',
  REPEALED = 'REPEALED',
  NOT_YET_EFFECTIVE = 'NOT_YET_EFFECTIVE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(LawStatus, {
  name: 'LawStatus',
  description: '时效性: IN_FORCE 现行有效, AMENDED 已修改, REPEALED 已废止, NOT_YET_EFFECTIVE 尚未生效, UNKNOWN 待核定 (imported without manifest metadata).',
})

export enum DivisionKind {
  PART = 'PART',
  SUBPART = 'SUBPART',
  CHAPTER = 'CHAPTER',
  SECTION = 'SECTION',
}
registerEnumType(DivisionKind, { name: 'DivisionKind', description: 'PART 编, SUBPART 分编, CHAPTER 章, SECTION 节; an unnumbered heading (附则, 附件一, 一、受案范围) takes the kind of its level.' })

export enum LawVersionSource {
  CORPUS = 'CORPUS',
  SUMMARY = 'SUMMARY',
}
registerEnumType(LawVersionSource, {
  name: 'LawVersionSource',
  description: 'CORPUS: official text imported from the corpus. SUMMARY: no official text yet, only our 要点 summaries.',
})

export enum ArticleTextSource {
  OFFICIAL = 'OFFICIAL',
  SUMMARY = 'SUMMARY',
}
registerEnumType(ArticleTextSource, {
  name: 'ArticleTextSource',
  description: 'OFFICIAL: `text` is the official wording. SUMMARY: only `summary` (要点，非原文) is known.',
})

/** What every view of an article elsewhere (a question's, a study session's) starts with. */
@ObjectType({ description: 'What every view of an article elsewhere starts with (not a type of the API: its fields are inherited).' })
export abstract class ArticleHeading {
  @Field(() => ID, { description: 'Article id.' })
  id: string

  @Field(() => String, { description: 'Id of the law, e.g. major-decision-procedure.' })
  lawId: string

  @Field(() => String, { nullable: true, description: 'Title of the law.' })
  lawTitle: string | null

  @Field(() => String, { description: 'Article number, e.g. 第二十五条.' })
  number: string

  @Field(() => String, { nullable: true, description: 'Caption, when the law gives one.' })
  caption: string | null
}

export enum LawRelationType {
  IMPLEMENTS = 'IMPLEMENTS',
  REPLACES = 'REPLACES',
  BASED_ON = 'BASED_ON',
}
registerEnumType(LawRelationType, { name: 'LawRelationType', description: 'IMPLEMENTS 实施, REPLACES 取代, BASED_ON 依据.' })

export enum GraphNodeKind {
  LAW = 'LAW',
  ARTICLE = 'ARTICLE',
  TOPIC = 'TOPIC',
  DECISION = 'DECISION',
  QUESTION = 'QUESTION',
  STEP_RULE = 'STEP_RULE',
}
registerEnumType(GraphNodeKind, { name: 'GraphNodeKind', description: 'What a node of the law graph view is.' })

@ObjectType({ description: 'A dated line of a law version’s information block (通过/公布/修正/施行 …).' })
export class LawEvent {
  @Field(() => String, { description: 'ISO date (YYYY-MM-DD).' })
  date: string

  @Field(() => String, { description: 'The line as written in the text.' })
  text: string
}

@ObjectType({ description: 'A law named in a relation or a reference: id and titles only.' })
export class LawRef {
  @Field(() => ID, { description: 'Law id.' })
  id: string

  @Field(() => String, { description: 'Full title.' })
  title: string

  @Field(() => String, { nullable: true, description: 'Short title (简称), if any.' })
  shortTitle: string | null
}

@ObjectType({ description: 'One text of a law (版本), e.g. 立法法 2015 or 2023.' })
export class LawVersion {
  @Field(() => ID, { description: 'Version id: `<lawId>@<versionDate>`.' })
  id: string

  @Field(() => String, { description: 'Date identifying the text: its latest 通过/公布/修正/修订 date.' })
  versionDate: string

  @Field(() => String, { nullable: true, description: '公布 date of this text, when the text states it.' })
  promulgatedOn: string | null

  @Field(() => String, { nullable: true, description: '施行 date of this text, when the text states it.' })
  effectiveFrom: string | null

  @Field(() => Boolean, { description: 'Whether this is the current (latest) version.' })
  current: boolean

  @Field(() => LawVersionSource, { description: 'Official text from the corpus, or only 要点 summaries.' })
  source: LawVersionSource

  @Field(() => Boolean, { description: 'False when the text is incomplete (条文不完整) or only summarised.' })
  textComplete: boolean

  @Field(() => String, { nullable: true, description: 'What is missing, as the corpus file states it (for 条文不完整).' })
  partialNote: string | null

  @Field(() => [LawEvent], { description: 'Dated events of the information block.' })
  events: LawEvent[]

  @Field(() => [String], { description: '序言 (preamble) paragraphs; empty when the text has none.' })
  preamble: string[]

  @Field(() => Int, { description: 'Number of articles in this version.' })
  articleCount: number
}

@ObjectType({ description: 'A relation between two laws (实施/取代/依据).' })
export class LawRelation {
  @Field(() => LawRelationType, { description: 'Kind of relation.' })
  type: LawRelationType

  @Field(() => Boolean, { description: 'True when this law is the subject (this law IMPLEMENTS the other); false when the other law relates to this one.' })
  outgoing: boolean

  @Field(() => LawRef, { description: 'The other law.' })
  law: LawRef
}

@ObjectType({ description: 'A law, regulation or rule of the library (法规).' })
export class Law {
  @Field(() => ID, { description: 'Stable id, e.g. `major-decision-procedure`.' })
  id: string

  @Field(() => String, { description: 'Full title.' })
  title: string

  @Field(() => String, { nullable: true, description: 'Short title or 文号 short form.' })
  shortTitle: string | null

  @Field(() => LawLevel, { description: '效力级别.' })
  level: LawLevel

  @Field(() => LawStatus, { description: '时效性.' })
  status: LawStatus

  @Field(() => String, { nullable: true, description: 'Note on the status (e.g. what replaced it, or to verify before relying on it).' })
  statusNote: string | null

  @Field(() => String, { nullable: true, description: '制定机关.' })
  issuer: string | null

  @Field(() => String, { nullable: true, description: '文号, e.g. 国务院令第713号.' })
  docNumber: string | null

  @Field(() => Boolean, { description: 'Whether the current version’s text is complete; false shows 条文不完整.' })
  textComplete: boolean

  @Field(() => LawVersion, { nullable: true, description: 'The current version; null when only metadata is known.' })
  currentVersion: LawVersion | null

  @Field(() => [LawVersion], { description: 'All versions, oldest first.' })
  versions: LawVersion[]

  @Field(() => [LawRelation], { description: 'Relations to other laws, both directions.' })
  relations: LawRelation[]
}

@ObjectType({ description: 'A page of laws.' })
export class LawPage {
  @Field(() => [Law], { description: 'The laws.' })
  items: Law[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'An article in a table of contents, with its text for the reader.' })
export class TocArticle {
  @Field(() => ID, { description: 'Article id.' })
  id: string

  @Field(() => String, { description: 'Number as written, e.g. 第二十五条.' })
  number: string

  @Field(() => String, { description: 'URL-safe number: `25`, `10-1`.' })
  slug: string

  @Field(() => String, { nullable: true, description: 'Caption (条旨) in brackets after the number, if any.' })
  caption: string | null

  @Field(() => [String], { description: 'Paragraphs (款/项) of the official text; empty when only a summary is known.' })
  paragraphs: string[]

  @Field(() => String, { nullable: true, description: '要点: our own summary, not official text.' })
  summary: string | null

  @Field(() => ArticleTextSource, { description: 'Whether the official text or only a summary is known.' })
  textSource: ArticleTextSource
}

@ObjectType({ description: 'A 编/章/节 of a law version with its articles and sub-divisions.' })
export class Division {
  @Field(() => ID, { description: 'Division id: `<versionId>/c3-s1`.' })
  id: string

  @Field(() => DivisionKind, { description: 'PART 编, CHAPTER 章 or SECTION 节.' })
  kind: DivisionKind

  @Field(() => String, { description: 'Number as written, e.g. 第三章.' })
  number: string

  @Field(() => String, { description: 'Heading, e.g. 合法性审查; empty when the heading has none.' })
  title: string

  @Field(() => [TocArticle], { description: 'Articles directly in this division, in order.' })
  articles: TocArticle[]

  @Field(() => [Division], { description: 'Sub-divisions, in order.' })
  children: Division[]
}

@ObjectType({ description: 'Table of contents (目录) and text of one law version.' })
export class LawToc {
  @Field(() => LawRef, { description: 'The law.' })
  law: LawRef

  @Field(() => LawVersion, { description: 'The version.' })
  version: LawVersion

  @Field(() => [Division], { description: 'Top-level divisions.' })
  divisions: Division[]

  @Field(() => [TocArticle], { description: 'Articles outside any division (laws without chapters).' })
  articles: TocArticle[]
}

@ObjectType({ description: 'One step of an article’s place: the law, then 编/章/节.' })
export class ArticlePathItem {
  @Field(() => ID, { description: 'Law or division id.' })
  id: string

  @Field(() => String, { description: 'LAW, PART, CHAPTER or SECTION.' })
  kind: string

  @Field(() => String, { nullable: true, description: 'Number as written (第三章); null for the law.' })
  number: string | null

  @Field(() => String, { description: 'Title of the law or heading of the division.' })
  title: string
}

@ObjectType({ description: 'A short reference to an article.' })
export class ArticleRef {
  @Field(() => ID, { description: 'Article id.' })
  id: string

  @Field(() => String, { description: 'Number as written, e.g. 第二十五条.' })
  number: string

  @Field(() => String, { nullable: true, description: 'Caption, if any.' })
  caption: string | null

  @Field(() => ID, { description: 'Id of the article’s law.' })
  lawId: string

  @Field(() => String, { description: 'Title of the article’s law.' })
  lawTitle: string

  @Field(() => String, { nullable: true, description: 'Short title of the article’s law.' })
  lawShortTitle: string | null

  @Field(() => String, { nullable: true, description: 'Date of the newest version containing the article.' })
  versionDate: string | null

  @Field(() => Boolean, { description: 'Whether the current version of its law contains the article.' })
  current: boolean
}

@ObjectType({ description: 'The article with the same number in another version of the law.' })
export class ArticleVersionLink {
  @Field(() => ID, { description: 'Id of that article (the same id when the text did not change).' })
  articleId: string

  @Field(() => ID, { description: 'The version.' })
  versionId: string

  @Field(() => String, { description: 'Date of the version.' })
  versionDate: string

  @Field(() => Boolean, { description: 'Whether that version is current.' })
  current: boolean

  @Field(() => Boolean, { description: 'True when the text differs from the article shown.' })
  changed: boolean

  @Field(() => String, { nullable: true, description: 'Official text in that version, for comparison; null when only summarised.' })
  text: string | null
}

@ObjectType({ description: 'Where a citation in an article’s text leads: an article, or a whole law.' })
export class ArticleCitation {
  @Field(() => GraphNodeKind, { description: 'ARTICLE or LAW.' })
  kind: GraphNodeKind

  @Field(() => ID, { description: 'Id of the cited article or law.' })
  id: string

  @Field(() => ID, { description: 'Law id.' })
  lawId: string

  @Field(() => String, { description: 'Law title.' })
  lawTitle: string

  @Field(() => String, { nullable: true, description: 'Article number; null when a whole law is cited.' })
  number: string | null
}

@ObjectType({ description: 'A study topic (知识点), e.g. 合法性审查.' })
export class Topic {
  @Field(() => ID, { description: 'Topic id.' })
  id: string

  @Field(() => String, { description: 'Name (Chinese).' })
  name: string

  @Field(() => String, { nullable: true, description: 'Name in English.' })
  nameEn: string | null

  @Field(() => String, { nullable: true, description: 'What the topic covers (our words).' })
  description: string | null

  @Field(() => Int, { description: 'Number of articles about it.' })
  articleCount: number
}

@ObjectType({ description: 'An article (条) with its text, place, versions, citations and topics.' })
export class Article {
  @Field(() => ID, { description: 'Article id: `<lawId>/<slug>~<text hash>`; stable while number and text stay the same.' })
  id: string

  @Field(() => ID, { description: 'Law id.' })
  lawId: string

  @Field(() => String, { description: 'URL-safe number: `25`, `10-1`.' })
  slug: string

  @Field(() => String, { description: 'Number as written, e.g. 第二十五条.' })
  number: string

  @Field(() => Float, { description: 'Sortable position: 25, or 10.01 for 第十条之一.' })
  ordinal: number

  @Field(() => String, { nullable: true, description: 'Caption (条旨), if any.' })
  caption: string | null

  @Field(() => String, { nullable: true, description: 'Official text; null when only a summary is known.' })
  text: string | null

  @Field(() => [String], { description: 'Paragraphs (款/项) of the official text.' })
  paragraphs: string[]

  @Field(() => String, { nullable: true, description: '要点: our own summary, not official text.' })
  summary: string | null

  @Field(() => ArticleTextSource, { description: 'Whether the official text or only a summary is known.' })
  textSource: ArticleTextSource

  @Field(() => [String], { description: 'Citations in the text that match no article or law of the library, as written.' })
  unresolvedCitations: string[]

  @Field(() => LawRef, { description: 'The law.' })
  law: LawRef

  @Field(() => LawVersion, { nullable: true, description: 'The version shown (the one asked for, else the newest containing the article).' })
  version: LawVersion | null

  @Field(() => [ArticlePathItem], { description: 'Law › 编 › 章 › 节 in the version shown.' })
  path: ArticlePathItem[]

  @Field(() => [ArticleVersionLink], { description: 'The same-number article in the law’s other versions, oldest first.' })
  otherVersions: ArticleVersionLink[]

  @Field(() => [ArticleRef], { description: 'Older articles this one replaces (same number, changed text).' })
  replaces: ArticleRef[]

  @Field(() => [ArticleRef], { description: 'Newer articles that replace this one.' })
  replacedBy: ArticleRef[]

  @Field(() => [ArticleCitation], { description: 'Articles and laws this article cites.' })
  cites: ArticleCitation[]

  @Field(() => [ArticleRef], { description: 'Articles that cite this one.' })
  citedBy: ArticleRef[]

  @Field(() => [Topic], { description: 'Topics the article is about.' })
  topics: Topic[]
}

@ObjectType({ description: 'A full-text search hit.' })
export class ArticleSearchHit {
  @Field(() => ArticleRef, { description: 'The article.' })
  article: ArticleRef

  @Field(() => Float, { description: 'Relevance score (higher is better).' })
  score: number

  @Field(() => String, { description: 'HTML-escaped excerpt with matches wrapped in <mark>…</mark>; the only markup it contains.' })
  snippet: string

  @Field(() => ArticleTextSource, { description: 'Whether the excerpt is official text or a 要点 summary.' })
  textSource: ArticleTextSource
}
