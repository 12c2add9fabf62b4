import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config'
import type { SessionUser } from '../context'
import type { SessionRegistry } from './sessionState'
import { randomBytes, randomUUID } from 'node:crypto'
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

/**
 * Issues a session token for `user` under the user's current session `version` (see sessionState.ts),
 * with an id of its own so that signing out ends this session only.
 */
export async function issueToken(user: SessionUser, key: Uint8Array, ttlMinutes: number, version = 0): Promise<{ token: string, expiresAt: Date, sessionId: string }> {
  const expiresAt = new Date(Date.now() + ttlMinutes * 60_000)
  const sessionId = randomUUID()
  const token = await new SignJWT({ u: user.username, r: user.roles, p: user.personId, o: user.organizationIds, sv: version })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setJti(sessionId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key)
  return { token, expiresAt, sessionId }
}

const ROLES = new Set<string>(Object.values(Role))

/** Most verified tokens remembered per signing key (a few per signed-in user of a large district). */
const VERIFIED_MAX = 20_000

/**
 * Tokens already verified, per signing key, until they expire: a token's signature is checked once, not
 * on every request (HMAC through WebCrypto costs as much as the rest of a request's own work in an exam's
 * last minute; tests/bench/README.md). Only valid tokens are kept; the oldest go first when it is full.
 */
const verified = new WeakMap<Uint8Array, Map<string, Verified>>()

/** A token whose signature checked out: its user, expiry, session id and the session version it was issued under. */
interface Verified { user: SessionUser, expiresAt: number, sessionId: string, version: number }

function remembered(key: Uint8Array, token: string, now: number): Verified | null {
  const tokens = verified.get(key)
  const entry = tokens?.get(token)
  if (!entry)
    return null
  if (entry.expiresAt <= now) {
    tokens!.delete(token)
    return null
  }
  return entry
}

function remember(key: Uint8Array, token: string, entry: Verified): void {
  let tokens = verified.get(key)
  if (!tokens) {
    tokens = new Map()
    verified.set(key, tokens)
  }
  if (tokens.size >= VERIFIED_MAX)
    tokens.delete(tokens.keys().next().value!)
  tokens.set(token, entry)
}

/** The token's user and version when its signature, issuer and claims are right (exp, jti and sv required). */
async function verify(token: string, key: Uint8Array): Promise<Verified | null> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'jti'] })
    if (typeof payload.exp !== 'number' || typeof payload.sv !== 'number' || typeof payload.jti !== 'string')
      return null
    const roles = Array.isArray(payload.r) ? payload.r.filter((r): r is Role => typeof r === 'string' && ROLES.has(r)) : []
    // Frozen: the same object serves every request with this token.
    const user: SessionUser = Object.freeze({
      id: String(payload.sub),
      username: String(payload.u),
      personId: typeof payload.p === 'string' ? payload.p : null,
      roles: Object.freeze(roles) as Role[],
      organizationIds: Object.freeze(Array.isArray(payload.o) ? payload.o.map(String) : []) as string[],
      sessionId: payload.jti,
    })
    return { user, expiresAt: payload.exp * 1000, sessionId: payload.jti, version: payload.sv }
  }
  catch (error) {
    if (error instanceof errors.JOSEError)
      return null
    throw error
  }
}

/**
 * The session of a request: the bearer token if present, else the cookie. An invalid or expired token,
 * one without an expiry, and one whose session has ended (signed out, password or roles changed,
 * account disabled: see sessionState.ts) are treated as no session (the operation then answers
 * UNAUTHENTICATED where a session is needed).
 */
export async function readSession(req: IncomingMessage, key: Uint8Array, sessions: SessionRegistry): Promise<SessionUser | null> {
  const header = req.headers.authorization
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
  const token = bearer || parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE]
  return token ? readToken(token, key, sessions) : null
}

/**
 * The session a token states, by the same checks as readSession; null when it is invalid, expired or
 * ended. Also for a token that comes without a request (a WebSocket's connectionParams).
 */
export async function readToken(token: string, key: Uint8Array, sessions: SessionRegistry): Promise<SessionUser | null> {
  let entry = remembered(key, token, Date.now())
  if (!entry) {
    entry = await verify(token, key)
    if (!entry)
      return null
    remember(key, token, entry)
  }
  return await sessions.stands(entry.user.id, entry.version, entry.sessionId) ? entry.user : null
}

export function setSessionCookie(res: ServerResponse, token: string, expiresAt: Date, secure: boolean): void {
  res.appendHeader('set-cookie', serializeCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, expires: expiresAt, path: '/' }))
}

/** Expires the cookie now (as express's clearCookie does). */
export function clearSessionCookie(res: ServerResponse, secure: boolean): void {
  res.appendHeader('set-cookie', serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', secure, expires: new Date(0), path: '/' }))
}
