// The live meeting quiz (现场答题, server/src/live). Idempotent: IF NOT EXISTS.
CREATE CONSTRAINT live_run_id IF NOT EXISTS FOR (n:LiveRun) REQUIRE n.id IS UNIQUE;
// One row per answer a participant sent (changeable until the close): id `<runId>:<personId>:<clientId>`,
// so a resent answer is stored once.
CREATE CONSTRAINT live_answer_id IF NOT EXISTS FOR (n:LiveAnswer) REQUIRE n.id IS UNIQUE;
// Joining by code looks for a run not yet ended with that code.
CREATE INDEX live_run_join_code IF NOT EXISTS FOR (n:LiveRun) ON (n.joinCode, n.state);
// The timer's sweep finds open questions whose close is due.
CREATE INDEX live_run_state_closes IF NOT EXISTS FOR (n:LiveRun) ON (n.state, n.closesAt);
// A question's result reads its answers.
CREATE INDEX live_answer_question IF NOT EXISTS FOR (n:LiveAnswer) ON (n.runId, n.questionIndex);
