import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HashGate } from './auth/hashGate'
import type { LoginThrottle } from './auth/loginThrottle'
import type { Role } from './auth/role'
import type { SessionRegistry } from './auth/sessionState'
import type { Config } from './config'
import type { Database } from './db/database'
import type { LiveHub } from './live/liveHub'

/** The signed-in user as the session token states it. */
export interface SessionUser {
  id: string
  username: string
  personId: string | null
  roles: Role[]
  organizationIds: string[]
  /**
   * Id of this session (the token's `jti`): signing out ends this one only. Absent for an actor that is
   * no signed-in session (the seed loaders, tests and the benchmark writing through the repositories).
   */
  sessionId?: string
}

/** Per-request GraphQL context. */
export interface Context {
  db: Database
  config: Config
  user: SessionUser | null
  req: IncomingMessage
  res: ServerResponse
  /**
   * The client's address (a proxy's X-Forwarded-For counts only from loopback). A method, not a value:
   * finding it costs a system call, few operations need it, and Apollo copies the context per request
   * (a getter would run on every copy).
   */
  clientIp: () => string
  /** This request's id: in the `x-request-id` header, in every error of the response, and in its log lines. */
  requestId: string
  /**
   * Session signing key, the login throttle, the bound on concurrent password hashes and the cache of
   * session states, shared by all requests of the process.
   */
  auth: { key: Uint8Array, throttle: LoginThrottle, hashes: HashGate, sessions: SessionRegistry, secureCookies: boolean }
  /** The live quiz's clock, pub/sub and timers, shared by all requests and subscriptions of the process. */
  live: LiveHub
}
