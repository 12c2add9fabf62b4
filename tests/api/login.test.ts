import type { TestServer } from '../helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCOUNT_RULE, delayAfter } from '../../server/src/auth/loginThrottle'
import { startTestServer } from '../helpers'
import { makeCadre, TEST_PASSWORD } from '../integration/studyFixtures'

/**
 * Issue 16.4: login throttling counts before hashing, bounds concurrent hashes, slows a guesser without
 * locking the real user out, and forgets an address's failures once it signs in. The server's clock is
 * the test's, so delays pass without sleeping.
 */

let server: TestServer
let now = Date.now()

beforeAll(async () => {
  server = await startTestServer({}, { now: () => now })
})
afterAll(async () => {
  await server.stop()
})

let addresses = 0
/** A client address of its own (X-Forwarded-For counts from the loopback proxy the test is). */
function newAddress(): string {
  addresses++
  return `10.${(addresses >> 8) & 255}.${addresses & 255}.${Math.floor(Math.random() * 200) + 1}`
}

async function login(username: string, password: string, address: string): Promise<{ code?: string, message?: string, token?: string }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } }),
  })
  const body = await response.json() as { data?: { login: { token: string } }, errors?: { message: string, extensions?: { code?: string } }[] }
  return { code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message, token: body.data?.login.token }
}

describe('login throttling', () => {
  it('counts a burst before hashing, and the real user at another address still signs in at once', async () => {
    const { username } = await makeCadre(server.db, undefined, 'lt')
    const attacker = newAddress()
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => login(username, `wrong-guess-${i}`, attacker)))
    const checked = burst.filter(r => r.code === 'UNAUTHENTICATED')
    const slowed = burst.filter(r => r.code === 'RATE_LIMITED')
    expect(checked).toHaveLength(ACCOUNT_RULE.free)
    expect(slowed).toHaveLength(20 - ACCOUNT_RULE.free)
    expect(slowed[0]!.message).toMatch(/登录失败次数过多，请 \d+ 秒后再试/)

    const owner = await login(username, TEST_PASSWORD, newAddress())
    expect(owner.token).toBeTruthy()
  })

  it('slows a guesser progressively instead of locking: each delay ends', async () => {
    const { username } = await makeCadre(server.db, undefined, 'lt')
    const guesser = newAddress()
    for (let i = 0; i < ACCOUNT_RULE.free; i++)
      expect((await login(username, `wrong-${i}`, guesser)).code).toBe('UNAUTHENTICATED')
    for (let extra = 0; extra < 4; extra++) {
      expect((await login(username, 'wrong-again', guesser)).code).toBe('RATE_LIMITED')
      now += delayAfter(ACCOUNT_RULE.free + extra, ACCOUNT_RULE)
      expect((await login(username, 'wrong-again', guesser)).code).toBe('UNAUTHENTICATED')
    }
    // Long after, even the guesser's address is heard again, and the right password works there.
    now += 60 * 60_000
    expect((await login(username, TEST_PASSWORD, guesser)).token).toBeTruthy()
  })

  it('starts an address’s count again after it signs in successfully', async () => {
    const { username } = await makeCadre(server.db, undefined, 'lt')
    const office = newAddress()
    for (let i = 0; i < ACCOUNT_RULE.free - 1; i++)
      expect((await login(username, `typo-${i}`, office)).code).toBe('UNAUTHENTICATED')
    expect((await login(username, TEST_PASSWORD, office)).token).toBeTruthy()
    for (let i = 0; i < ACCOUNT_RULE.free; i++)
      expect((await login(username, `typo-again-${i}`, office)).code).toBe('UNAUTHENTICATED')
  })

  it('bounds concurrent password hashes: an anonymous flood is refused quickly with a clear message', async () => {
    const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`nobody-${i}-${Date.now()}`, 'wrong-password-1', newAddress())))
    const busy = flood.filter(r => r.code === 'RATE_LIMITED')
    expect(busy.length).toBeGreaterThan(0)
    for (const r of busy)
      expect(r.message).toContain('登录请求过多，请稍后再试')
    expect(flood.filter(r => r.code !== 'RATE_LIMITED' && r.code !== 'UNAUTHENTICATED')).toEqual([])
  })
})
