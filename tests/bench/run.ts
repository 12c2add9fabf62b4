import process from 'node:process'

/**
 * `npm run bench [-- --scale 0.05]`: the benchmark (tests/bench/bench.ts). The server's log level is
 * read when its logger module loads, so it is set here before the benchmark's modules are imported.
 */
process.env.LOG_LEVEL ??= 'warn'

import('./bench')
  .then(({ main }) => main(process.argv.slice(2)))
  .catch((error: unknown) => {
    console.error(`benchmark failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)
    process.exitCode = 1
  })
