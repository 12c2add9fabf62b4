import { GraphQLError } from 'graphql'

/** Every error the API returns carries one of these codes in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST = 'BAD_REQUEST',
  /** The database is down or restarting; nothing was changed unless the answer says so. Retry shortly. */
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  INTERNAL = 'INTERNAL_SERVER_ERROR',
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
}

/**
 * An error a person can act on. The message says what to do; `details` carries structured data (for
 * example which field was wrong) for the web app to show next to the input.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, http: { status: HTTP_STATUS[code] }, ...(details ? { details } : {}) } })
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.BAD_USER_INPUT, message, details)
export const notFound = (what: string, id: string) => new AppError(ErrorCode.NOT_FOUND, `${what} ${id} 不存在 (not found); check the id.`, { id })
// `accessDenied` marks refusals by the role checks, as opposed to e.g. a failed login.
export const forbidden = (message = '没有权限执行此操作 (forbidden): your roles do not allow this.') => new AppError(ErrorCode.FORBIDDEN, message, { accessDenied: true })
export const unauthenticated = () => new AppError(ErrorCode.UNAUTHENTICATED, '请先登录 (not signed in or the session expired): log in again.', { accessDenied: true })
/** A refusal of data the user's role may use in general but not this record (not a role check, so no `accessDenied`). */
export const notYours = (message: string) => new AppError(ErrorCode.FORBIDDEN, message)
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, details)
