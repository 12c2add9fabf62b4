/**
 * Who may read which decision, as Cypher conditions the decision repositories share, and the
 * organisation projection they return.
 */
import type { SessionUser } from '../context'

/** Who is reading: cadres see only published, non-confidential decisions (enforced in every query here). */
export interface DecisionViewer {
  /** True for a viewer who may read only PUBLISHED/ARCHIVED decisions that are not confidential. */
  restricted: boolean
}

/** Roles that read every decision; anyone else (a cadre) is restricted. */
export function viewerOf(user: SessionUser | null): DecisionViewer {
  const full = ['ADVISOR', 'ADMIN', 'TRAINER']
  return { restricted: !user || !user.roles.some(role => full.includes(role)) }
}

/** Cypher condition a decision `d` must meet for the viewer (`$restricted` parameter). */
export function visible(d: string): string {
  return `(NOT $restricted OR (${d}.status IN ['PUBLISHED', 'ARCHIVED'] AND NOT coalesce(${d}.confidential, false)))`
}

/** Map projection of an organisation bound to `o` (may be null). */
export function orgProjection(o: string): string {
  return `CASE WHEN ${o} IS NULL THEN null ELSE ${o} {.id, .name, .kind, sample: coalesce(${o}.sample, false),
  parentId: [(${o})-[:PART_OF]->(parent:Organization) | parent.id][0]} END`
}
