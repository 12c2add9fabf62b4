import { describe, expect, it } from 'vitest'
import { HashGate } from './hashGate'
import { ACCOUNT_RULE, ADDRESS_RULE, delayAfter, LoginThrottle } from './loginThrottle'

function clock(start = 1_000_000) {
  const c = { now: start, tick: (ms: number) => (c.now += ms) }
  return c
}

describe('loginThrottle', () => {
  it('counts a burst attempt by attempt: five pass, the sixth must wait', () => {
    const c = clock()
    const throttle = new LoginThrottle(() => c.now)
    const answers = Array.from({ length: 20 }, () => throttle.attempt('advisor', '10.0.0.9'))
    expect(answers.filter(wait => wait === 0)).toHaveLength(ACCOUNT_RULE.free)
    expect(answers[ACCOUNT_RULE.free]).toBe(ACCOUNT_RULE.firstDelayMs)
  })

  it('delays progressively, never locks: each wait ends, and doubles up to the cap', () => {
    const c = clock()
    const throttle = new LoginThrottle(() => c.now)
    for (let i = 0; i < ACCOUNT_RULE.free; i++)
      expect(throttle.attempt('advisor', '10.0.0.9')).toBe(0)
    for (let extra = 0; extra < 14; extra++) {
      const wait = delayAfter(ACCOUNT_RULE.free + extra, ACCOUNT_RULE)
      expect(throttle.attempt('advisor', '10.0.0.9')).toBe(wait)
      c.tick(wait - 1)
      expect(throttle.attempt('advisor', '10.0.0.9')).toBe(1)
      c.tick(1)
      expect(throttle.attempt('advisor', '10.0.0.9')).toBe(0)
    }
    expect(delayAfter(ACCOUNT_RULE.free + 40, ACCOUNT_RULE)).toBe(ACCOUNT_RULE.maxDelayMs)
  })

  it('does not slow the real user at another address', () => {
    const c = clock()
    const throttle = new LoginThrottle(() => c.now)
    for (let i = 0; i < 25; i++)
      throttle.attempt('advisor', '10.0.0.9')
    expect(throttle.attempt('advisor', '192.168.1.20')).toBe(0)
  })

  it('bounds one address spraying many accounts', () => {
    const c = clock()
    const throttle = new LoginThrottle(() => c.now)
    for (let i = 0; i < ADDRESS_RULE.free; i++)
      expect(throttle.attempt(`user${i}`, '10.0.0.9')).toBe(0)
    expect(throttle.attempt('another', '10.0.0.9')).toBe(ADDRESS_RULE.firstDelayMs)
  })

  it('starts the address and account+address counters again after a successful login', () => {
    const c = clock()
    const throttle = new LoginThrottle(() => c.now)
    for (let i = 0; i < ACCOUNT_RULE.free; i++)
      throttle.attempt('cadre', '10.0.0.9')
    throttle.succeed('cadre', '10.0.0.9')
    for (let i = 0; i < ACCOUNT_RULE.free; i++)
      expect(throttle.attempt('cadre', '10.0.0.9')).toBe(0)
  })
})

describe('hashGate', () => {
  it('runs two hashes at once, queues eight, refuses the rest at once with a clear message', async () => {
    const gate = new HashGate(2, 8)
    let running = 0
    let most = 0
    const releases: (() => void)[] = []
    const hash = () => new Promise<boolean>((resolve) => {
      running++
      most = Math.max(most, running)
      releases.push(() => {
        running--
        resolve(true)
      })
    })
    const results = Array.from({ length: 15 }, () => gate.run(hash).then(() => 'done', (error: Error) => error.message))
    const refused = await Promise.all(results.slice(10))
    expect(refused).toEqual(Array.from({ length: 5 }, () => expect.stringContaining('登录请求过多，请稍后再试')))
    // Release the hashes one by one; each release lets the next queued one start.
    for (let released = 0; released < 10; released++) {
      await new Promise(resolve => setImmediate(resolve))
      releases.shift()!()
    }
    expect(await Promise.all(results.slice(0, 10))).toEqual(Array.from({ length: 10 }, () => 'done'))
    expect(most).toBe(2)
    // Free again afterwards.
    expect(await gate.run(async () => 'again')).toBe('again')
  })
})
