import { GraphQLWsLink } from '@apollo/client/link/subscriptions'
import { createClient } from 'graphql-ws'

/**
 * Subscriptions (the live quiz) over graphql-ws on the same origin and path; the browser sends the
 * session cookie with the upgrade. Connected only while a subscription is active, and reconnected
 * after a drop without limit (a phone in a meeting room loses Wi-Fi now and then): the subscription
 * then starts again with the room as it is. Loaded on the first subscription (see `apollo.ts`).
 */
export function subscriptionLink(): GraphQLWsLink {
  return new GraphQLWsLink(createClient({
    url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async retries => new Promise(resolve => setTimeout(resolve, Math.min(500 * 2 ** retries, 5000))),
  }))
}
