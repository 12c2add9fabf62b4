import type { DocumentNode, GraphQLFormattedError, GraphQLSchema, ValidationRule } from 'graphql'
import type { IncomingMessage, Server } from 'node:http'
import type { SessionRegistry } from '../auth/sessionState'
import type { Context, SessionUser } from '../context'
import { ServerResponse } from 'node:http'
import { getOperationAST, GraphQLError, parse, specifiedRules, validate } from 'graphql'
import { useServer } from 'graphql-ws/use/ws'
import { WebSocketServer } from 'ws'
import { readSession, readToken } from '../auth/session'
import { logger } from '../logger'

/**
 * GraphQL subscriptions over graphql-ws on the same port and path as `/graphql` (an HTTP upgrade of
 * `/graphql`). The same session as HTTP: a bearer token in connectionParams (`authorization: 'Bearer …'`
 * or `token`), else the HttpOnly session cookie of the upgrade request — the cookie only from this
 * site's own pages (Origin of the same host, or none), so another site cannot borrow a signed-in
 * browser's session. The same role checks run (the schema's `@Access`), the same query limits, and the
 * same error shaping. Only subscriptions are served here; queries and mutations go over HTTP.
 */

/**
 * What a connection carries: how to read its session (token or cookie, found when it opens). It is read
 * for each subscription with the same checks as HTTP (sessionState.ts), so a session that has ended
 * (signed out, password or roles changed, account disabled) starts nothing, even on a socket opened before.
 */
type SocketExtra = {
  session?: () => Promise<SessionUser | null>
}

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin)
    return true
  try {
    return new URL(origin).host === host
  }
  catch {
    return false
  }
}

/** Attaches the subscription endpoint to the HTTP server; returns its closer. */
export function attachLiveSocket(httpServer: Server, schema: GraphQLSchema, options: {
  key: Uint8Array
  /** The same session states HTTP requests are checked against (app.ts). */
  sessions: SessionRegistry
  validationRules: readonly ValidationRule[]
  maxTokens: number
  /** The same error shaping as HTTP (schema/formatError.ts). */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError
  context: (request: IncomingMessage, response: ServerResponse, user: SessionUser | null) => Context
}): { close: () => Promise<void> } {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' })
  const rules = [...specifiedRules, ...options.validationRules]
  const disposable = useServer<Record<string, unknown> | undefined, SocketExtra>({
    schema,
    onConnect: (ctx) => {
      const params = ctx.connectionParams ?? {}
      const header = typeof params.authorization === 'string' ? params.authorization : typeof params.Authorization === 'string' ? params.Authorization : null
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : typeof params.token === 'string' ? params.token : null
      const request = ctx.extra.request
      const cookieRequest = { headers: { cookie: request.headers.cookie } } as typeof request
      ctx.extra.session = token
        ? async () => readToken(token, options.key, options.sessions)
        : sameOrigin(request.headers.origin, request.headers.host)
          ? async () => readSession(cookieRequest, options.key, options.sessions)
          : async () => null
      // Anonymous connections are let in: each subscription then answers UNAUTHENTICATED, as HTTP does.
      return true
    },
    onSubscribe: async (ctx, _id, payload) => {
      let document: DocumentNode
      try {
        document = parse(payload.query, { maxTokens: options.maxTokens })
      }
      catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError(String(error))]
      }
      const errors = validate(schema, document, rules)
      if (errors.length > 0)
        return errors
      const operation = getOperationAST(document, payload.operationName)
      if (operation?.operation !== 'subscription')
        return [new GraphQLError('此连接只用于订阅，查询与修改请走 HTTP (only subscriptions over WebSocket; send queries and mutations over HTTP).', { extensions: { code: 'BAD_REQUEST' } })]
      const request = ctx.extra.request
      return {
        schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: options.context(request, new ServerResponse(request), await ctx.extra.session?.() ?? null),
      }
    },
    onNext: (_ctx, _id, _payload, _args, result) => {
      if (!result.errors)
        return
      return { ...result, errors: result.errors.map(error => options.formatError(error.toJSON(), error)) }
    },
    onError: (_ctx, _id, _payload, errors) => errors.map(error => options.formatError(error.toJSON(), error)),
  }, wss)
  wss.on('error', error => logger.warn({ err: error }, 'WebSocket server error'))
  return {
    close: async () => {
      await disposable.dispose()
      await new Promise<void>(resolve => wss.close(() => resolve()))
    },
  }
}
