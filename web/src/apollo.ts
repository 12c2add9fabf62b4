import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client'
import { ErrorLink } from '@apollo/client/link/error'
import { onSessionChange, sessionExpired } from './composables/useSession'

/** What the client reports to the rest of the app. */
export interface ApolloClientOptions {
  /** A request was answered UNAUTHENTICATED: the session cookie is missing or expired. */
  onUnauthenticated: () => void
}

/**
 * An Apollo client: the cache holds server data. The session travels in the HttpOnly cookie. The client
 * knows nothing of the session state: it reports UNAUTHENTICATED through the callback.
 */
export function createApolloClient(options: ApolloClientOptions): ApolloClient {
  return new ApolloClient({
    link: new ErrorLink(({ error }) => {
      if (CombinedGraphQLErrors.is(error) && error.errors.some(e => e.extensions?.code === 'UNAUTHENTICATED'))
        options.onUnauthenticated()
    }).concat(new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  })
}

let client: ApolloClient | undefined

/**
 * The app's client, made on first use: only pages that show server data import this module, so the
 * login page loads without Apollo. Signing in or out empties its cache (no data of the previous user).
 */
export function useApolloClient(): ApolloClient {
  if (!client) {
    const created = createApolloClient({ onUnauthenticated: sessionExpired })
    onSessionChange(() => void created.clearStore())
    client = created
  }
  return client
}
