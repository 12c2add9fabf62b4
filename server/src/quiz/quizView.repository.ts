import { isoText } from '../db/database'

/**
 * Cypher of what a cadre sees of a quiz and of the articles its questions test, for other features to
 * embed (sessions, attempts, review cards). Functions take the name the caller's query gives the node,
 * and name their own inner variables after it, so they never capture one of the caller's.
 */

/** Map projection of an article bound to `a` as studied: official text, else the summary labelled 要点. */
export function articleProjection(a: string): string {
  return `${a} {
  .id, .lawId, .number, .caption,
  lawTitle: COLLECT { MATCH (${a}_law:Law {id: ${a}.lawId}) RETURN ${a}_law.title }[0],
  text: coalesce(${a}.text, ${a}.summary),
  textSource: CASE WHEN ${a}.text IS NOT NULL THEN 'OFFICIAL' ELSE 'SUMMARY' END,
  label: CASE WHEN ${a}.text IS NOT NULL THEN null ELSE '要点（非原文）' END
}`
}

/** Map projection of a quiz bound to `z` as a cadre may see it: settings and size, never questions or answers. */
export function quizSummaryProjection(z: string): string {
  return `${z} {
  .id, .title, .mode, .timeLimitSec, .passScore, .attemptsAllowed, .reveal,
  opensAt: ${isoText(`${z}.opensAt`)}, closesAt: ${isoText(`${z}.closesAt`)},
  questionCount: CASE ${z}.kind WHEN 'BLUEPRINT' THEN reduce(${z}_n = 0, ${z}_c IN [(${z})-[${z}_d:DRAWS]->() | ${z}_d.count] | ${z}_n + ${z}_c) ELSE COUNT { (${z})-[:INCLUDES]->() } END
}`
}
