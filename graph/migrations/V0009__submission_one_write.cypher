// Submitting is one write (server/src/study/submission.ts). Idempotent.
// 1. Each item's result lives on its ANSWERED relationship, set as the answer is saved (an item never
//    answered scores 0); attempts submitted earlier kept it on ITEM: move it.
MATCH (t:Attempt)-[i:ITEM]->(q:Question) WHERE i.earned IS NOT NULL
CALL (t, i, q) {
  OPTIONAL MATCH (t)-[an:ANSWERED]->(q)
  FOREACH (x IN CASE WHEN an IS NULL THEN [] ELSE [an] END | SET x.earned = i.earned, x.correct = i.correct)
  REMOVE i.earned, i.correct
} IN TRANSACTIONS OF 10000 ROWS;
// 2. The submissionId a client generated is recorded on the attempt it submitted, once per database.
CREATE CONSTRAINT attempt_submission_id IF NOT EXISTS FOR (n:Attempt) REQUIRE n.submissionId IS UNIQUE;
// 3. which replaces the separate record of it.
MATCH (c:ClientSubmission) CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS;
DROP CONSTRAINT client_submission_id IF EXISTS;
