import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, split } from '@apollo/client'
import { ErrorLink } from '@apollo/client/link/error'
import { getMainDefinition } from '@apollo/client/utilities'
import { onSessionChange, sessionExpired } from './composables/useSession'
import { LazyLink } from './lazyLink'

/** What the client reports to the rest of the app. */
export interface ApolloClientOptions {
  /** A request was answered UNAUTHENTICATED: the session cookie is missing or expired. */
  onUnauthenticated: () => void
}

function isSubscription(query: Parameters<typeof getMainDefinition>[0]): boolean {
  const definition = getMainDefinition(query)
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription'
}

/**
 * An Apollo client: the cache holds server data. The session travels in the HttpOnly cookie. The client
 * knows nothing of the session state: it reports UNAUTHENTICATED through the callback, so the session
 * module may use the client without the client importing it back. Subscriptions go over graphql-ws,
 * everything else over HTTP; the WebSocket link's code loads with the first subscription.
 */
export function createApolloClient(options: ApolloClientOptions): ApolloClient {
  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' })
  const transport = typeof window === 'undefined' ? httpLink : split(({ query }) => isSubscription(query), new LazyLink(async () => (await import('./subscriptionLink')).subscriptionLink()), httpLink)
  return new ApolloClient({
    link: new ErrorLink(({ error }) => {
      if (CombinedGraphQLErrors.is(error) && error.errors.some(e => e.extensions?.code === 'UNAUTHENTICATED'))
        options.onUnauthenticated()
    }).concat(transport),
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
