import { computed, ref } from 'vue'
import { postGraphQL } from './postGraphQL'

/** The signed-in user as the web app needs it. */
export interface SessionViewer {
  id: string
  username: string
  roles: string[]
  person: { name: string, organization: { name: string } | null } | null
}

// Plain strings sent with fetch (postGraphQL): the shell must not need the Apollo client.
const VIEWER_FIELDS = 'id username roles person { id name organization { id name } }'
const ME = `query SessionMe { me { ${VIEWER_FIELDS} } }`
const LOGIN = `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { expiresAt viewer { ${VIEWER_FIELDS} } } }`
const LOGOUT = 'mutation Logout { logout }'

const viewer = ref<SessionViewer | null>(null)
const loaded = ref(false)
const expired = ref(false)
const changeListeners = new Set<() => void>()

function changed(): void {
  for (const listener of changeListeners)
    listener()
}

/** The Apollo client's onUnauthenticated callback (apollo.ts): the server says the session is gone. */
export function sessionExpired(): void {
  if (viewer.value) {
    viewer.value = null
    expired.value = true
  }
}

/** Calls `listener` whenever someone signs in or out (the Apollo cache of the previous user is dropped). */
export function onSessionChange(listener: () => void): () => void {
  changeListeners.add(listener)
  return () => changeListeners.delete(listener)
}

/** Session state (UI state only; the server is the authority on every check). */
export function useSession() {
  const load = async () => {
    const data = await postGraphQL<{ me: SessionViewer | null }>(ME)
    viewer.value = data.me
    loaded.value = true
    return viewer.value
  }
  /** Signs in; rejects with the server's GraphQLFailure (e.g. wrong password). */
  const login = async (username: string, password: string): Promise<SessionViewer> => {
    const data = await postGraphQL<{ login: { viewer: SessionViewer } }>(LOGIN, { username, password })
    viewer.value = data.login.viewer
    expired.value = false
    loaded.value = true
    changed()
    return data.login.viewer
  }
  const logout = async () => {
    await postGraphQL(LOGOUT).catch(() => null)
    viewer.value = null
    changed()
  }
  const hasRole = (...roles: string[]) => computed(() => !!viewer.value && roles.some(r => viewer.value!.roles.includes(r)))
  return { viewer, loaded, expired, load, login, logout, hasRole }
}
