import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client'
import { ErrorLink } from '@apollo/client/link/error'

/** What the client reports to the rest of the app. */
export interface ApolloClientOptions {
  /** A request was answered UNAUTHENTICATED: the session cookie is missing or expired. */
  onUnauthenticated: () => void
}

/**
 * The Apollo client: the cache holds server data. The session travels in the HttpOnly cookie. The client
 * knows nothing of the session state: it reports UNAUTHENTICATED through the callback, so the session
 * module may use the client without the client importing it back.
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

let provided: ApolloClient | undefined

/** Makes `client` the one the composables use (main.ts calls this once, before mounting). */
export function provideApolloClient(client: ApolloClient): void {
  provided = client
}

/** The client provided at start-up. */
export function useApolloClient(): ApolloClient {
  if (!provided)
    throw new Error('No Apollo client: call provideApolloClient() in main.ts before mounting the app.')
  return provided
}
