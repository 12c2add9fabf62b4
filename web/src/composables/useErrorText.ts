import type { GraphQLFailure } from './useGraphQL'

/** The text a person sees for a failed request. */
export function useErrorText(): (failure: GraphQLFailure | null | undefined) => string {
  return failure => failure?.message ?? ''
}
