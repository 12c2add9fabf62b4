import type { IncomingMessage } from 'node:http'
import type { SessionUser } from '../context'
import type { SessionState } from './sessionState'
import { SignJWT } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Role } from './access'
import { issueToken, readSession } from './session'
import { SessionRegistry } from './sessionState'

const user: SessionUser = { id: 'u-1', username: 'cadre', personId: 'p-1', roles: [Role.CADRE], organizationIds: ['org-1'] }

function request(token: string): IncomingMessage {
  return { headers: { authorization: `Bearer ${token}` } } as IncomingMessage
}

/** A registry over an in-memory "database" of session states, counting its reads. */
function registry(states: Record<string, SessionState> = { 'u-1': { version: 0, disabled: false, revoked: new Set() } }, now = () => Date.now()) {
  const reads: string[][] = []
  const sessions = new SessionRegistry(async (ids) => {
    reads.push(ids)
    return new Map(ids.filter(id => states[id]).map(id => [id, states[id]!]))
  }, 5_000, now)
  return { sessions, reads, states }
}

describe('readSession', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads the user from a valid token, the second time without verifying it again, and the same user each time', async () => {
    const key = new TextEncoder().encode('session-test-key-session-test-key-0123456789')
    const { sessions } = registry()
    const { token, sessionId } = await issueToken(user, key, 60)
    const first = await readSession(request(token), key, sessions)
    expect(first).toEqual({ ...user, sessionId })
    expect(await readSession(request(token), key, sessions)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
  })

  it('refuses a token signed with another key, even one verified under its own key', async () => {
    const key = new TextEncoder().encode('session-test-key-A-session-test-key-A-0123')
    const other = new TextEncoder().encode('session-test-key-B-session-test-key-B-0123')
    const { sessions } = registry()
    const { token } = await issueToken(user, key, 60)
    expect(await readSession(request(token), key, sessions)).toMatchObject(user)
    expect(await readSession(request(token), other, sessions)).toBeNull()
    expect(await readSession(request(`${token.slice(0, -4)}AAAA`), key, sessions)).toBeNull()
  })

  it('stops accepting a remembered token when it expires', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z'), toFake: ['Date'] })
    const key = new TextEncoder().encode('session-test-key-C-session-test-key-C-0123')
    const { sessions } = registry()
    const { token } = await issueToken(user, key, 1)
    expect(await readSession(request(token), key, sessions)).toMatchObject(user)
    vi.setSystemTime(new Date('2026-03-01T08:01:01Z'))
    expect(await readSession(request(token), key, sessions)).toBeNull()
  })

  it('refuses a correctly signed token without an expiry, a session id or a session version', async () => {
    const key = new TextEncoder().encode('session-test-key-D-session-test-key-D-0123')
    const { sessions } = registry()
    const claims = { u: 'cadre', r: ['CADRE'], p: 'p-1', o: ['org-1'], sv: 0 }
    const sign = (jwt: SignJWT) => jwt.setProtectedHeader({ alg: 'HS256' }).setSubject('u-1').setIssuer('xuefa').setIssuedAt().sign(key)
    const noExpiry = await sign(new SignJWT(claims).setJti('s-1'))
    const noId = await sign(new SignJWT(claims).setExpirationTime('1h'))
    const noVersion = await sign(new SignJWT({ ...claims, sv: undefined }).setJti('s-2').setExpirationTime('1h'))
    const complete = await sign(new SignJWT(claims).setJti('s-3').setExpirationTime('1h'))
    expect(await readSession(request(noExpiry), key, sessions)).toBeNull()
    expect(await readSession(request(noId), key, sessions)).toBeNull()
    expect(await readSession(request(noVersion), key, sessions)).toBeNull()
    expect(await readSession(request(complete), key, sessions)).toMatchObject(user)
  })

  it('ends a session when the user’s version moves on, the account is disabled or the session is revoked', async () => {
    const key = new TextEncoder().encode('session-test-key-E-session-test-key-E-0123')
    const { sessions, states } = registry({ 'u-1': { version: 3, disabled: false, revoked: new Set() } })
    const old = await issueToken(user, key, 60, 2)
    const current = await issueToken(user, key, 60, 3)
    const other = await issueToken(user, key, 60, 3)
    expect(await readSession(request(old.token), key, sessions)).toBeNull()
    expect(await readSession(request(current.token), key, sessions)).toMatchObject(user)

    states['u-1'] = { version: 3, disabled: false, revoked: new Set([current.sessionId]) }
    sessions.forget('u-1')
    expect(await readSession(request(current.token), key, sessions)).toBeNull()
    expect(await readSession(request(other.token), key, sessions)).toMatchObject(user)

    states['u-1'] = { version: 3, disabled: true, revoked: new Set() }
    sessions.forget('u-1')
    expect(await readSession(request(other.token), key, sessions)).toBeNull()
  })
})

describe('sessionRegistry', () => {
  it('reads a user’s state once per few seconds, and again at once after a change here', async () => {
    let now = 1_000_000
    const { sessions, reads, states } = registry(undefined, () => now)
    expect(await sessions.stands('u-1', 0, 's')).toBe(true)
    expect(await sessions.stands('u-1', 0, 's')).toBe(true)
    expect(reads).toEqual([['u-1']])

    // A change on another instance: seen once the cached state is older than the time to live.
    states['u-1'] = { version: 1, disabled: false, revoked: new Set() }
    now += 4_999
    expect(await sessions.stands('u-1', 0, 's')).toBe(true)
    now += 2
    expect(await sessions.stands('u-1', 0, 's')).toBe(false)
    expect(reads).toHaveLength(2)

    // A change on this instance: seen on the next request.
    states['u-1'] = { version: 2, disabled: false, revoked: new Set() }
    sessions.forget('u-1')
    expect(await sessions.stands('u-1', 1, 's')).toBe(false)
    expect(await sessions.stands('u-1', 2, 's')).toBe(true)
    expect(reads).toHaveLength(3)
  })

  it('reads the misses of one moment in one query, and knows no unknown user', async () => {
    const { sessions, reads } = registry({
      a: { version: 0, disabled: false, revoked: new Set() },
      b: { version: 0, disabled: false, revoked: new Set() },
    })
    const results = await Promise.all(['a', 'b', 'a', 'ghost'].map(id => sessions.stands(id, 0, 's')))
    expect(results).toEqual([true, true, true, false])
    expect(reads).toEqual([['a', 'b', 'ghost']])
  })

  it('needs no read for a state recorded at login', async () => {
    const { sessions, reads } = registry()
    sessions.remember('u-1', { version: 7, disabled: false, revoked: new Set() })
    expect(await sessions.stands('u-1', 7, 's')).toBe(true)
    expect(reads).toEqual([])
  })
})
