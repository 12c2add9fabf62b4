import type { SessionUser } from '../context'
import type { Tx } from '../db/database'

/** One entry of the append-only audit trail: who did which write to what. */
export interface AuditEntry {
  actor: SessionUser | null
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
