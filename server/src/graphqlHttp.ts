import type { ApolloServer } from '@apollo/server'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Buffer } from 'node:buffer'
import { randomUUID } from 'node:crypto'
import { HeaderMap } from '@apollo/server'
import express from 'express'
import proxyAddr from 'proxy-addr'
import { withRoundTripCounter } from './db/database'
import { logger } from './logger'

/**
 * `/graphql` served on Node's own HTTP server rather than through express, the way @apollo/server's own
 * standalone server does it (body-parser's JSON parser, then `executeHTTPGraphQLRequest`). Express 5's
 * router and request decoration cost about as much per request as Apollo's whole pipeline, and that is the
 * floor under every request of an exam's last minute (the measurement: tests/bench/README.md). Express
 * still serves `/health` and the web app.
 */

/** Whether a request is for the GraphQL endpoint (`/graphql`, with or without a query string). */
export function isGraphqlRequest(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0]!
  return path === '/graphql' || path.startsWith('/graphql/')
}

/** Response header carrying the request id (also in every error's `extensions.requestId`). */
export const REQUEST_ID_HEADER = 'x-request-id'

/** A new request id: random, so it reveals nothing about the server or its traffic. */
export function newRequestId(): string {
  return randomUUID()
}

function errorBody(code: string, message: string, requestId: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, requestId } }] })
}

/**
 * Puts the request id into each error of a GraphQL response body. Apollo writes `errors` first, so a
 * response without errors is recognised from its first bytes and passed through untouched.
 */
export function withRequestId(body: string, requestId: string): string {
  if (!body.startsWith('{"errors":'))
    return body
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: Record<string, unknown> }[] }
    for (const error of parsed.errors ?? [])
      error.extensions = { ...error.extensions, requestId }
    return JSON.stringify(parsed)
  }
  catch {
    return body
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

/**
 * A body the JSON parser refused: 413 for too large, 400 for anything else a client sent wrong, each with
 * a code and a message, as GraphQL errors are.
 */
export function bodyError(error: Error & { type?: string, status?: number, code?: string }, maxBody: string, requestId: string): { status: number, body: string } {
  // The browser went away mid-transfer (a closed tab, a phone that lost signal): nobody reads the answer.
  if (error.code === 'ECONNABORTED')
    return { status: 400, body: errorBody('BAD_REQUEST', '请求已中断 (request aborted by the client).', requestId) }
  if (error.type === 'entity.too.large')
    return { status: 413, body: errorBody('PAYLOAD_TOO_LARGE', `请求体过大 (request body larger than ${maxBody}).`, requestId) }
  if (error.type === 'entity.parse.failed')
    return { status: 400, body: errorBody('BAD_REQUEST', '请求不是有效的 JSON (request body is not valid JSON).', requestId) }
  if (error.status && error.status < 500)
    return { status: error.status, body: errorBody('BAD_REQUEST', error.message, requestId) }
  logger.error({ err: error, requestId }, 'unexpected HTTP error')
  return { status: 500, body: errorBody('INTERNAL_SERVER_ERROR', '服务器内部错误 (internal error).', requestId) }
}

/**
 * Builds a request's context; `ip()` gives the client's address (trusting a proxy on loopback only) —
 * a function, since finding it costs a system call and few operations need it; `requestId` is the id
 * the response and the log carry.
 */
export type ContextFactory<C> = (req: IncomingMessage, res: ServerResponse, ip: () => string, requestId: string) => Promise<C>

/**
 * The `/graphql` request handler. `countRoundTrips` counts each request's database round trips (for the
 * benchmark's header): off by default, since the counter is an AsyncLocalStorage, and using one makes
 * Node 20 run async hooks on every promise of every request.
 */
export function graphqlHandler<C extends object>(apollo: ApolloServer<C>, options: { maxBody: string, context: ContextFactory<C>, countRoundTrips?: boolean }): (req: IncomingMessage, res: ServerResponse) => void {
  const parseJson = express.json({ limit: options.maxBody })
  const run = options.countRoundTrips ? withRoundTripCounter : <T>(fn: () => T): T => fn()
  // The same rule as express's `trust proxy: loopback`: X-Forwarded-For counts only from a local proxy.
  const trust = proxyAddr.compile('loopback')
  return (req, res) => {
    const requestId = newRequestId()
    res.setHeader(REQUEST_ID_HEADER, requestId)
    parseJson(req, res, (error?: unknown) => {
      if (error) {
        const { status, body } = bodyError(error as Error, options.maxBody, requestId)
        send(res, status, body)
        return
      }
      const headers = new HeaderMap()
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined)
          headers.set(key, Array.isArray(value) ? value.join(', ') : value)
      }
      const url = req.url ?? ''
      const query = url.indexOf('?')
      void run(() => apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: query < 0 ? '' : url.slice(query),
          body: (req as IncomingMessage & { body?: unknown }).body,
        },
        context: () => options.context(req, res, () => proxyAddr(req, trust), requestId),
      })).then(async (response) => {
        for (const [key, value] of response.headers)
          res.setHeader(key, value)
        if (response.body.kind === 'complete') {
          const body = withRequestId(response.body.string, requestId)
          res.statusCode = response.status ?? 200
          res.setHeader('content-length', Buffer.byteLength(body))
          res.end(body)
          return
        }
        res.statusCode = response.status ?? 200
        for await (const chunk of response.body.asyncIterator)
          res.write(chunk)
        res.end()
      }).catch((failure: unknown) => {
        const { status, body } = bodyError(failure as Error, options.maxBody, requestId)
        if (res.headersSent)
          res.destroy()
        else
          send(res, status, body)
      })
    })
  }
}
