import type { Tx } from '../db/database'

/**
 * The writers of organisations and people: the sample seeds, account creation and the benchmark's data
 * generator all write these labels through here, so a change to the model is made once.
 */

/** An organisation (单位) and the one above it. */
export interface OrganizationRow {
  id: string
  name: string
  kind: string
  /** The organisation it is PART_OF; null at the top. */
  parentId: string | null
  sample?: boolean
  /** Benchmark data, so it can be told apart from real data. */
  synthetic?: boolean
}

/**
 * Creates or updates organisations and links each to its parent (a parent not in the database, or not
 * yet written, is skipped). Rows are written in order, so a parent listed first is found.
 */
export async function writeOrganizations(tx: Tx, rows: OrganizationRow[]): Promise<void> {
  if (rows.length === 0)
    return
  await tx.run(
    `UNWIND $rows AS r
     MERGE (o:Organization {id: r.id})
     SET o.name = r.name, o.kind = r.kind, o.sample = coalesce(r.sample, false), o.synthetic = r.synthetic`,
    { rows },
  )
  await tx.run(
    `UNWIND $rows AS r
     MATCH (o:Organization {id: r.id}), (parent:Organization {id: r.parentId})
     MERGE (o)-[:PART_OF]->(parent)`,
    { rows: rows.filter(r => r.parentId) },
  )
}

/** A person (干部) and the organisations they belong to, train and advise. */
export interface PersonRow {
  id: string
  name: string
  category: string
  /** MEMBER_OF; null for none. */
  organizationId: string | null
  /** Organisations a trainer TRAINS. */
  trains?: string[]
  /** Organisations a legal advisor ADVISES. */
  advises?: string[]
  sample?: boolean
  /** Benchmark data, so it can be told apart from real data. */
  synthetic?: boolean
}

/** Creates or updates people with their MEMBER_OF, TRAINS and ADVISES links (unknown organisations are skipped). */
export async function writePeople(tx: Tx, rows: PersonRow[]): Promise<void> {
  if (rows.length === 0)
    return
  await tx.run(
    `UNWIND $rows AS r
     MERGE (p:Person {id: r.id})
     SET p.name = r.name, p.category = r.category, p.sample = coalesce(r.sample, false), p.synthetic = r.synthetic
     WITH p, r
     CALL (p, r) {
       MATCH (o:Organization {id: r.organizationId})
       MERGE (p)-[:MEMBER_OF]->(o)
     }
     CALL (p, r) {
       UNWIND coalesce(r.trains, []) AS orgId
       MATCH (o:Organization {id: orgId})
       MERGE (p)-[:TRAINS]->(o)
     }
     CALL (p, r) {
       UNWIND coalesce(r.advises, []) AS orgId
       MATCH (o:Organization {id: orgId})
       MERGE (p)-[:ADVISES]->(o)
     }`,
    { rows },
  )
}
