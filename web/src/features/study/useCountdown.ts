import type { Ref } from 'vue'
import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue'

/**
 * Seconds left until `deadline`, counted on the server's clock: `serverNow` (sent with the attempt) fixes
 * the offset from this device's clock, which may be minutes wrong. `onExpired` runs once when it reaches 0
 * while `running` is true.
 */
export function useCountdown(options: {
  deadline: () => string | null | undefined
  serverNow: () => string | null | undefined
  running: Readonly<Ref<boolean>>
  onExpired: () => Promise<void> | void
  now?: () => number
}) {
  const clockNow = options.now ?? Date.now
  const now = ref(clockNow())
  const offset = ref(0)
  watch(options.serverNow, (serverNow) => {
    if (serverNow)
      offset.value = Date.parse(serverNow) - clockNow()
  }, { immediate: true })

  const remaining = computed(() => {
    const deadline = options.deadline()
    if (!deadline)
      return null
    return Math.max(0, Math.floor((Date.parse(deadline) - (now.value + offset.value)) / 1000))
  })

  let clock: ReturnType<typeof setInterval> | undefined
  let expiredHandled = false
  onMounted(() => {
    clock = setInterval(async () => {
      now.value = clockNow()
      if (options.running.value && remaining.value === 0 && !expiredHandled) {
        expiredHandled = true
        await options.onExpired()
      }
    }, 1000)
  })
  onBeforeUnmount(() => clearInterval(clock))

  return { remaining }
}
