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
import { HashGate } from './auth/hashGate'
import { LoginThrottle } from './auth/loginThrottle'
import { readSession, sessionKey } from './auth/session'
import { SESSION_STATE_TTL_MS, SessionRegistry } from './auth/sessionState'
import { readSessionStates } from './auth/user.repository'
import { ErrorCode } from './common/errors'
import { currentRoundTrips } from './db/database'
import { bodyError, graphqlHandler, isGraphqlRequest, newRequestId, REQUEST_ID_HEADER } from './graphqlHttp'
import { onLawsChanged } from './law/lawEvents'
import { createLiveBus } from './live/liveBus'
import { LiveHub } from './live/liveHub'
import { attachLiveSocket } from './live/liveSocket'
import { logger } from './logger'
import { flagQuestionsOnLawChange } from './quiz/lawChangeSubscriber'
import { errorFormatter, unexpectedCause } from './schema/formatError'
import { securityHeaders } from './securityHeaders'
import { webApp } from './web/staticFiles'

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

/** What tests may replace. */
export interface ServerOptions {
  /**
   * The server's one clock (milliseconds, as Date.now): session checks, login throttling and every time
   * decision of the live quiz read it.
   */
  now?: () => number
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
 * Logs each unexpected error of a request once, with the request id its response carries, so an
 * operator finds the stack of what a user reports.
 */
const logUnexpectedErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          const cause = unexpectedCause(error)
          if (cause !== undefined)
            logger.error({ err: cause, requestId: contextValue.requestId, operationName, path: error.path }, 'unexpected error in a resolver')
        }
      },
    }
  },
}

/**
 * A response whose errors say the database is unavailable is HTTP 503 with Retry-After, so clients and
 * load balancers treat it as the retryable outage it is.
 */
const unavailableStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined
        if (errors?.some(error => error.extensions?.code === ErrorCode.DATABASE_UNAVAILABLE)) {
          response.http.status = 503
          response.http.headers.set('retry-after', '2')
        }
      },
    }
  },
}

/** `/health` answers within this time even when the database hangs. */
const HEALTH_TIMEOUT_MS = 800

/**
 * Serves `/graphql`, `GET /health` and the built web app on one port. Stateless: run as many as needed
 * behind a load balancer (sessions are signed tokens; all state is in Neo4j).
 */
export async function startServer(config: Config, db: Database, schema: GraphQLSchema, port = config.PORT, options: ServerOptions = {}): Promise<AppServer> {
  const now = options.now ?? Date.now
  // A law imported through the API may change articles that questions test: the quiz reviews them.
  onLawsChanged(flagQuestionsOnLawChange)
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
    formatError: errorFormatter(config.XUEFA_DEBUG),
    introspection: !production,
    includeStacktraceInErrorResponses: config.XUEFA_DEBUG,
    csrfPrevention: true,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      logUnexpectedErrors,
      // No HTTP caching of GraphQL responses (they are per user), so no cache hints: without this plugin
      // Apollo would also wrap every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      // No landing page: Apollo's needs inline scripts from a CDN, which the API's CSP forbids (and a
      // closed network cannot reach). Development tools use introspection instead.
      ApolloServerPluginLandingPageDisabled(),
      unavailableStatus,
      ...(config.XUEFA_BENCH === '1' ? [roundTripHeader] : []),
    ],
  })
  await apollo.start()

  const sessions = new SessionRegistry(userIds => readSessionStates(db, userIds), SESSION_STATE_TTL_MS, now)
  const auth = { key: sessionKey(config), throttle: new LoginThrottle(now), hashes: new HashGate(), sessions, secureCookies: production }
  // Live quiz events: in-process, or through Redis across instances when REDIS_URL is set.
  const live = new LiveHub(db, await createLiveBus(config.REDIS_URL), () => new Date(now()))

  // Answers within a second: at once while the database is known to be down (503 with the reason and
  // since when), else after one query bounded by HEALTH_TIMEOUT_MS.
  app.get('/health', async (_req, res) => {
    const availability = db.availability()
    if (!availability.up) {
      res.status(503).json({ ok: false, error: 'database unavailable', reason: availability.reason, since: availability.since })
      return
    }
    let timer: NodeJS.Timeout | undefined
    try {
      const database = await Promise.race([
        db.serverInfo(),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS)
        }),
      ])
      res.json({ ok: true, database })
    }
    catch (error) {
      logger.warn({ err: error }, 'health check failed')
      res.status(503).json({ ok: false, error: 'database unavailable', reason: error instanceof Error ? error.message.split('\n')[0] : String(error) })
    }
    finally {
      clearTimeout(timer)
    }
  })

  const graphql = graphqlHandler(apollo, {
    maxBody: MAX_BODY,
    countRoundTrips: config.XUEFA_BENCH === '1',
    context: async (req, res, ip, requestId): Promise<Context> => {
      const user = await readSession(req, auth.key, sessions)
      let address: string | undefined
      return {
        db,
        config,
        req,
        res,
        clientIp: () => address ??= ip(),
        requestId,
        auth,
        user,
        live,
      }
    },
  })
  // Subscriptions: graphql-ws on the same port and path, the same session checks, limits and error
  // shaping (live/liveSocket.ts).
  const socket = attachLiveSocket(httpServer, schema, {
    key: auth.key,
    sessions,
    validationRules: protection.validationRules,
    maxTokens: QUERY_LIMITS.maxTokens,
    formatError: errorFormatter(config.XUEFA_DEBUG),
    context: (req, res, user): Context => {
      let address: string | undefined
      return { db, config, req, res, clientIp: () => address ??= req.socket.remoteAddress ?? '', requestId: newRequestId(), auth, user, live }
    },
  })
  // `/graphql` goes straight to Apollo (graphqlHttp.ts); express serves the rest. Both get the security
  // headers first (helmet never fails, so `next` is always called). WebSocket upgrades of `/graphql`
  // never reach this handler (the `upgrade` event goes to the socket above).
  httpServer.on('request', (req, res) => {
    if (isGraphqlRequest(req.url))
      securityHeaders.api(req, res, () => graphql(req, res))
    else
      securityHeaders.web(req, res, () => app(req, res))
  })

  if (existsSync(path.join(config.WEB_DIST_DIR, 'index.html'))) {
    app.use(webApp(config.WEB_DIST_DIR))
  }
  else {
    logger.warn({ dir: config.WEB_DIST_DIR }, 'web app not built (run `npm run build:web`); serving the API only')
  }

  // Request errors outside /graphql: a JSON error with a code and the request id instead of an HTML page.
  app.use((error: Error & { type?: string, status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = newRequestId()
    res.setHeader(REQUEST_ID_HEADER, requestId)
    const { status, body } = bodyError(error, MAX_BODY, requestId)
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
