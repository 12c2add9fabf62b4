import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LoginLimiter } from './auth/loginLimiter'
import type { Role } from './auth/role'
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
  /**
   * Session signing key and the failed-login limiters (per account, and a looser one per address since a
   * whole office may share one), shared by all requests of the process.
   */
  auth: { key: Uint8Array, limiter: LoginLimiter, addressLimiter: LoginLimiter, secureCookies: boolean }
  /** The live quiz's clock, pub/sub and timers, shared by all requests and subscriptions of the process. */
  live: LiveHub
}
