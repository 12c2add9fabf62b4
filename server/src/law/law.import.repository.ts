import type { Database, Tx } from '../db/database'
import type { LawRelationType, LawVersionPlan, PlannedLaw, VersionArticles } from './importPlan'
import { LAW_RELATION_TYPES } from './importPlan'

/**
 * Writes of the law library (import, summaries, topics). Every function that takes a `Tx` runs inside
 * the caller's transaction, so one law version is imported all or nothing.
 */

/** Relationships that make up the law structure; every other relationship of an article is a link to keep. */
const STRUCTURAL = ['CONTAINS', 'HAS_ARTICLE', 'REPLACES']

/** Which of these content hashes belong to an imported CORPUS version. */
export async function readCorpusHashes(db: Database, hashes: string[]): Promise<string[]> {
  const rows = await db.read<{ hash: string }>(
    `MATCH (v:LawVersion) WHERE v.source = 'CORPUS' AND v.contentHash IN $hashes
     RETURN DISTINCT v.contentHash AS hash`,
    { hashes },
  )
  return rows.map(r => r.hash)
}

/** Id of a Law holding `title`, and the title of the Law whose id is `slug` (if any). */
export async function readLawIdentity(tx: Tx, title: string, slug: string): Promise<{ idWithSameTitle: string | null, slugTitle: string | null }> {
  const [row] = await tx.run<{ idWithSameTitle: string | null, slugTitle: string | null }>(
    `OPTIONAL MATCH (same:Law {title: $title})
     WITH same ORDER BY same.id LIMIT 1
     OPTIONAL MATCH (slugged:Law {id: $slug})
     RETURN same.id AS idWithSameTitle, slugged.title AS slugTitle`,
    { title, slug },
  )
  return row ?? { idWithSameTitle: null, slugTitle: null }
}

/** Stamp of one version inside a transaction (the skip decision is re-checked under the write). */
export async function readVersionStamp(tx: Tx, id: string): Promise<{ contentHash: string | null, source: string } | null> {
  const [row] = await tx.run<{ contentHash: string | null, source: string }>(
    'MATCH (v:LawVersion {id: $id}) RETURN v.contentHash AS contentHash, v.source AS source',
    { id },
  )
  return row ?? null
}

/** Creates or updates Law nodes (metadata only). */
export async function upsertLaws(tx: Tx | Database, laws: PlannedLaw[]): Promise<void> {
  const run = 'run' in tx ? tx.run.bind(tx) : tx.write.bind(tx)
  await run(
    `UNWIND $laws AS law
     MERGE (l:Law {id: law.id})
     SET l += law, l.textComplete = coalesce(l.textComplete, false)`,
    { laws },
  )
}

/** An article of a version about to be cleared. */
export interface ClearedArticle {
  id: string
  slug: string
  summary: string | null
  versionDate: string
}

/**
 * Removes the structure of the version `versionId` (if it exists) and of the law's SUMMARY versions
 * dated up to `summariesUpTo` (a text at least as new replaces what they summarised; a newer SUMMARY
 * version stays the current one): their divisions and CONTAINS edges. Those SUMMARY versions are
 * deleted. Returns the articles the cleared versions contained, for re-pointing.
 */
export async function clearVersions(tx: Tx, lawId: string, versionId: string, summariesUpTo: string | null): Promise<ClearedArticle[]> {
  const rows = await tx.run<{ id: string, articles: ClearedArticle[] }>(
    `MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion)
     WHERE v.id = $versionId OR (v.source = 'SUMMARY' AND v.versionDate <= $summariesUpTo)
     RETURN v.id AS id, [(v)-[:CONTAINS]->(a:Article) | a {.id, .slug, .summary, versionDate: v.versionDate}] AS articles`,
    { lawId, versionId, summariesUpTo },
  )
  const ids = rows.map(r => r.id)
  if (ids.length === 0)
    return []
  await tx.run(
    `MATCH (v:LawVersion) WHERE v.id IN $ids
     MATCH (v)-[:HAS_DIVISION*1..4]->(d:Division)
     WITH DISTINCT d DETACH DELETE d`,
    { ids },
  )
  await tx.run('MATCH (v:LawVersion)-[r:CONTAINS]->() WHERE v.id IN $ids DELETE r', { ids })
  await tx.run(
    `MATCH (v:LawVersion) WHERE v.id IN $ids AND v.id <> $versionId AND v.source = 'SUMMARY' DETACH DELETE v`,
    { ids, versionId },
  )
  return rows.flatMap(r => r.articles)
}

/** Writes the version node, its articles (merged by id: an unchanged article is shared) and its divisions. */
export async function writeVersion(tx: Tx, plan: LawVersionPlan): Promise<void> {
  await writeVersions(tx, [plan])
}

/**
 * Writes versions of laws, each as writeVersion says, in four statements for the lot (the one writer of
 * Law, LawVersion, Division and Article; the benchmark loads its synthetic library through it too).
 */
export async function writeVersions(tx: Tx, plans: LawVersionPlan[]): Promise<void> {
  if (plans.length === 0)
    return
  await tx.run(
    `UNWIND $plans AS p
     MERGE (l:Law {id: p.law.id})
     SET l += p.law
     MERGE (v:LawVersion {id: p.version.id})
     SET v += p.version
     MERGE (l)-[:HAS_VERSION]->(v)`,
    { plans: plans.map(({ law, version }) => ({ law, version })) },
  )
  await tx.run(
    `UNWIND $versions AS x
     MATCH (v:LawVersion {id: x.versionId})
     UNWIND x.articles AS a
     MERGE (n:Article {id: a.id})
     SET n.lawId = a.lawId, n.slug = a.slug, n.number = a.number, n.ordinal = a.ordinal, n.caption = a.caption,
         n.text = a.text, n.paragraphs = a.paragraphs, n.textSource = a.textSource,
         n.summary = CASE WHEN a.textSource = 'SUMMARY' THEN a.summary ELSE n.summary END
     MERGE (v)-[:CONTAINS]->(n)`,
    { versions: plans.map(plan => ({ versionId: plan.version.id, articles: plan.articles.map(({ divisionId: _d, ...a }) => a) })) },
  )
  const divisions = plans.flatMap(plan => plan.divisions)
  if (divisions.length > 0) {
    await tx.run(
      `UNWIND $divisions AS d
       MERGE (n:Division {id: d.id})
       SET n.versionId = d.versionId, n.kind = d.kind, n.number = d.number, n.ordinal = d.ordinal, n.title = d.title, n.order = d.order`,
      { divisions },
    )
    await tx.run(
      `UNWIND $divisions AS d
       MATCH (n:Division {id: d.id})
       MATCH (parent) WHERE (d.parentId IS NULL AND parent:LawVersion AND parent.id = d.versionId)
                         OR (d.parentId IS NOT NULL AND parent:Division AND parent.id = d.parentId)
       MERGE (parent)-[:HAS_DIVISION]->(n)`,
      { divisions: divisions.map(d => ({ id: d.id, parentId: d.parentId, versionId: d.versionId })) },
    )
  }
  const placed = plans.flatMap(plan => plan.articles).filter(a => a.divisionId !== null).map(a => ({ id: a.id, divisionId: a.divisionId }))
  if (placed.length > 0) {
    await tx.run(
      `UNWIND $placed AS p
       MATCH (d:Division {id: p.divisionId}), (a:Article {id: p.id})
       MERGE (d)-[:HAS_ARTICLE]->(a)`,
      { placed },
    )
  }
}

/**
 * Orders the versions of the law (or of each law) by date: the latest is `current`, each version
 * SUPERSEDES the one before it, and the Law's `textComplete` follows the current version.
 */
export async function orderVersions(tx: Tx, lawId: string | string[]): Promise<void> {
  await tx.run(
    `UNWIND $lawIds AS lawId
     MATCH (l:Law {id: lawId})
     CALL (l) {
       OPTIONAL MATCH (l)-[:HAS_VERSION]->(v:LawVersion)
       WITH l, v ORDER BY v.versionDate
       WITH l, collect(v) AS vs
       FOREACH (v IN vs | SET v.current = (v = last(vs)))
       SET l.textComplete = coalesce(last(vs).textComplete, false)
       WITH vs
       UNWIND range(0, size(vs) - 1) AS i
       WITH vs[i] AS v, CASE WHEN i > 0 THEN vs[i - 1] END AS older
       CALL (v, older) {
         MATCH (v)-[s:SUPERSEDES]->(x) WHERE older IS NULL OR x <> older
         DELETE s
       }
       WITH v, older WHERE older IS NOT NULL
       MERGE (v)-[:SUPERSEDES]->(older)
     }`,
    { lawIds: Array.isArray(lawId) ? lawId : [lawId] },
  )
}

/** Every version of the law with its article ids and slugs. */
export async function readVersionArticles(tx: Tx, lawId: string): Promise<VersionArticles[]> {
  return tx.run<VersionArticles>(
    `MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion)
     RETURN v.versionDate AS versionDate, [(v)-[:CONTAINS]->(a:Article) | a {.id, .slug}] AS articles`,
    { lawId },
  )
}

/** Makes the REPLACES edges among the law's articles exactly `pairs`. */
export async function setReplacements(tx: Tx, lawId: string, pairs: { from: string, to: string }[]): Promise<void> {
  await tx.run(
    `MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(:LawVersion)-[:CONTAINS]->(a:Article)-[r:REPLACES]->(b:Article)
     WHERE NOT [a.id, b.id] IN $pairs
     DELETE r`,
    { lawId, pairs: pairs.map(p => [p.from, p.to]) },
  )
  await tx.run(
    `UNWIND $pairs AS p
     MATCH (a:Article {id: p.from}), (b:Article {id: p.to})
     MERGE (a)-[:REPLACES]->(b)`,
    { pairs },
  )
}

/** Articles of the law that no version contains (kept earlier for their links). */
export async function readOrphanArticles(tx: Tx, lawId: string): Promise<{ id: string, slug: string }[]> {
  return tx.run(
    `MATCH (a:Article {lawId: $lawId}) WHERE a.slug IS NOT NULL AND NOT EXISTS { (:LawVersion)-[:CONTAINS]->(a) }
     RETURN a.id AS id, a.slug AS slug`,
    { lawId },
  )
}

/** Current-version article ids by slug. */
export async function readCurrentArticlesBySlug(tx: Tx, lawId: string): Promise<Map<string, { id: string, versionDate: string }>> {
  const rows = await tx.run<{ slug: string, id: string, versionDate: string }>(
    `MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion {current: true})-[:CONTAINS]->(a:Article)
     RETURN a.slug AS slug, a.id AS id, v.versionDate AS versionDate`,
    { lawId },
  )
  return new Map(rows.map(r => [r.slug, { id: r.id, versionDate: r.versionDate }]))
}

/** One article no version contains any more, and where its links go. */
export interface Retirement {
  from: string
  /** Same-number article of the current version, or null when there is none. */
  to: string | null
  /** Copy the retired article's `summary` when the target has none. */
  copySummary: boolean
}

/**
 * Moves every non-structural relationship of each retired article (TESTS, ABOUT, CREATED_BY,
 * BASED_ON, COVERS, incoming CITES …, whatever feature made it) onto its replacement, then deletes
 * the retired articles that are left without links. Returns the ids of retired articles kept because
 * they still carry links and have no replacement.
 */
export async function retireArticles(tx: Tx, retirements: Retirement[]): Promise<string[]> {
  if (retirements.length === 0)
    return []
  const moves = retirements.filter(r => r.to !== null)
  if (moves.length > 0) {
    await tx.run(
      `UNWIND $moves AS m
       MATCH (r:Article {id: m.from}), (t:Article {id: m.to})
       WHERE NOT EXISTS { (:LawVersion)-[:CONTAINS]->(r) }
       CALL (r, t) {
         MATCH (x)-[rel]->(r) WHERE NOT type(rel) IN $structural AND x <> t
         MERGE (x)-[moved:$(type(rel))]->(t)
         SET moved += properties(rel)
         DELETE rel
       }
       CALL (r, t) {
         MATCH (r)-[rel]->(y) WHERE NOT type(rel) IN $structural AND type(rel) <> 'CITES' AND y <> t
         MERGE (t)-[moved:$(type(rel))]->(y)
         SET moved += properties(rel)
         DELETE rel
       }
       SET t.summary = CASE WHEN t.summary IS NULL AND m.copySummary THEN r.summary ELSE t.summary END`,
      { moves, structural: STRUCTURAL },
    )
  }
  const rows = await tx.run<{ id: string, kept: boolean }>(
    `UNWIND $ids AS id
     MATCH (r:Article {id: id})
     WHERE NOT EXISTS { (:LawVersion)-[:CONTAINS]->(r) }
     WITH r, r.id AS id, EXISTS { (r)-[rel]-() WHERE NOT type(rel) IN $structural AND type(rel) <> 'CITES' } AS kept
     CALL (r, kept) {
       WITH r WHERE NOT kept
       DETACH DELETE r
     }
     RETURN id, kept`,
    { ids: retirements.map(r => r.from), structural: STRUCTURAL },
  )
  return rows.filter(r => r.kept).map(r => r.id)
}

/** Laws whose citations may point at `lawId`: they cite it or its articles, or have unresolved citations naming it. */
export async function readCitingLawIds(tx: Tx, lawId: string, titleKeys: string[]): Promise<string[]> {
  const rows = await tx.run<{ id: string }>(
    `CALL {
       MATCH (s:Article)-[:CITES]->(:Law {id: $lawId}) RETURN DISTINCT s.lawId AS id
       UNION
       MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(:LawVersion)-[:CONTAINS]->(:Article)<-[:CITES]-(s:Article) RETURN DISTINCT s.lawId AS id
       UNION
       MATCH (s:Article) WHERE s.unresolvedCitations IS NOT NULL
         AND any(u IN s.unresolvedCitations WHERE any(k IN $keys WHERE u CONTAINS k))
       RETURN DISTINCT s.lawId AS id
     }
     RETURN id`,
    { lawId, keys: titleKeys },
  )
  return rows.map(r => r.id).filter(id => id !== lawId)
}

/** Every Law's id and titles, for resolving cited titles. */
export async function readLawTitles(tx: Tx): Promise<{ id: string, title: string, shortTitle: string | null }[]> {
  return tx.run('MATCH (l:Law) RETURN l.id AS id, l.title AS title, l.shortTitle AS shortTitle')
}

/** Articles of the laws with their text, each with the newest version containing it (its `本法` context). */
export async function readCitingArticles(tx: Tx, lawIds: string[]): Promise<{ id: string, lawId: string, text: string | null, homeId: string }[]> {
  return tx.run(
    `UNWIND $lawIds AS lawId
     MATCH (:Law {id: lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article)
     WITH lawId, a, v ORDER BY v.versionDate DESC
     WITH lawId, a, collect(v)[0] AS home
     RETURN a.id AS id, lawId, a.text AS text, home.id AS homeId`,
    { lawIds },
  )
}

/** `[number, articleId]` pairs of each version. */
export async function readVersionNumbers(tx: Tx, versionIds: string[]): Promise<Map<string, [string, string][]>> {
  const rows = await tx.run<{ id: string, numbers: [string, string][] }>(
    `UNWIND $versionIds AS id
     MATCH (:LawVersion {id: id})-[:CONTAINS]->(a:Article)
     RETURN id, collect([a.number, a.id]) AS numbers`,
    { versionIds },
  )
  return new Map(rows.map(r => [r.id, r.numbers]))
}

/** `[lawId, number, articleId]` of the current versions of the laws. */
export async function readCurrentArticles(tx: Tx, lawIds: string[]): Promise<[string, string, string][]> {
  const rows = await tx.run<{ row: [string, string, string] }>(
    `UNWIND $lawIds AS lawId
     MATCH (:Law {id: lawId})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article)
     RETURN [lawId, a.number, a.id] AS row`,
    { lawIds },
  )
  return rows.map(r => r.row)
}

/** Replaces the outgoing CITES and `unresolvedCitations` of the given articles. */
export async function writeCitations(tx: Tx, rows: { id: string, articles: string[], laws: string[], unresolved: string[] }[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Article {id: row.id})
     SET a.unresolvedCitations = CASE WHEN size(row.unresolved) = 0 THEN null ELSE row.unresolved END
     WITH a
     MATCH (a)-[c:CITES]->()
     DELETE c`,
    { rows },
  )
  await tx.run(
    `UNWIND $rows AS row
     MATCH (a:Article {id: row.id})
     CALL (a, row) {
       UNWIND row.articles AS targetId
       MATCH (t:Article {id: targetId})
       MERGE (a)-[:CITES]->(t)
     }
     CALL (a, row) {
       UNWIND row.laws AS lawId
       MATCH (l:Law {id: lawId})
       MERGE (a)-[:CITES]->(l)
     }`,
    { rows: rows.filter(r => r.articles.length > 0 || r.laws.length > 0) },
  )
}

/** Sets `summary` (要点) on the articles of one version by number; articles without an entry keep what they have. */
export async function attachSummaries(tx: Tx | Database, versionId: string, summaries: Record<string, string>): Promise<void> {
  const run = 'run' in tx ? tx.run.bind(tx) : tx.write.bind(tx)
  await run(
    `MATCH (:LawVersion {id: $versionId})-[:CONTAINS]->(a:Article)
     WITH a, $summaries[a.number] AS summary
     WHERE summary IS NOT NULL
     SET a.summary = summary`,
    { versionId, summaries },
  )
}

/** A knowledge point (知识点); `synthetic` marks benchmark data. */
export interface TopicRow {
  id: string
  name: string
  nameEn: string
  description: string
  synthetic?: boolean
}

/** Creates or updates Topic nodes (the one writer of Topic). */
export async function upsertTopics(tx: Tx | Database, topics: TopicRow[]): Promise<void> {
  const run = 'run' in tx ? tx.run.bind(tx) : tx.write.bind(tx)
  await run(
    `UNWIND $topics AS topic
     MERGE (t:Topic {id: topic.id})
     SET t.name = topic.name, t.nameEn = topic.nameEn, t.description = topic.description, t.synthetic = topic.synthetic`,
    { topics },
  )
}

/** A topic link of seeds/topics.json, flattened. `version` is a date prefix, or null for the current version. */
export interface TopicLink {
  topicId: string
  lawId: string
  number: string
  version: string | null
}

/**
 * Makes the ABOUT edges between the laws' articles and the seeded topics exactly what `links` give
 * (current version, or the version whose date starts with `version`). Edges to other topics are left alone.
 */
export async function syncTopicLinks(tx: Tx | Database, lawIds: string[], topicIds: string[], links: TopicLink[]): Promise<void> {
  const run = 'run' in tx ? tx.run.bind(tx) : tx.write.bind(tx)
  const wanted = await run<{ pair: [string, string] }>(
    `UNWIND $links AS link
     MATCH (:Law {id: link.lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article {number: link.number})
     WHERE (link.version IS NULL AND v.current) OR (link.version IS NOT NULL AND v.versionDate STARTS WITH link.version)
     RETURN DISTINCT [a.id, link.topicId] AS pair`,
    { links: links.filter(l => lawIds.includes(l.lawId)) },
  )
  const pairs = wanted.map(w => w.pair)
  await run(
    `UNWIND $lawIds AS lawId
     MATCH (:Law {id: lawId})-[:HAS_VERSION]->(:LawVersion)-[:CONTAINS]->(a:Article)-[r:ABOUT]->(t:Topic)
     WHERE t.id IN $topicIds AND NOT [a.id, t.id] IN $pairs
     DELETE r`,
    { lawIds, topicIds, pairs },
  )
  await writeTopicLinks(tx, pairs.map(([articleId, topicId]) => ({ articleId, topicId })))
}

/** Links articles to topics (ABOUT); the one writer of that link. Unknown ids are skipped. */
export async function writeTopicLinks(tx: Tx | Database, links: { articleId: string, topicId: string }[]): Promise<void> {
  if (links.length === 0)
    return
  const run = 'run' in tx ? tx.run.bind(tx) : tx.write.bind(tx)
  await run(
    `UNWIND $links AS l
     MATCH (a:Article {id: l.articleId}), (t:Topic {id: l.topicId})
     MERGE (a)-[:ABOUT]->(t)`,
    { links },
  )
}

/** Makes the manifest relations (IMPLEMENTS/REPLACES/BASED_ON) among the given laws exactly `relations`. */
export async function syncLawRelations(db: Database, lawIds: string[], relations: { from: string, type: LawRelationType, to: string }[]): Promise<void> {
  await db.write(
    `MATCH (a:Law)-[r]->(b:Law)
     WHERE a.id IN $lawIds AND type(r) IN $types AND NOT [a.id, type(r), b.id] IN $wanted
     DELETE r`,
    { lawIds, types: [...LAW_RELATION_TYPES], wanted: relations.map(r => [r.from, r.type, r.to]) },
  )
  await db.write(
    `UNWIND $relations AS rel
     MATCH (a:Law {id: rel.from}), (b:Law {id: rel.to})
     MERGE (a)-[:$(rel.type)]->(b)`,
    { relations },
  )
}

/** Manifest laws that have no version at all. */
export async function readLawsWithoutVersions(db: Database, lawIds: string[]): Promise<string[]> {
  const rows = await db.read<{ id: string }>(
    `UNWIND $lawIds AS id
     MATCH (l:Law {id: id}) WHERE NOT EXISTS { (l)-[:HAS_VERSION]->(:LawVersion) }
     RETURN l.id AS id`,
    { lawIds },
  )
  return rows.map(r => r.id)
}

/** Id of the version of a law with this date, if imported. */
export async function readVersionIdByDate(db: Database, lawId: string, versionDate: string): Promise<string | null> {
  const [row] = await db.read<{ id: string }>(
    'MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion {versionDate: $versionDate}) RETURN v.id AS id',
    { lawId, versionDate },
  )
  return row?.id ?? null
}
