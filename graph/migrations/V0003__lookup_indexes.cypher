// Range indexes for the filters the API offers (year, status, dates).
CREATE INDEX decision_decided_on IF NOT EXISTS FOR (n:Decision) ON (n.decidedOn);
CREATE INDEX law_level_status IF NOT EXISTS FOR (n:Law) ON (n.level, n.status);
CREATE INDEX article_law_slug IF NOT EXISTS FOR (n:Article) ON (n.lawId, n.slug);
CREATE INDEX question_status IF NOT EXISTS FOR (n:Question) ON (n.status);
CREATE INDEX study_session_starts IF NOT EXISTS FOR (n:StudySession) ON (n.startsAt);
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
