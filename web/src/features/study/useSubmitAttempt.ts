import type { Ref } from 'vue'
import type { GraphQLFailure } from '@/composables/useGraphQL'
import { ref } from 'vue'

/** Refusals that a retry cannot change. */
const FINAL = new Set(['FORBIDDEN', 'NOT_FOUND'])

/**
 * Submitting an answer sheet: one submissionId per attempt, kept in sessionStorage across reloads and
 * retries, so however often the request is repeated (double click, lost answer) the server counts it once.
 */
export function useSubmitAttempt(options: {
  attemptId: Readonly<Ref<string>>
  send: (submissionId: string) => Promise<unknown | null>
  failure: () => GraphQLFailure | null
  retryWait?: (n: number) => Promise<void>
}) {
  const submitting = ref(false)
  const wait = options.retryWait ?? (n => new Promise<void>(resolve => setTimeout(resolve, 1000 * n)))

  function submissionId(): string {
    const key = `xuefa.submission.${options.attemptId.value}`
    let value = sessionStorage.getItem(key)
    if (!value) {
      value = crypto.randomUUID()
      sessionStorage.setItem(key, value)
    }
    return value
  }

  /** Sends the submission, retrying a few times unless refused for good; the failure, or null on success. */
  async function submit(): Promise<GraphQLFailure | null> {
    const sid = submissionId()
    let result = await options.send(sid)
    for (let retry = 1; !result && retry <= 3 && !FINAL.has(options.failure()?.code ?? ''); retry++) {
      await wait(retry)
      result = await options.send(sid)
    }
    return result ? null : (options.failure() ?? { code: 'UNKNOWN', message: '', details: {} })
  }

  return { submitting, submit }
}
