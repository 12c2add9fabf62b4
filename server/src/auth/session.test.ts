import type { IncomingMessage } from 'node:http'
import type { SessionUser } from '../context'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Role } from './access'
import { issueToken, readSession } from './session'

const user: SessionUser = { id: 'u-1', username: 'cadre', personId: 'p-1', roles: [Role.CADRE], organizationIds: ['org-1'] }

function request(token: string): IncomingMessage {
  return { headers: { authorization: `Bearer ${token}` } } as IncomingMessage
}

describe('readSession', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads the user from a valid token, the second time without verifying it again, and the same user each time', async () => {
    const key = new TextEncoder().encode('session-test-key-session-test-key-0123456789')
    const { token } = await issueToken(user, key, 60)
    const first = await readSession(request(token), key)
    expect(first).toEqual(user)
    expect(await readSession(request(token), key)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
  })

  it('refuses a token signed with another key, even one verified under its own key', async () => {
    const key = new TextEncoder().encode('session-test-key-A-session-test-key-A-0123')
    const other = new TextEncoder().encode('session-test-key-B-session-test-key-B-0123')
    const { token } = await issueToken(user, key, 60)
    expect(await readSession(request(token), key)).toEqual(user)
    expect(await readSession(request(token), other)).toBeNull()
    expect(await readSession(request(`${token.slice(0, -4)}AAAA`), key)).toBeNull()
  })

  it('stops accepting a remembered token when it expires', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') })
    const key = new TextEncoder().encode('session-test-key-C-session-test-key-C-0123')
    const { token } = await issueToken(user, key, 1)
    expect(await readSession(request(token), key)).toEqual(user)
    vi.setSystemTime(new Date('2026-03-01T08:01:01Z'))
    expect(await readSession(request(token), key)).toBeNull()
  })
})
