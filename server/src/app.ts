import type { ApolloServerPlugin } from '@apollo/server'
import type { NextFunction, Request, Response } from 'express'
import type { GraphQLSchema } from 'graphql'
import type { AddressInfo } from 'node:net'
import type { Config } from './config'
import type { Context } from './context'
import type { Database } from './db/database'
import { existsSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer'
import { ApolloArmor } from '@escape.tech/graphql-armor'
import express from 'express'
import { startExpirySweep } from './attempt/expirySweep'
import { followUpSettled } from './attempt/followUp'
import { LoginLimiter } from './auth/loginLimiter'
import { readSession, sessionKey } from './auth/session'
import { currentRoundTrips } from './db/database'
import { bodyError, graphqlHandler, isGraphqlRequest } from './graphqlHttp'
import { createLiveBus } from './live/liveBus'
import { LiveHub } from './live/liveHub'
import { attachLiveSocket } from './live/liveSocket'
import { logger } from './logger'
import { formatError } from './schema/formatError'

/** Largest request body accepted, in bytes; bigger bodies get 413. (3 MB: a 2 MB question import file, base64-encoded.) */
export const MAX_BODY = '3mb'

/** Limits every query must stay within (graphql-armor); exceeding one is a 400 with a clear message. */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 3000,
  maxCost: 20000,
}

/** A running HTTP server. */
export interface RunningServer {
  url: string
  port: number
  close: () => Promise<void>
}

/** Xuefa's server: with the live quiz's hub (tests move its clock and run its sweep). */
export interface AppServer extends RunningServer {
  live: LiveHub
}

/** What a caller may give the server besides its configuration. */
export interface ServerOptions {
  /** The clock of the live quiz's time decisions (tests inject one). */
  clock?: () => Date
}

/** Benchmark mode (XUEFA_BENCH=1): each response says how many database round trips it took. */
const roundTripHeader: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('x-db-round-trips', String(currentRoundTrips()))
      },
    }
  },
}

/**
 * Serves `/graphql`, `GET /health` and the built web app on one port. Stateless: run as many as needed
 * behind a load balancer (sessions are signed tokens; all state is in Neo4j).
 */
export async function startServer(config: Config, db: Database, schema: GraphQLSchema, port = config.PORT, options: ServerOptions = {}): Promise<AppServer> {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  const httpServer = http.createServer()
  // Keep idle connections longer than Node's 5 s default (and than load balancers' usual 60 s), so the
  // server never closes a keep-alive connection just as a client sends on it (the client sees ECONNRESET).
  httpServer.keepAliveTimeout = 65_000
  httpServer.headersTimeout = 66_000
  const production = config.NODE_ENV === 'production'

  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Token counting is done by graphql-js's own parser (parseOptions below): armor's version of it
    // fails inside Apollo's parser hook and turns into a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    blockFieldSuggestion: { enabled: production },
  })
  const protection = armor.protect()
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No HTTP caching of GraphQL responses (they are per user), so no cache hints: without this plugin
      // Apollo would also wrap every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(config.XUEFA_BENCH === '1' ? [roundTripHeader] : []),
    ],
  })
  await apollo.start()

  const auth = { key: sessionKey(config), limiter: new LoginLimiter(), addressLimiter: new LoginLimiter(30, 200), secureCookies: production }
  // Live quiz events: in-process, or through Redis across instances when REDIS_URL is set.
  const live = new LiveHub(db, await createLiveBus(config.REDIS_URL), options.clock)

  app.get('/health', async (_req, res) => {
    try {
      const database = await db.serverInfo()
      res.json({ ok: true, database })
    }
    catch (error) {
      logger.warn({ err: error }, 'health check failed')
      res.status(503).json({ ok: false, error: 'database unavailable' })
    }
  })

  const graphql = graphqlHandler(apollo, {
    maxBody: MAX_BODY,
    countRoundTrips: config.XUEFA_BENCH === '1',
    context: async (req, res, ip): Promise<Context> => {
      const user = await readSession(req, auth.key)
      let address: string | undefined
      return {
        db,
        config,
        req,
        res,
        clientIp: () => address ??= ip(),
        auth,
        user,
        live,
      }
    },
  })
  // Subscriptions: graphql-ws on the same port and path, the same session and checks (live/liveSocket.ts).
  const socket = attachLiveSocket(httpServer, schema, {
    key: auth.key,
    validationRules: protection.validationRules,
    maxTokens: QUERY_LIMITS.maxTokens,
    context: (req, res, user): Context => {
      let address: string | undefined
      return { db, config, req, res, clientIp: () => address ??= req.socket.remoteAddress ?? '', auth, user, live }
    },
  })
  // `/graphql` goes straight to Apollo (graphqlHttp.ts); express serves the rest.
  httpServer.on('request', (req, res) => isGraphqlRequest(req.url) ? graphql(req, res) : app(req, res))

  if (existsSync(path.join(config.WEB_DIST_DIR, 'index.html'))) {
    app.use(express.static(config.WEB_DIST_DIR, { index: false, maxAge: '1h' }))
    app.get(/^(?!\/graphql).*/, (_req, res) => {
      res.sendFile(path.join(config.WEB_DIST_DIR, 'index.html'))
    })
  }
  else {
    logger.warn({ dir: config.WEB_DIST_DIR }, 'web app not built (run `npm run build:web`); serving the API only')
  }

  // Request errors outside /graphql: a JSON error with a code instead of an HTML page.
  app.use((error: Error & { type?: string, status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const { status, body } = bodyError(error, MAX_BODY)
    res.status(status).type('application/json').send(body)
  })

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(port, config.HOST, () => resolve())
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new Error(`Port ${port} is already in use: stop what uses it or set PORT to a free port.`)
    throw error
  })
  const actual = (httpServer.address() as AddressInfo).port
  const url = `http://127.0.0.1:${actual}`
  // Submits quiz attempts whose time ran out, every 30 s (study feature).
  const stopExpirySweep = startExpirySweep(db)
  live.start()
  return {
    url,
    port: actual,
    live,
    close: async () => {
      stopExpirySweep()
      await socket.close()
      await live.stop()
      await apollo.stop()
      // Submissions taken are written; their follow-ups too, rather than left for the next start's sweep.
      await followUpSettled(db)
    },
  }
}
