import { loadConfig } from './config'
import { openRuntime } from './runtime'

/** `npm run graph:migrate`: applies pending migrations to the configured database, then exits. */
async function main(): Promise<void> {
  const runtime = await openRuntime(loadConfig())
  await runtime.close()
  console.log('migrations applied')
}

main().catch((error: unknown) => {
  console.error(`migration failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
