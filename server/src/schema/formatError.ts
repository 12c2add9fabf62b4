import type { GraphQLFormattedError } from 'graphql'
import { unwrapResolverError } from '@apollo/server/errors'
import { GraphQLError } from 'graphql'
import { Neo4jError } from 'neo4j-driver'
import { ErrorCode } from '../common/errors'
import { DatabaseUnavailableError } from '../db/database'
import { logger } from '../logger'

interface ValidationFailure { property: string, constraints?: Record<string, string>, children?: ValidationFailure[] }

function flatten(failures: ValidationFailure[], prefix = ''): { field: string, message: string }[] {
  return failures.flatMap(f => [
    ...Object.values(f.constraints ?? {}).map(message => ({ field: prefix + f.property, message })),
    ...flatten(f.children ?? [], `${prefix}${f.property}.`),
  ])
}

/**
 * What a person sees when the database is down: the request may be sent again as it is (every write is
 * idempotent: answers by question, submissions by their id).
 */
export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时不可用，请几秒后重试 (database temporarily unavailable; retry in a few seconds).'

/** Whether an error means the database could not be reached (retryable), not a bug. */
function isDatabaseUnavailable(original: unknown): boolean {
  return original instanceof DatabaseUnavailableError
    || (original instanceof Neo4jError && /ServiceUnavailable|SessionExpired/.test(original.code))
}

/**
 * The cause of an error nobody meant to send (a bug, a driver failure), or undefined for an error that
 * is part of the API (an `AppError`, a validation or parse error, the database being unavailable).
 * Unexpected errors are logged with the request id and answered with a generic message.
 */
export function unexpectedCause(error: unknown): unknown {
  const original = unwrapResolverError(error)
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR'))
    return undefined
  if (isDatabaseUnavailable(original))
    return undefined
  return original ?? error
}

/**
 * Shapes every error the API returns: a code and a message a person can act on. Validation failures
 * list each bad field; an unreachable database is DATABASE_UNAVAILABLE (retryable); unexpected errors are
 * replaced by a generic message, so no internal detail (Cypher, stack, driver message) leaks to clients.
 * Stack traces are sent only when `debug` (XUEFA_DEBUG=1), whatever NODE_ENV says.
 */
export function errorFormatter(debug: boolean): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code
    const { stacktrace, ...extensions } = formatted.extensions ?? {}
    const trace = debug && stacktrace ? { stacktrace } : {}
    if (code === 'BAD_USER_INPUT' && Array.isArray(formatted.extensions?.validationErrors)) {
      const fields = flatten(formatted.extensions.validationErrors as ValidationFailure[])
      return {
        message: `输入有误 (invalid input): ${fields.map(f => `${f.field}: ${f.message}`).join('; ')}`,
        path: formatted.path,
        extensions: { code, fields, ...trace },
      }
    }
    const original = unwrapResolverError(error)
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original }, 'request failed: database unavailable')
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        path: formatted.path,
        extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, retryable: true, ...trace },
      }
    }
    if (unexpectedCause(error) === undefined)
      return { ...formatted, extensions: { ...extensions, ...trace } }
    return {
      message: '服务器内部错误，请稍后再试 (internal error; try again later or contact the administrator).',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...trace },
    }
  }
}
