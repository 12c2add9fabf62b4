import { buildServer, SERVER_BUNDLE } from './serverBundle'

/** `npm run build:server` (and `npm start`): compiles the server unless its sources are unchanged. */
const started = Date.now()
buildServer({ force: process.argv.includes('--force') }).then((built) => {
  console.log(built ? `compiled ${SERVER_BUNDLE} in ${Date.now() - started} ms` : `${SERVER_BUNDLE} is up to date`)
}, (error: unknown) => {
  console.error(`Compiling the server failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
