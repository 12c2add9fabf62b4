import { computed, ref } from 'vue'
import { useApolloClient } from '@/apollo'
import { graphql } from '@/gql'

/** The signed-in user as the web app needs it. */
export interface SessionViewer {
  id: string
  username: string
  roles: string[]
  person: { name: string, organization: { name: string } | null } | null
}

const MeQuery = graphql(`
  query SessionMe {
    me { id username roles person { id name organization { id name } } }
  }
`)

const viewer = ref<SessionViewer | null>(null)
const loaded = ref(false)
const expired = ref(false)

/** The Apollo client's onUnauthenticated callback (main.ts): the server says the session is gone. */
export function sessionExpired(): void {
  if (viewer.value) {
    viewer.value = null
    expired.value = true
  }
}

/** Session state (UI state only; the server is the authority on every check). */
export function useSession() {
  const apollo = useApolloClient()
  const load = async () => {
    const { data } = await apollo.query({ query: MeQuery, fetchPolicy: 'network-only' })
    viewer.value = (data?.me ?? null) as SessionViewer | null
    loaded.value = true
    return viewer.value
  }
  const signedIn = (v: SessionViewer) => {
    viewer.value = v
    expired.value = false
    loaded.value = true
  }
  const signedOut = async () => {
    viewer.value = null
    await apollo.clearStore()
  }
  const hasRole = (...roles: string[]) => computed(() => !!viewer.value && roles.some(r => viewer.value!.roles.includes(r)))
  return { viewer, loaded, expired, load, signedIn, signedOut, hasRole }
}
