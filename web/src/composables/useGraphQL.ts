import type { OperationVariables, TypedDocumentNode } from '@apollo/client'
import type { MaybeRefOrGetter, Ref } from 'vue'
import { CombinedGraphQLErrors } from '@apollo/client'
import { onScopeDispose, ref, shallowRef, toValue, watch } from 'vue'
import { useApolloClient } from '@/apollo'

/**
 * A failed request as the server described it: the error code (`extensions.code`, e.g. `CONFLICT`), the
 * server's message and its structured details. Pages branch on `code`, never on the message's words.
 */
export interface GraphQLFailure {
  /** The server's error code, `NETWORK` when no answer came, or `UNKNOWN`. */
  code: string
  /** The server's messages (several joined), written for people. */
  message: string
  /** `extensions.details` of the first error (e.g. `{ reason: 'expired' }`), or an empty object. */
  details: Record<string, unknown>
}

/** The code, message and details of whatever a request threw. */
export function toFailure(error: unknown): GraphQLFailure {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const first = error.errors[0]!
    const details = first.extensions?.details
    return {
      code: typeof first.extensions?.code === 'string' ? first.extensions.code : 'UNKNOWN',
      message: error.errors.map(e => e.message).join('；'),
      details: details && typeof details === 'object' ? details as Record<string, unknown> : {},
    }
  }
  if (error instanceof Error)
    return { code: error.name === 'TypeError' || /fetch|network/i.test(error.message) ? 'NETWORK' : 'UNKNOWN', message: error.message, details: {} }
  return { code: 'UNKNOWN', message: String(error), details: {} }
}

/**
 * Watches a query through the Apollo cache and re-runs it when reactive variables change.
 * (@vue/apollo-composable does not support @apollo/client 4 yet; this is the small part we need.)
 */
export function useQuery<TData, TVars extends OperationVariables>(
  document: TypedDocumentNode<TData, TVars>,
  variables: MaybeRefOrGetter<TVars> = {} as TVars,
  options: { skip?: MaybeRefOrGetter<boolean>, fetchPolicy?: 'cache-first' | 'network-only' | 'cache-and-network' } = {},
): { data: Ref<TData | undefined>, loading: Ref<boolean>, error: Ref<GraphQLFailure | null>, refetch: () => Promise<void> } {
  const apollo = useApolloClient()
  const data = shallowRef<TData | undefined>()
  const loading = ref(false)
  const error = shallowRef<GraphQLFailure | null>(null)
  let subscription: { unsubscribe: () => void } | undefined
  let observable: ReturnType<typeof apollo.watchQuery<TData, TVars>> | undefined

  const start = () => {
    subscription?.unsubscribe()
    if (toValue(options.skip))
      return
    loading.value = true
    observable = apollo.watchQuery<TData, TVars>({ query: document, variables: toValue(variables), fetchPolicy: options.fetchPolicy ?? 'cache-and-network' } as never)
    subscription = observable.subscribe({
      next: (result) => {
        if (result.data)
          data.value = result.data as TData
        loading.value = result.loading
        error.value = result.error ? toFailure(result.error) : null
      },
      error: (e: unknown) => {
        loading.value = false
        error.value = toFailure(e)
      },
    })
  }
  watch(() => [toValue(variables), toValue(options.skip)], start, { immediate: true, deep: true })
  onScopeDispose(() => subscription?.unsubscribe())
  return {
    data,
    loading,
    error,
    refetch: async () => {
      await observable?.refetch()
    },
  }
}

/** Runs a mutation; `error` holds the server's code and message when it fails. */
export function useMutation<TData, TVars extends OperationVariables>(document: TypedDocumentNode<TData, TVars>) {
  const apollo = useApolloClient()
  const loading = ref(false)
  const error = shallowRef<GraphQLFailure | null>(null)
  const mutate = async (variables: TVars, refetchQueries: 'active' | string[] = []): Promise<TData | null> => {
    loading.value = true
    error.value = null
    try {
      const result = await apollo.mutate<TData, TVars>({ mutation: document, variables, refetchQueries } as never)
      return (result.data ?? null) as TData | null
    }
    catch (e) {
      error.value = toFailure(e)
      return null
    }
    finally {
      loading.value = false
    }
  }
  return { mutate, loading, error }
}
