import type { MaybeRefOrGetter } from 'vue'
import type { LiveRunFieldsFragment } from '@/gql/graphql'
import { computed, onScopeDispose, ref, shallowRef, toValue, watch } from 'vue'
import { useApolloClient } from '@/apollo'
import { useErrorText } from '@/composables/useErrorText'
import { toFailure } from '@/composables/useGraphQL'
import { graphql } from '@/gql'

/** The room's fields, for the host and the phones alike (the server decides what each may see). */
export const LiveRunFields = graphql(`
  fragment LiveRunFields on LiveRun {
    id sessionId sessionTitle quizTitle joinCode state questionIndex questionCount secondsPerQuestion
    openedAt closesAt serverTime joinedCount answeredCount role myAnswer myCorrect myCorrectCount
    question { index id type stem options points }
    result {
      answer explanation answeredCount correctCount
      distribution { option count }
      articles { id lawTitle number caption text textSource label }
    }
    summary { index stem answeredCount correctCount correctShare }
  }
`)

const RoomUpdated = graphql(`
  subscription LiveRoomUpdated($runId: ID!) {
    liveRunUpdated(runId: $runId) { ...LiveRunFields }
  }
`)

/** One room as it goes: the state the server last sent, and a countdown that allows for the device's clock. */
export function useLiveRun(runId: MaybeRefOrGetter<string | null>) {
  const apollo = useApolloClient()
  const errorText = useErrorText()
  const room = shallowRef<LiveRunFieldsFragment | null>(null)
  const error = ref<string | null>(null)
  /** Server time minus device time, from the last state received. */
  let skew = 0
  const now = ref(Date.now())
  const tick = setInterval(() => {
    now.value = Date.now()
  }, 250)
  let subscription: { unsubscribe: () => void } | null = null

  const start = () => {
    subscription?.unsubscribe()
    room.value = null
    const id = toValue(runId)
    if (!id)
      return
    subscription = apollo.subscribe({ query: RoomUpdated, variables: { runId: id } }).subscribe({
      next: (result) => {
        if (result.error) {
          error.value = errorText(toFailure(result.error))
          return
        }
        const next = result.data?.liveRunUpdated
        if (next) {
          skew = Date.parse(next.serverTime) - Date.now()
          room.value = next as LiveRunFieldsFragment
          error.value = null
        }
      },
      error: (e: unknown) => {
        error.value = errorText(toFailure(e))
      },
    })
  }
  watch(() => toValue(runId), start, { immediate: true })
  onScopeDispose(() => {
    clearInterval(tick)
    subscription?.unsubscribe()
  })

  /** Whole seconds left on the open question (0 once it closes). */
  const secondsLeft = computed(() => {
    const r = room.value
    if (!r || r.state !== 'OPEN' || !r.closesAt)
      return 0
    return Math.max(0, Math.ceil((Date.parse(r.closesAt) - (now.value + skew)) / 1000))
  })

  /** Replaces the room with a state a mutation returned (the host's controls), if it is newer. */
  const accept = (next: LiveRunFieldsFragment | null | undefined) => {
    if (next && (!room.value || Date.parse(next.serverTime) >= Date.parse(room.value.serverTime)))
      room.value = next
  }

  return { room, error, secondsLeft, accept }
}
