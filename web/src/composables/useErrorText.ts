import type { GraphQLFailure } from './useGraphQL'
import { useI18n } from 'vue-i18n'
import { errorText } from './errorText'

/** The text a person sees for a failed request (see errorText). */
export function useErrorText(): (failure: GraphQLFailure | null | undefined) => string {
  const { t, locale } = useI18n()
  return failure => (failure ? errorText(failure, locale.value, t) : '')
}
