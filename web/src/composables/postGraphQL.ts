import type { GraphQLFailure } from './useGraphQL'

/** A failed request, thrown: a GraphQLFailure that is also an Error. */
export class GraphQLRequestError extends Error implements GraphQLFailure {
  constructor(readonly code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(message)
  }
}

/**
 * Sends one GraphQL operation with fetch, for the few the app shell needs before any page (who is signed
 * in, sign in, sign out): the login page then loads without the Apollo client, which the pages that show
 * data load with themselves. Resolves to `data`; rejects with a GraphQLRequestError carrying the server's code.
 */
export async function postGraphQL<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  }
  catch (error) {
    throw new GraphQLRequestError('NETWORK', error instanceof Error ? error.message : String(error))
  }
  const body = await response.json().catch(() => null) as { data?: T, errors?: { message: string, extensions?: { code?: string, details?: Record<string, unknown> } }[] } | null
  const first = body?.errors?.[0]
  if (first || !body?.data) {
    throw new GraphQLRequestError(
      first?.extensions?.code ?? (response.ok ? 'UNKNOWN' : `HTTP_${response.status}`),
      body?.errors?.map(e => e.message).join('；') ?? response.statusText,
      first?.extensions?.details ?? {},
    )
  }
  return body.data
}

/** Whether a thrown value is a failure postGraphQL reported. */
export function isFailure(value: unknown): value is GraphQLRequestError {
  return value instanceof GraphQLRequestError
}
