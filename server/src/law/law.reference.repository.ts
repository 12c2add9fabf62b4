import type { Database, Tx } from '../db/database'
import type { LawRelationType } from './importPlan'
import { LAW_RELATION_TYPES } from './importPlan'

/**
 * Writes of the library's reference data around the texts: 要点 summaries, topics and their links
 * to articles, and the manifest's relations between laws.
 */

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

/** Creates or updates Topic nodes. */
export async function upsertTopics(db: Database, topics: { id: string, name: string, nameEn: string, description: string }[]): Promise<void> {
  await db.write(
    `UNWIND $topics AS topic
     MERGE (t:Topic {id: topic.id})
     SET t.name = topic.name, t.nameEn = topic.nameEn, t.description = topic.description`,
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
  await run(
    `UNWIND $pairs AS p
     MATCH (a:Article {id: p[0]}), (t:Topic {id: p[1]})
     MERGE (a)-[:ABOUT]->(t)`,
    { pairs },
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
