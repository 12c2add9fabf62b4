import type { Tx } from '../db/database'
import { badInput } from '../common/errors'

/**
 * Who may take a published quiz (its audience): everyone signed in when the trainer says so
 * (`z.openToAll`), else the members of its organisations — sub-units included — (`(z)-[:FOR]->(o)`) and
 * the people invited to a study session with it (`(s)-[:HAS_QUIZ]->(z)`).
 */

/**
 * Cypher condition: the person `$<personParam>` is in the audience of the quiz bound to `z`. Organisations
 * are followed up through PART_OF as far as the rest of the app does (five levels).
 */
export function inAudience(z: string, personParam: string): string {
  return `(coalesce(${z}.openToAll, false)
    OR EXISTS { (:Person {id: $${personParam}})-[:MEMBER_OF]->(:Organization)-[:PART_OF*0..5]->(:Organization)<-[:FOR]-(${z}) }
    OR EXISTS { (:Person {id: $${personParam}})-[:INVITED_TO]->(:StudySession)-[:HAS_QUIZ]->(${z}) })`
}

/**
 * Sets a quiz's audience inside the caller's transaction; an undefined part is left as it is. Unknown
 * organisations are refused (the transaction then writes nothing).
 */
export async function writeAudience(tx: Tx, quizId: string, audience: { openToAll?: boolean, organizationIds?: string[] }): Promise<void> {
  if (audience.openToAll !== undefined)
    await tx.run('MATCH (z:Quiz {id: $quizId}) SET z.openToAll = $openToAll', { quizId, openToAll: audience.openToAll })
  if (audience.organizationIds === undefined)
    return
  const ids = [...new Set(audience.organizationIds)]
  const [row] = await tx.run<{ missing: string[] }>(
    'RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Organization {id: id}) }] AS missing',
    { ids },
  )
  if (row && row.missing.length > 0)
    throw badInput(`单位不存在：${row.missing.join('、')} (audienceOrganizationIds: no such organisation): choose organisations from the list.`, { field: 'audienceOrganizationIds', missing: row.missing })
  await tx.run(
    `MATCH (z:Quiz {id: $quizId})
     OPTIONAL MATCH (z)-[f:FOR]->(:Organization)
     DELETE f
     WITH DISTINCT z
     UNWIND $ids AS oid
     MATCH (o:Organization {id: oid})
     CREATE (z)-[:FOR]->(o)`,
    { quizId, ids },
  )
}
