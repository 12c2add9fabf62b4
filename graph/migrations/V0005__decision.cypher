// Decision compliance (决策合规). Idempotent: IF NOT EXISTS.
// A step record sent twice by a client (same clientId, a UUID it generated) is recorded once: the write
// MERGEs on this constraint.
CREATE CONSTRAINT step_record_client_id IF NOT EXISTS FOR (n:StepRecord) REQUIRE n.clientId IS UNIQUE;
// Catalogue (决策事项目录) by year and the status filter of the decision list.
CREATE INDEX decision_catalogue_year IF NOT EXISTS FOR (n:DecisionCatalogue) ON (n.year);
CREATE INDEX decision_status IF NOT EXISTS FOR (n:Decision) ON (n.status);
