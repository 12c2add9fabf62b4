import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config'
import type { SessionUser } from '../context'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseCookie, serialize as serializeCookie } from 'cookie'
import { errors, jwtVerify, SignJWT } from 'jose'
import { Role } from './access'

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'xuefa_session'
const ISSUER = 'xuefa'

/**
 * The signing key: JWT_SECRET, or on the embedded default a random key kept beside the data so sessions
 * survive restarts (config validation already demands JWT_SECRET outside the embedded default).
 */
export function sessionKey(config: Config): Uint8Array {
  if (config.JWT_SECRET)
    return new TextEncoder().encode(config.JWT_SECRET)
  const file = path.join(path.dirname(config.NEO4J_DATA_DIR), 'jwt-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600 })
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim())
}

/** Issues a session token for `user`. */
export async function issueToken(user: SessionUser, key: Uint8Array, ttlMinutes: number): Promise<{ token: string, expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000)
  const token = await new SignJWT({ u: user.username, r: user.roles, p: user.personId, o: user.organizationIds })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key)
  return { token, expiresAt }
}

const ROLES = new Set<string>(Object.values(Role))

/** Most verified tokens remembered per signing key (a few per signed-in user of a large district). */
const VERIFIED_MAX = 20_000

/**
 * Tokens already verified, per signing key, until they expire: a token's signature is checked once, not
 * on every request (HMAC through WebCrypto costs as much as the rest of a request's own work in an exam's
 * last minute; tests/bench/README.md). Only valid tokens are kept; the oldest go first when it is full.
 */
const verified = new WeakMap<Uint8Array, Map<string, { user: SessionUser, expiresAt: number }>>()

function remembered(key: Uint8Array, token: string, now: number): SessionUser | null {
  const tokens = verified.get(key)
  const entry = tokens?.get(token)
  if (!entry)
    return null
  if (entry.expiresAt <= now) {
    tokens!.delete(token)
    return null
  }
  return entry.user
}

function remember(key: Uint8Array, token: string, user: SessionUser, expiresAt: number): void {
  let tokens = verified.get(key)
  if (!tokens) {
    tokens = new Map()
    verified.set(key, tokens)
  }
  if (tokens.size >= VERIFIED_MAX)
    tokens.delete(tokens.keys().next().value!)
  tokens.set(token, { user, expiresAt })
}

/**
 * The session of a request: the bearer token if present, else the cookie. An invalid or expired token
 * is treated as no session (the operation then answers UNAUTHENTICATED where a session is needed).
 */
export async function readSession(req: IncomingMessage, key: Uint8Array): Promise<SessionUser | null> {
  const header = req.headers.authorization
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
  const token = bearer || parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE]
  return token ? readToken(token, key) : null
}

/** The session a token states; null when it is invalid or expired (also for a WebSocket's connectionParams). */
export async function readToken(token: string, key: Uint8Array): Promise<SessionUser | null> {
  const known = remembered(key, token, Date.now())
  if (known)
    return known
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] })
    const roles = Array.isArray(payload.r) ? payload.r.filter((r): r is Role => typeof r === 'string' && ROLES.has(r)) : []
    // Frozen: the same object serves every request with this token.
    const user: SessionUser = Object.freeze({
      id: String(payload.sub),
      username: String(payload.u),
      personId: typeof payload.p === 'string' ? payload.p : null,
      roles: Object.freeze(roles) as Role[],
      organizationIds: Object.freeze(Array.isArray(payload.o) ? payload.o.map(String) : []) as string[],
    })
    if (typeof payload.exp === 'number')
      remember(key, token, user, payload.exp * 1000)
    return user
  }
  catch (error) {
    if (error instanceof errors.JOSEError)
      return null
    throw error
  }
}

export function setSessionCookie(res: ServerResponse, token: string, expiresAt: Date, secure: boolean): void {
  res.appendHeader('set-cookie', serializeCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, expires: expiresAt, path: '/' }))
}

/** Expires the cookie now (as express's clearCookie does). */
export function clearSessionCookie(res: ServerResponse, secure: boolean): void {
  res.appendHeader('set-cookie', serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, expires: new Date(0), path: '/' }))
}
