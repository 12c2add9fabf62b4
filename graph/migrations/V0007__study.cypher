// Study sessions, attempts and review cards (学习会、答卷、复习). Idempotent: IF NOT EXISTS.
// The expiry sweep finds attempts in progress whose deadline passed.
CREATE INDEX attempt_status_deadline IF NOT EXISTS FOR (n:Attempt) ON (n.status, n.deadline);
// A cadre's upcoming/past sessions and the trainer's list filter on the end time.
CREATE INDEX study_session_ends IF NOT EXISTS FOR (n:StudySession) ON (n.endsAt);
// Due review cards of a person: (:Person)-[r:REVIEWS]->(:Question) WHERE r.due <= now.
CREATE INDEX reviews_due IF NOT EXISTS FOR ()-[r:REVIEWS]-() ON (r.due);
