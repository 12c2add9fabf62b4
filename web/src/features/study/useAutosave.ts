import type { Ref } from 'vue'
import type { GraphQLFailure } from '@/composables/useGraphQL'
import { reactive, watch } from 'vue'

/** Where one question's answer is on its way to the server. */
export type SaveState = 'saving' | 'saved' | 'error'

/** What the autosave needs from the page. */
export interface AutosaveOptions {
  /** The attempt's questions, with the answers the server already holds. */
  items: Readonly<Ref<readonly { questionId: string, given?: readonly string[] | null }[]>>
  /** False once the attempt is submitted: nothing is sent after that. */
  active: Readonly<Ref<boolean>>
  /** Sends one answer; resolves to null and describes the failure in `failure()` when it fails. */
  send: (questionId: string, given: string[]) => Promise<unknown | null>
  failure: () => GraphQLFailure | null
  /** The attempt closed under us (time up, or submitted elsewhere): CONFLICT from the server. */
  onClosed: () => Promise<void>
  /** A refused answer (BAD_USER_INPUT): shown to the person, not retried. */
  onRefused: (failure: GraphQLFailure) => void
  /** The wait before retry `n` (1, 2, …) after a network or server failure. */
  backoff?: (n: number) => Promise<void>
}

/** Retries after this many failures in a row wait for the next change instead. */
const MAX_FAILURES = 6

/**
 * Answers saved as the person goes: each change is queued (text after a pause), one save at a time,
 * retried with back-off when the network fails, so a reload or a lost connection loses nothing.
 */
export function useAutosave(options: AutosaveOptions) {
  const answers = reactive<Record<string, string[]>>({})
  const saveState = reactive<Record<string, SaveState>>({})
  const dirty = new Set<string>()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  let draining: Promise<void> | null = null
  const backoff = options.backoff ?? (n => new Promise<void>(resolve => setTimeout(resolve, Math.min(10_000, 1000 * 2 ** n))))

  watch(options.items, (list) => {
    for (const item of list) {
      if (!(item.questionId in answers))
        answers[item.questionId] = item.given ? [...item.given] : []
      if (item.given && !saveState[item.questionId])
        saveState[item.questionId] = 'saved'
    }
  }, { immediate: true })

  async function drain(): Promise<void> {
    if (draining)
      return draining
    draining = (async () => {
      let failures = 0
      while (dirty.size > 0 && options.active.value) {
        const questionId = dirty.values().next().value as string
        dirty.delete(questionId)
        saveState[questionId] = 'saving'
        if (await options.send(questionId, [...(answers[questionId] ?? [])])) {
          saveState[questionId] = 'saved'
          failures = 0
          continue
        }
        saveState[questionId] = 'error'
        const failure = options.failure()
        if (failure?.code === 'CONFLICT') {
          await options.onClosed()
          break
        }
        if (failure?.code === 'BAD_USER_INPUT') {
          options.onRefused(failure)
          continue
        }
        dirty.add(questionId)
        failures++
        await backoff(failures)
        if (failures > MAX_FAILURES)
          break
      }
    })().finally(() => {
      draining = null
    })
    return draining
  }

  /** Queues a question's answer to be saved after `delay` ms (typing waits; clicks do not). */
  function changed(questionId: string, delay = 0): void {
    clearTimeout(timers.get(questionId))
    timers.set(questionId, setTimeout(() => {
      dirty.add(questionId)
      void drain()
    }, delay))
  }

  /** Saves everything still waiting, now (leaving a question, submitting, leaving the page). */
  async function flushAll(): Promise<void> {
    for (const [questionId, timer] of timers) {
      clearTimeout(timer)
      dirty.add(questionId)
    }
    timers.clear()
    await drain()
  }

  const isAnswered = (questionId: string) => (answers[questionId] ?? []).some(v => v.trim() !== '')

  return { answers, saveState, changed, flushAll, isAnswered }
}
