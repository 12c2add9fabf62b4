import type { Database } from '../db/database'
import type { AuditEvent } from './audit.type'
import { int } from '../db/database'

/** Reads the audit trail, newest first, in one round trip. */
export async function listAuditEvents(db: Database, skip: number, first: number): Promise<{ total: number, items: AuditEvent[] }> {
  const [row] = await db.read<{ total: number, items: AuditEvent[] }>(
    `MATCH (e:AuditEvent) WITH count(e) AS total
     RETURN total, COLLECT {
       MATCH (e:AuditEvent) RETURN e {.id, .actorId, .actorUsername, .operation, .targetIds, at: toString(e.at)} AS item
       ORDER BY e.at DESC, e.id SKIP $skip LIMIT $first
     } AS items`,
    { skip: int(skip), first: int(first) },
  )
  return row ?? { total: 0, items: [] }
}
