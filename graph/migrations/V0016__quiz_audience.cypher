// Who may take a quiz (issue 16.8): a published quiz is for its audience — (z)-[:FOR]->(:Organization),
// sub-units included, and the people invited to a session with it — unless z.openToAll. Quizzes made
// before audiences existed were open to every signed-in user; they stay so, explicitly, until a trainer
// narrows them. Idempotent.
MATCH (z:Quiz) WHERE z.openToAll IS NULL SET z.openToAll = true;
