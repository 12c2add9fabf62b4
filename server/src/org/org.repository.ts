/**
 * Cypher of organisations that other features embed in their queries. Functions take the name the
 * caller's query gives the node, and name their own inner variables after it, so they never capture one
 * of the caller's.
 */

/** Map projection of an organisation bound to `o` (an `Organization`). */
export function orgProjection(o: string): string {
  return `${o} {.id, .name, .kind, sample: coalesce(${o}.sample, false), parentId: [(${o})-[:PART_OF]->(${o}_parent:Organization) | ${o}_parent.id][0]}`
}
