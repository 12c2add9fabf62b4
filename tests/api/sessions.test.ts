import type { TestServer } from '../helpers'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_STATE_TTL_MS } from '../../server/src/auth/sessionState'
import { gql, login, startTestServer, testConfig } from '../helpers'
import { makeCadre, TEST_PASSWORD } from '../integration/studyFixtures'

/**
 * Issue 16.3: a session ends on the next request after logout, disabling, a password reset or change and
 * a role change — on this instance at once, on another within its cache's few seconds — not at expiry.
 */

let server: TestServer
/** A second instance on the same database, with a clock the test moves. */
let other: TestServer
let otherNow = Date.now()
let admin: string

beforeAll(async () => {
  server = await startTestServer()
  other = await startTestServer({}, { now: () => otherNow })
  admin = await login(server.url, 'admin')
})
afterAll(async () => {
  await other.stop()
  await server.stop()
})

const ME = '{ me { username } }'

/** Whether `token` is still a session on `url` (me answers null without one). */
async function signedIn(url: string, token: string): Promise<boolean> {
  const result = await gql(url, ME, {}, token)
  expect(result.errors).toBeUndefined()
  return result.data.me !== null
}

async function newUser() {
  const { user, username } = await makeCadre(server.db, undefined, 'ss')
  return { id: user.id, username, token: await login(server.url, username, TEST_PASSWORD) }
}

describe('sessions end when they should', () => {
  it('logout ends that session on every instance, and only that one', async () => {
    const user = await newUser()
    const second = await login(server.url, user.username, TEST_PASSWORD)
    expect(await signedIn(server.url, user.token)).toBe(true)
    const out = await gql(server.url, 'mutation { logout }', {}, user.token)
    expect(out.data.logout).toBe(true)
    expect(await signedIn(server.url, user.token)).toBe(false)
    expect(await signedIn(other.url, user.token)).toBe(false)
    expect(await signedIn(server.url, second)).toBe(true)
    const refused = await gql(server.url, '{ topics { id } }', {}, user.token)
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })

  it('disabling an account ends its sessions at the next request', async () => {
    const user = await newUser()
    expect(await signedIn(server.url, user.token)).toBe(true)
    const disabled = await gql(server.url, 'mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { disabled } }', { id: user.id }, admin)
    expect(disabled.data.setUserDisabled.disabled).toBe(true)
    expect(await signedIn(server.url, user.token)).toBe(false)
    // Re-enabling does not bring the old session back: the user signs in again.
    await gql(server.url, 'mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { disabled } }', { id: user.id }, admin)
    expect(await signedIn(server.url, user.token)).toBe(false)
    expect(await signedIn(server.url, await login(server.url, user.username, TEST_PASSWORD))).toBe(true)
  })

  it('a password reset and a role change end the user’s sessions', async () => {
    const user = await newUser()
    const reset = await gql(server.url, 'mutation($id: ID!, $p: String!) { resetPassword(userId: $id, newPassword: $p) { id } }', { id: user.id, p: 'reset-by-admin-42' }, admin)
    expect(reset.errors).toBeUndefined()
    expect(await signedIn(server.url, user.token)).toBe(false)

    const again = await login(server.url, user.username, 'reset-by-admin-42')
    expect(await signedIn(server.url, again)).toBe(true)
    const roles = await gql(server.url, 'mutation($id: ID!) { setUserRoles(userId: $id, roles: [CADRE, TRAINER]) { roles } }', { id: user.id }, admin)
    expect(roles.data.setUserRoles.roles).toEqual(['CADRE', 'TRAINER'])
    expect(await signedIn(server.url, again)).toBe(false)
    // The next login carries the new roles.
    const fresh = await login(server.url, user.username, 'reset-by-admin-42')
    expect((await gql(server.url, '{ me { roles } }', {}, fresh)).data.me.roles).toEqual(['CADRE', 'TRAINER'])
  })

  it('changing one’s own password ends the other sessions and keeps this one with a new cookie', async () => {
    const user = await newUser()
    const elsewhere = await login(server.url, user.username, TEST_PASSWORD)
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${user.token}` },
      body: JSON.stringify({ query: 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', variables: { c: TEST_PASSWORD, n: 'changed-by-me-42' } }),
    })
    expect(((await response.json()) as { data: { changePassword: boolean } }).data.changePassword).toBe(true)
    expect(await signedIn(server.url, elsewhere)).toBe(false)
    expect(await signedIn(server.url, user.token)).toBe(false)
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/^xuefa_session=.+/)
    const me = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: ME }) })
    expect(((await me.json()) as { data: { me: { username: string } } }).data.me).toEqual({ username: user.username })
  })

  it('another instance sees a change through the database once its cached state is a few seconds old', async () => {
    const user = await newUser()
    otherNow = Date.now()
    expect(await signedIn(other.url, user.token)).toBe(true) // cached there now
    await gql(server.url, 'mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { disabled } }', { id: user.id }, admin)
    expect(await signedIn(server.url, user.token)).toBe(false)
    otherNow += SESSION_STATE_TTL_MS + 1
    expect(await signedIn(other.url, user.token)).toBe(false)
  })

  it('refuses a correctly signed token without an expiry', async () => {
    const user = await newUser()
    const key = new TextEncoder().encode(testConfig().JWT_SECRET!)
    const forever = await new SignJWT({ u: user.username, r: ['CADRE'], p: null, o: [], sv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer('xuefa')
      .setJti('no-expiry')
      .setIssuedAt()
      .sign(key)
    expect(await signedIn(server.url, forever)).toBe(false)
  })
})
