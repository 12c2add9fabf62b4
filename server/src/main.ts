import type { Runtime } from './runtime'
import { seedReferenceData, seedSampleData } from '../../seeds/seed'
import { startServer } from './app'
import { ConfigError, loadConfig } from './config'
import { logger } from './logger'
import { openRuntime } from './runtime'
import { buildAppSchema } from './schema/schema'

/** `npm start`: database (embedded unless NEO4J_URI), migrations, sample data, API and web app on one port. */
async function main(): Promise<void> {
  const started = Date.now()
  const config = loadConfig()
  let runtime: Runtime | undefined
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  let shuttingDown = false
  const shutdown = async (signal: string) => {
    if (shuttingDown)
      return
    shuttingDown = true
    logger.info({ signal }, 'shutting down')
    await server?.close().catch(error => logger.error({ err: error }, 'error while draining requests'))
    await runtime?.close().catch(error => logger.error({ err: error }, 'error while closing the database'))
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))

  runtime = await openRuntime(config)
  await seedReferenceData(runtime.db, { lawCorpusDir: config.LAW_CORPUS_DIR })
  const seed = config.SEED_SAMPLE_DATA === 'true' || (config.SEED_SAMPLE_DATA === 'auto' && config.embedded)
  if (seed)
    await seedSampleData(runtime.db)
  const schema = await buildAppSchema()
  server = await startServer(config, runtime.db, schema)
  logger.info({ url: server.url, embedded: config.embedded, startupMs: Date.now() - started }, `Xuefa 学法 ready on ${server.url}`)
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof ConfigError)
    console.error(message)
  else
    console.error(`Xuefa could not start: ${message}`)
  process.exit(1)
})
