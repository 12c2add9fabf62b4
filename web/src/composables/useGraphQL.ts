import type { OperationVariables, TypedDocumentNode } from '@apollo/client'
import type { MaybeRefOrGetter, Ref } from 'vue'
import { onScopeDispose, ref, shallowRef, toValue, watch } from 'vue'
import { apollo } from '@/apollo'

/** A readable message from an Apollo error (the server's messages are already written for people). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'errors' in error && Array.isArray((error as { errors: unknown[] }).errors))
    return (error as { errors: { message: string }[] }).errors.map(e => e.message).join('；')
  return error instanceof Error ? error.message : String(error)
}

/**
 * Watches a query through the Apollo cache and re-runs it when reactive variables change.
 * (@vue/apollo-composable does not support @apollo/client 4 yet; this is the small part we need.)
 */
export function useQuery<TData, TVars extends OperationVariables>(
  document: TypedDocumentNode<TData, TVars>,
  variables: MaybeRefOrGetter<TVars> = {} as TVars,
  options: { skip?: MaybeRefOrGetter<boolean>, fetchPolicy?: 'cache-first' | 'network-only' | 'cache-and-network' } = {},
): { data: Ref<TData | undefined>, loading: Ref<boolean>, error: Ref<string | null>, refetch: () => Promise<void> } {
  const data = shallowRef<TData | undefined>()
  const loading = ref(false)
  const error = ref<string | null>(null)
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
        error.value = result.error ? errorMessage(result.error) : null
      },
      error: (e: unknown) => {
        loading.value = false
        error.value = errorMessage(e)
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

/** Runs a mutation; `error` holds the server's message when it fails. */
export function useMutation<TData, TVars extends OperationVariables>(document: TypedDocumentNode<TData, TVars>) {
  const loading = ref(false)
  const error = ref<string | null>(null)
  const mutate = async (variables: TVars, refetchQueries: 'active' | string[] = []): Promise<TData | null> => {
    loading.value = true
    error.value = null
    try {
      const result = await apollo.mutate<TData, TVars>({ mutation: document, variables, refetchQueries } as never)
      return (result.data ?? null) as TData | null
    }
    catch (e) {
      error.value = errorMessage(e)
      return null
    }
    finally {
      loading.value = false
    }
  }
  return { mutate, loading, error }
}
