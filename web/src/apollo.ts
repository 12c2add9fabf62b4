import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client'
import { ErrorLink } from '@apollo/client/link/error'
import { sessionExpired } from './composables/useSession'

/**
 * The Apollo client: the cache holds server data. The session travels in the HttpOnly cookie; a
 * request answered UNAUTHENTICATED while we thought we were signed in means the session expired.
 */
export const apollo = new ApolloClient({
  link: new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some(e => e.extensions?.code === 'UNAUTHENTICATED'))
      sessionExpired()
  }).concat(new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
})
