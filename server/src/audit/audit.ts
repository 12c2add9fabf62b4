/**
 * The features' way to the audit trail's writer, which lives in db/audit.repository.ts so that auth/
 * (below audit/) can record its writes too. New code may import it from there directly.
 */
export type { AuditEntry } from '../db/audit.repository'
export { recordAudit } from '../db/audit.repository'
