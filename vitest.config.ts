import { createRequire } from 'node:module'
import { defineConfig } from 'vitest/config'

// graphql 16 ships CJS (main) and ESM (module) builds; Node loads the CJS one for type-graphql and
// Apollo, so tests must use the same copy or schema objects come from "another realm".
const graphqlCjs = createRequire(import.meta.url).resolve('graphql')

// Unit tests live beside the code and need no database; integration, API and browser tests share one
// real Neo4j started once by the global setup (or NEO4J_URI when set).
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'seeds/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/bench/**/*.unit.test.ts'],
          environment: 'node',
          setupFiles: ['reflect-metadata'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/{integration,api,e2e}/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['reflect-metadata'],
          globalSetup: ['tests/setup/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Fault drills: their own database and server processes, killed and restarted (no global setup).
          name: 'drill',
          include: ['tests/drill/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['reflect-metadata'],
          testTimeout: 1_200_000,
          hookTimeout: 1_200_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
