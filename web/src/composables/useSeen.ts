import type { Ref } from 'vue'
import { onBeforeUnmount, ref, watch } from 'vue'

/**
 * Becomes true once the element comes near the screen, and stays true. Heavy parts below the fold (charts,
 * the graph view) are loaded only then, so the first load carries only what the person sees.
 */
export function useSeen(margin = '200px'): { target: Ref<HTMLElement | null>, seen: Ref<boolean> } {
  const target = ref<HTMLElement | null>(null)
  const seen = ref(false)
  let observer: IntersectionObserver | undefined
  watch(target, (el) => {
    observer?.disconnect()
    if (!el || seen.value)
      return
    if (typeof IntersectionObserver === 'undefined') {
      seen.value = true
      return
    }
    observer = new IntersectionObserver((entries) => {
      if (entries.some(e => e.isIntersecting)) {
        seen.value = true
        observer?.disconnect()
      }
    }, { rootMargin: margin })
    observer.observe(el)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return { target, seen }
}
