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

/**
 * Shapes every error the API returns: a code and a message a person can act on. Validation failures
 * list each bad field; unexpected errors are logged and replaced by a generic message, so no internal
 * detail (Cypher, stack, driver message) leaks to clients.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error)
  const code = formatted.extensions?.code
  if (code === 'BAD_USER_INPUT' && Array.isArray(formatted.extensions?.validationErrors)) {
    const fields = flatten(formatted.extensions.validationErrors as ValidationFailure[])
    return {
      message: `输入有误 (invalid input): ${fields.map(f => `${f.field}: ${f.message}`).join('; ')}`,
      path: formatted.path,
      extensions: { code, fields },
    }
  }
  if (original instanceof DatabaseUnavailableError || (original instanceof Neo4jError && /ServiceUnavailable|SessionExpired/.test(original.code))) {
    logger.warn({ err: original }, 'request failed: database unavailable')
    return {
      message: DATABASE_UNAVAILABLE_MESSAGE,
      path: formatted.path,
      extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, retryable: true },
    }
  }
  if (original instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR')) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {}
    return { ...formatted, extensions: process.env.NODE_ENV === 'production' ? extensions : formatted.extensions }
  }
  logger.error({ err: original }, 'unexpected error in a resolver')
  return {
    message: '服务器内部错误，请稍后再试 (internal error; try again later or contact the administrator).',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  }
}
