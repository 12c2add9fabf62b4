import type { Database } from '../db/database'
import type { GraphNeighbourhood } from './law.graph.type'
import type { Article, ArticleRef, ArticleSearchHit, ArticleTextSource, Law, LawToc, Topic } from './law.type'
import type { TocArticleRow } from './toc'
import { int } from '../db/database'
import { LAW_LEVELS } from './importPlan'
import { fulltextPhraseQuery, fulltextQuery, highlightSnippet, queryTerms } from './search'
import { buildToc } from './toc'

/**
 * Reads of the law library. Each function is one round trip: one Cypher with map projections and
 * subqueries.
 */

/** Map projection of a LawVersion bound to `v`. */
function versionProjection(v: string): string {
  return `${v} {.id, .versionDate, .promulgatedOn, .effectiveFrom, .source, .partialNote,
    current: coalesce(${v}.current, false), textComplete: coalesce(${v}.textComplete, false),
    events: [i IN range(0, size(coalesce(${v}.events, [])) - 1) | {date: ${v}.eventDates[i], text: ${v}.events[i]}],
    preamble: coalesce(${v}.preamble, []),
    articleCount: COUNT { (${v})-[:CONTAINS]->(:Article) }}`
}

const LAW_REF = (l: string) => `${l} {.id, .title, .shortTitle}`

const LAW_PROJECTION = `l {.id, .title, .shortTitle, .level, .status, .statusNote, .issuer, .docNumber,
  textComplete: coalesce(l.textComplete, false),
  versions: COLLECT { MATCH (l)-[:HAS_VERSION]->(v:LawVersion) RETURN ${versionProjection('v')} ORDER BY v.versionDate },
  relations: [(l)-[r:IMPLEMENTS|REPLACES|BASED_ON]->(o:Law) | {type: type(r), outgoing: true, law: ${LAW_REF('o')}}]
           + [(o:Law)-[r:IMPLEMENTS|REPLACES|BASED_ON]->(l) | {type: type(r), outgoing: false, law: ${LAW_REF('o')}}]}`

/** Map projection of an ArticleRef for the article bound to `x`. */
function articleRef(x: string): string {
  return `${x} {.id, .number, .caption, .lawId,
    lawTitle: COLLECT { MATCH (lx:Law {id: ${x}.lawId}) RETURN lx.title }[0],
    lawShortTitle: COLLECT { MATCH (lx:Law {id: ${x}.lawId}) RETURN lx.shortTitle }[0],
    versionDate: COLLECT { MATCH (vx:LawVersion)-[:CONTAINS]->(${x}) RETURN vx.versionDate ORDER BY vx.versionDate DESC LIMIT 1 }[0],
    current: EXISTS { (:LawVersion {current: true})-[:CONTAINS]->(${x}) }}`
}

type LawRow = Omit<Law, 'currentVersion'>

function withCurrent(law: LawRow): Law {
  return { ...law, currentVersion: law.versions.find(v => v.current) ?? null }
}

/** Order of the law list: by 效力级别 (constitution first), then title. */
const LEVEL_RANK = Object.fromEntries(LAW_LEVELS.map((level, i) => [level, i]))

const LAW_FILTER = '($level IS NULL OR l.level = $level) AND ($status IS NULL OR l.status = $status)'

export async function listLaws(db: Database, filter: { level?: string | null, status?: string | null, text?: string | null }, skip: number, first: number): Promise<{ total: number, items: Law[] }> {
  const params = { level: filter.level ?? null, status: filter.status ?? null, skip: int(skip), first: int(first), ranks: LEVEL_RANK }
  const text = filter.text?.trim() ? fulltextPhraseQuery(filter.text) : null
  if (filter.text?.trim() && !text)
    return { total: 0, items: [] }
  const [row] = text
    ? await db.read<{ total: number, items: LawRow[] }>(
        `CALL db.index.fulltext.queryNodes('law_title_fulltext', $query) YIELD node AS l, score
         WHERE ${LAW_FILTER}
         WITH count(l) AS total
         RETURN total, COLLECT {
           CALL db.index.fulltext.queryNodes('law_title_fulltext', $query) YIELD node AS l, score
           WITH l, score WHERE ${LAW_FILTER}
           RETURN ${LAW_PROJECTION} AS item ORDER BY score DESC, l.title SKIP $skip LIMIT $first
         } AS items`,
        { ...params, query: text },
      )
    : await db.read<{ total: number, items: LawRow[] }>(
        `MATCH (l:Law) WHERE ${LAW_FILTER}
         WITH count(l) AS total
         RETURN total, COLLECT {
           MATCH (l:Law) WHERE ${LAW_FILTER}
           RETURN ${LAW_PROJECTION} AS item ORDER BY coalesce($ranks[l.level], 99), l.title SKIP $skip LIMIT $first
         } AS items`,
        params,
      )
  return { total: row?.total ?? 0, items: (row?.items ?? []).map(withCurrent) }
}

export async function findLaw(db: Database, id: string): Promise<Law | null> {
  const [row] = await db.read<{ law: LawRow }>(`MATCH (l:Law {id: $id}) RETURN ${LAW_PROJECTION} AS law`, { id })
  return row ? withCurrent(row.law) : null
}

type TocRow = TocArticleRow & { number: string, slug: string, caption: string | null, paragraphs: string[], summary: string | null, textSource: ArticleTextSource }

/** Table of contents and text of one version; the tree is built here from one query's flat rows. */
export async function findToc(db: Database, versionId: string): Promise<LawToc | null> {
  const [row] = await db.read<{ law: LawToc['law'], version: LawToc['version'], divisions: { id: string, parentId: string | null, kind: string, number: string, title: string, order: number }[], articles: TocRow[] }>(
    `MATCH (l:Law)-[:HAS_VERSION]->(v:LawVersion {id: $versionId})
     RETURN ${LAW_REF('l')} AS law, ${versionProjection('v')} AS version,
       COLLECT {
         MATCH (v)-[:HAS_DIVISION*1..4]->(d:Division)
         RETURN DISTINCT d {.id, .kind, .number, .title, .order, parentId: [(p:Division)-[:HAS_DIVISION]->(d) | p.id][0]}
       } AS divisions,
       COLLECT {
         MATCH (v)-[:CONTAINS]->(a:Article)
         RETURN a {.id, .number, .slug, .caption, .ordinal, .summary, .textSource,
           paragraphs: coalesce(a.paragraphs, []),
           divisionId: [(d:Division {versionId: v.id})-[:HAS_ARTICLE]->(a) | d.id][0]}
       } AS articles`,
    { versionId },
  )
  if (!row)
    return null
  const tree = buildToc(row.divisions, row.articles)
  const toDivision = (n: (typeof tree.divisions)[number]): LawToc['divisions'][number] => ({
    id: n.id,
    kind: n.kind as LawToc['divisions'][number]['kind'],
    number: n.number,
    title: n.title,
    articles: n.articles,
    children: n.children.map(toDivision),
  })
  return { law: row.law, version: row.version, divisions: tree.divisions.map(toDivision), articles: tree.looseArticles }
}

type ArticleRow = Omit<Article, 'path'> & { divisions: { id: string, kind: string, number: string, title: string }[] | null, versionMissing: boolean }

/**
 * One article in the version asked for (else the current or newest version containing it), with
 * its place, the same-number articles of the other versions, REPLACES both ways, citations both
 * ways and topics. Null when the article does not exist or the version asked for does not contain it.
 * `topicArticleCounts: false` leaves each topic's articleCount out (null): counting is the costly part,
 * and it is left out of the query text, since Neo4j evaluates a subquery inside CASE whatever the condition.
 */
export async function findArticle(db: Database, id: string, versionId: string | null, options: { topicArticleCounts?: boolean } = {}): Promise<Article | null> {
  const [row] = await db.read<{ article: ArticleRow }>(
    `MATCH (a:Article {id: $id})
     CALL (a) {
       OPTIONAL MATCH (v:LawVersion)-[:CONTAINS]->(a)
       WHERE $versionId IS NULL OR v.id = $versionId
       RETURN v ORDER BY v.current DESC, v.versionDate DESC LIMIT 1
     }
     OPTIONAL MATCH (l:Law {id: a.lawId})
     RETURN a {.id, .lawId, .slug, .number, .ordinal, .caption, .text, .summary,
       textSource: coalesce(a.textSource, 'OFFICIAL'),
       paragraphs: coalesce(a.paragraphs, []),
       unresolvedCitations: coalesce(a.unresolvedCitations, []),
       versionMissing: $versionId IS NOT NULL AND v IS NULL,
       law: ${LAW_REF('l')},
       version: CASE WHEN v IS NULL THEN null ELSE ${versionProjection('v')} END,
       divisions: [p = (v)-[:HAS_DIVISION*1..4]->(:Division)-[:HAS_ARTICLE]->(a) | [n IN nodes(p)[1..-1] | n {.id, .kind, .number, .title}]][0],
       otherVersions: COLLECT {
         MATCH (o:Article {lawId: a.lawId, slug: a.slug})<-[:CONTAINS]-(ov:LawVersion)
         WHERE v IS NULL OR ov <> v
         RETURN {articleId: o.id, versionId: ov.id, versionDate: ov.versionDate, current: coalesce(ov.current, false),
                 changed: o <> a, text: o.text} ORDER BY ov.versionDate
       },
       replaces: COLLECT { MATCH (a)-[:REPLACES]->(x:Article) RETURN ${articleRef('x')} },
       replacedBy: COLLECT { MATCH (x:Article)-[:REPLACES]->(a) RETURN ${articleRef('x')} },
       cites: COLLECT {
         MATCH (a)-[:CITES]->(t)
         RETURN CASE WHEN t:Law
           THEN {kind: 'LAW', id: t.id, lawId: t.id, lawTitle: t.title, number: null}
           ELSE {kind: 'ARTICLE', id: t.id, lawId: t.lawId, number: t.number,
                 lawTitle: COLLECT { MATCH (tl:Law {id: t.lawId}) RETURN tl.title }[0]}
         END AS c ORDER BY c.lawId = a.lawId DESC, c.lawId, t.ordinal
       },
       citedBy: COLLECT { MATCH (x:Article)-[:CITES]->(a) RETURN ${articleRef('x')} ORDER BY x.lawId, x.ordinal },
       topics: COLLECT {
         MATCH (a)-[:ABOUT]->(t:Topic)
         RETURN t {.id, .name, .nameEn, .description,
           articleCount: ${options.topicArticleCounts === false ? 'null' : 'COUNT { (t)<-[:ABOUT]-(:Article) }'}} ORDER BY t.name
       }
     } AS article`,
    { id, versionId },
  )
  if (!row || row.article.versionMissing)
    return null
  const { divisions, versionMissing: _missing, ...article } = row.article
  return {
    ...article,
    path: [
      { id: article.law.id, kind: 'LAW', number: null, title: article.law.title },
      ...(divisions ?? []).map(d => ({ id: d.id, kind: d.kind, number: d.number, title: d.title })),
    ],
  }
}

/**
 * Full-text search over article text, captions and 要点 via `article_text_fulltext` (cjk analyzer).
 * Articles of current versions come first, then by score; the snippet is computed here.
 */
export async function searchArticles(db: Database, text: string, first: number): Promise<ArticleSearchHit[]> {
  const query = fulltextQuery(text)
  if (!query)
    return []
  const rows = await db.read<{ article: ArticleRef, score: number, text: string | null, summary: string | null, caption: string | null }>(
    `CALL db.index.fulltext.queryNodes('article_text_fulltext', $query, {limit: $pool}) YIELD node AS a, score
     WITH a, score, EXISTS { (:LawVersion {current: true})-[:CONTAINS]->(a) } AS current
     ORDER BY current DESC, score DESC
     LIMIT $first
     RETURN ${articleRef('a')} AS article, score, a.text AS text, a.summary AS summary, a.caption AS caption`,
    { query, pool: int(Math.max(100, first * 5)), first: int(first) },
  )
  const terms = queryTerms(text)
  return rows.map((r) => {
    // Plain strings rather than the enum object: this module stays free of type-graphql imports.
    const official = 'OFFICIAL' as ArticleTextSource
    const fields: [string | null, ArticleTextSource][] = [[r.text, official], [r.caption, official], [r.summary, 'SUMMARY' as ArticleTextSource]]
    const [source, textSource] = fields.find(([f]) => f && terms.some(t => f.toLowerCase().includes(t)))
      ?? fields.find(([f]) => f)
      ?? ['', official]
    return { article: r.article, score: r.score, snippet: highlightSnippet(source ?? '', text), textSource }
  })
}

/** Most nodes a neighbourhood returns. */
export const GRAPH_NODE_LIMIT = 120

const GRAPH_TYPES = 'CITES|REPLACES|ABOUT|IMPLEMENTS|BASED_ON|CREATED_BY|TESTS'
const GRAPH_LABELS = 'x:Article OR x:Law OR x:Topic OR x:Decision OR x:Question OR x:StepRule'

/**
 * The graph within `depth` (1 or 2) relationships of a law, article or topic: citations,
 * replacements, topics, law relations, and the decisions, compliance rules and questions linked to
 * articles. Questions appear by id and a short label only (never answers or explanations); a
 * restricted viewer (cadre) sees no question stems, only published questions (a draft's id would tell
 * what an exam is going to ask), and only decisions the decision catalogue shows them.
 */
export async function graphNeighbourhood(db: Database, id: string, depth: 1 | 2, restricted: boolean): Promise<GraphNeighbourhood | null> {
  const pattern = depth === 2 ? `[:${GRAPH_TYPES}*1..2]` : `[:${GRAPH_TYPES}]`
  const [row] = await db.read<{ nodes: GraphNeighbourhood['nodes'], edges: GraphNeighbourhood['edges'] }>(
    `CALL {
       MATCH (n:Article {id: $id}) RETURN n
       UNION MATCH (n:Law {id: $id}) RETURN n
       UNION MATCH (n:Topic {id: $id}) RETURN n
     }
     WITH n LIMIT 1
     CALL (n) {
       OPTIONAL MATCH p = (n)-${pattern}-(m)
       WHERE all(x IN nodes(p) WHERE (${GRAPH_LABELS})
         AND (NOT x:Decision OR NOT $restricted OR (x.status IN ['PUBLISHED', 'ARCHIVED'] AND NOT coalesce(x.confidential, false)))
         AND (NOT x:Question OR NOT $restricted OR x.status = 'PUBLISHED'))
       WITH p LIMIT 1000
       UNWIND CASE WHEN p IS NULL THEN [] ELSE relationships(p) END AS r
       RETURN collect(DISTINCT r) AS rels
     }
     OPTIONAL MATCH (home:Law {id: n.lawId}) WHERE n:Article
     WITH n, rels, home,
          [n] + CASE WHEN home IS NULL THEN [] ELSE [home] END
              + reduce(acc = [], r IN rels | acc + [startNode(r), endNode(r)]) AS all
     UNWIND all AS x
     WITH n, rels, home, x, CASE WHEN x = n THEN 0 ELSE 1 END AS rank
     ORDER BY rank
     WITH n, rels, home, collect(DISTINCT x) AS xs
     CALL (xs) {
       UNWIND xs AS x
       OPTIONAL MATCH (lx:Law {id: x.lawId}) WHERE x:Article
       RETURN collect({
         id: x.id,
         kind: CASE WHEN x:Article THEN 'ARTICLE' WHEN x:Law THEN 'LAW' WHEN x:Topic THEN 'TOPIC'
                    WHEN x:Decision THEN 'DECISION' WHEN x:Question THEN 'QUESTION' ELSE 'STEP_RULE' END,
         label: CASE
           WHEN x:Article THEN coalesce(lx.shortTitle, lx.title, '') + ' ' + x.number
             + CASE WHEN EXISTS { (:LawVersion {current: true})-[:CONTAINS]->(x) } THEN ''
                    ELSE COLLECT { MATCH (vx:LawVersion)-[:CONTAINS]->(x) RETURN '（' + left(vx.versionDate, 4) + '）' ORDER BY vx.versionDate DESC LIMIT 1 }[0] END
           WHEN x:Law THEN coalesce(x.shortTitle, x.title)
           WHEN x:Topic THEN x.name
           WHEN x:Decision THEN coalesce(x.title, x.id)
           WHEN x:Question THEN CASE WHEN $restricted OR x.stem IS NULL THEN '题目' ELSE left(x.stem, 24) + CASE WHEN size(x.stem) > 24 THEN '…' ELSE '' END END
           ELSE left(coalesce(x.description, x.id), 24)
         END
       }) AS nodes
     }
     RETURN nodes,
       [r IN rels | {source: startNode(r).id, target: endNode(r).id, type: type(r)}]
       + CASE WHEN home IS NULL THEN [] ELSE [{source: n.id, target: home.id, type: 'IN_LAW'}] END AS edges`,
    { id, restricted },
  )
  if (!row)
    return null
  const nodes = row.nodes.filter(n => n.id).slice(0, GRAPH_NODE_LIMIT)
  const kept = new Set(nodes.map(n => n.id))
  const edges = row.edges.filter(e => kept.has(e.source) && kept.has(e.target))
  return { centerId: id, nodes, edges, truncated: nodes.length < row.nodes.length }
}

export async function listTopics(db: Database): Promise<Topic[]> {
  return db.read<Topic>(
    `MATCH (t:Topic)
     RETURN t.id AS id, t.name AS name, t.nameEn AS nameEn, t.description AS description,
            COUNT { (t)<-[:ABOUT]-(:Article) } AS articleCount
     ORDER BY t.name`,
  )
}
