// Marker of the loaded sample data version (seeds/seed.ts), so a restart does not reload it.
CREATE CONSTRAINT seed_run_id IF NOT EXISTS FOR (n:SeedRun) REQUIRE n.id IS UNIQUE;
