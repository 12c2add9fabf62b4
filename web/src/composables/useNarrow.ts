import type { Ref } from 'vue'
import { onScopeDispose, ref } from 'vue'

/** The width below which pages lay out for a phone (style.css and App.vue use the same). */
export const NARROW_QUERY = '(max-width: 767px)'

/** True on a phone-sized screen: pages show cards where a wide screen shows a table. */
export function useNarrow(): Ref<boolean> {
  const media = typeof window !== 'undefined' ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(media?.matches ?? false)
  const update = (event: MediaQueryListEvent) => {
    narrow.value = event.matches
  }
  media?.addEventListener('change', update)
  onScopeDispose(() => media?.removeEventListener('change', update))
  return narrow
}
