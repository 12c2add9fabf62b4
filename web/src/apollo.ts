import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, split } from '@apollo/client'
import { ErrorLink } from '@apollo/client/link/error'
import { GraphQLWsLink } from '@apollo/client/link/subscriptions'
import { getMainDefinition } from '@apollo/client/utilities'
import { createClient } from 'graphql-ws'
import { sessionExpired } from './composables/useSession'

/**
 * Subscriptions (the live quiz) over graphql-ws on the same origin and path; the browser sends the
 * session cookie with the upgrade. Connected only while a subscription is active, and reconnected
 * after a drop without limit (a phone in a meeting room loses Wi-Fi now and then): the subscription
 * then starts again with the room as it is.
 */
const wsLink = typeof window === 'undefined'
  ? null
  : new GraphQLWsLink(createClient({
      url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async retries => new Promise(resolve => setTimeout(resolve, Math.min(500 * 2 ** retries, 5000))),
    }))

const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' })

function isSubscription(query: Parameters<typeof getMainDefinition>[0]): boolean {
  const definition = getMainDefinition(query)
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription'
}

/**
 * The Apollo client: the cache holds server data. The session travels in the HttpOnly cookie; a
 * request answered UNAUTHENTICATED while we thought we were signed in means the session expired.
 */
export const apollo = new ApolloClient({
  link: new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some(e => e.extensions?.code === 'UNAUTHENTICATED'))
      sessionExpired()
  }).concat(wsLink ? split(({ query }) => isSubscription(query), wsLink, httpLink) : httpLink),
  cache: new InMemoryCache(),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
})
