import type { Tx } from './database'

/**
 * The writer of the append-only audit trail (审计日志). It sits with the transactions, on the ground
 * floor, because every feature — auth's user writes included — records its entry inside its own write
 * transaction; audit/ (above auth/, since its query is for admins) reads the trail.
 */

/** Who did it, as the session states it; null for the server itself (e.g. the attempt timer). */
export interface AuditActor {
  id: string
  username: string
}

/** One entry of the append-only audit trail: who did which write to what. */
export interface AuditEntry {
  actor: AuditActor | null
  operation: string
  targetIds: string[]
}

/**
 * Records the entry inside the caller's write transaction, so the audit trail has an entry exactly when
 * the write committed. AuditEvent nodes are only ever created, never updated or deleted by the API.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.run(
    `CREATE (:AuditEvent {id: randomUUID(), at: datetime(), actorId: $actorId, actorUsername: $actorUsername,
       operation: $operation, targetIds: $targetIds})`,
    {
      actorId: entry.actor?.id ?? null,
      actorUsername: entry.actor?.username ?? null,
      operation: entry.operation,
      targetIds: entry.targetIds,
    },
  )
}
