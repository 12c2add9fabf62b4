import type { Outcome, Pending } from './groupCommit'
import { describe, expect, it } from 'vitest'
import { GroupCommit, RETRY } from './groupCommit'

/** A handler that records its batches and answers each number doubled, after a tick. */
function recorder(decide: (n: number, rounds: number) => Outcome<number> = n => ({ value: n * 2 })) {
  const batches: number[][] = []
  const handle = async (batch: readonly Pending<number>[]) => {
    batches.push(batch.map(b => b.input))
    await new Promise(resolve => setTimeout(resolve, 5))
    return batch.map(b => decide(b.input, b.rounds))
  }
  return { batches, handle }
}

describe('group commit', () => {
  it('sends a lone entry at once, alone', async () => {
    const { batches, handle } = recorder()
    const group = new GroupCommit(handle)
    await expect(group.add(1)).resolves.toBe(2)
    expect(batches).toEqual([[1]])
  })

  it('puts the entries that arrive while a batch is written into the next batch', async () => {
    const { batches, handle } = recorder()
    const group = new GroupCommit(handle)
    const first = group.add(1)
    await new Promise(resolve => setImmediate(resolve))
    const rest = [2, 3, 4, 5].map(n => group.add(n))
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10])
    expect(batches).toEqual([[1], [2, 3, 4, 5]])
  })

  it('splits a queue longer than the largest batch', async () => {
    const { batches, handle } = recorder()
    const group = new GroupCommit(handle, { maxBatch: 3 })
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map(n => group.add(n)))
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]])
  })

  it('rejects only the entries the handler fails, and retries the ones it defers in the next batch', async () => {
    const { batches, handle } = recorder((n, rounds) => n === 2 ? { error: new Error('two') } : n === 3 && rounds === 1 ? RETRY : { value: n * 2 })
    const group = new GroupCommit(handle)
    const results = await Promise.allSettled([1, 2, 3].map(n => group.add(n)))
    expect(results.map(r => r.status === 'fulfilled' ? r.value : (r.reason as Error).message)).toEqual([2, 'two', 6])
    expect(batches).toEqual([[1, 2, 3], [3]])
  })

  it('runs each entry alone when a whole batch throws, so one bad entry fails only itself', async () => {
    const batches: number[][] = []
    const group = new GroupCommit<number, number>(async (batch) => {
      batches.push(batch.map(b => b.input))
      if (batch.some(b => b.input === 13))
        throw new Error('unlucky')
      return batch.map(b => ({ value: b.input }))
    })
    const results = await Promise.allSettled([12, 13, 14].map(n => group.add(n)))
    expect(results.map(r => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(batches).toEqual([[12, 13, 14], [12], [13], [14]])
    expect(group.size).toBe(0)
  })

  it('fails the whole batch at once for an error no entry caused (the database is down)', async () => {
    let calls = 0
    const group = new GroupCommit<number, number>(async () => {
      calls++
      throw new Error('unreachable')
    }, { isolate: error => (error as Error).message !== 'unreachable' })
    const results = await Promise.allSettled([1, 2, 3].map(n => group.add(n)))
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(calls).toBe(1)
  })

  it('writes a second batch while the first is in flight when allowed two at once, never a third', async () => {
    let inFlight = 0
    let most = 0
    const batches: number[][] = []
    const group = new GroupCommit<number, number>(async (batch) => {
      batches.push(batch.map(b => b.input))
      most = Math.max(most, ++inFlight)
      await new Promise(resolve => setTimeout(resolve, 20))
      inFlight--
      return batch.map(b => ({ value: b.input }))
    }, { concurrency: 2 })
    const first = group.add(1)
    await new Promise(resolve => setImmediate(resolve))
    const second = group.add(2)
    await new Promise(resolve => setImmediate(resolve))
    const rest = [3, 4].map(n => group.add(n))
    expect(await Promise.all([first, second, ...rest])).toEqual([1, 2, 3, 4])
    expect(batches).toEqual([[1], [2], [3, 4]])
    expect(most).toBe(2)
  })

  it('lets another queue go first: starts only while it is idle, and settles after both', async () => {
    const order: string[] = []
    const urgent = new GroupCommit<string, void>(async (batch) => {
      order.push(...batch.map(b => b.input))
      await new Promise(resolve => setTimeout(resolve, 10))
      return batch.map(() => ({ value: undefined }))
    })
    const later = new GroupCommit<string, void>(async (batch) => {
      order.push(...batch.map(b => b.input))
      return batch.map(() => ({ value: undefined }))
    })
    later.yieldTo(urgent)
    void urgent.add('submit 1')
    await new Promise(resolve => setImmediate(resolve))
    void later.add('follow-up 1')
    void urgent.add('submit 2')
    await later.settled()
    expect(order).toEqual(['submit 1', 'submit 2', 'follow-up 1'])
    expect(urgent.idle && later.idle).toBe(true)
  })
})
