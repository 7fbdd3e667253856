import { afterEach, describe, expect, it, vi } from 'vitest'
import { RateLimiter } from './RateLimiter.ts'

describe('RateLimiter', () => {
  let now = 0
  afterEach(() => {
    vi.restoreAllMocks()
  })

  function limiter(perSecond: number, burst: number): RateLimiter {
    now = 1000
    vi.spyOn(performance, 'now').mockImplementation(() => now)
    return new RateLimiter(perSecond, burst)
  }

  function takeAll(l: RateLimiter, tries: number): number {
    let taken = 0
    for (let i = 0; i < tries; i++) if (l.take()) taken++
    return taken
  }

  it('allows a burst at once, then refuses', () => {
    const l = limiter(10, 5)
    expect(takeAll(l, 8)).toBe(5)
  })

  it('refills at the given rate', () => {
    const l = limiter(10, 5)
    takeAll(l, 5)
    now += 300
    expect(takeAll(l, 10)).toBe(3)
    now += 50
    expect(l.take()).toBe(false)
    now += 50
    expect(l.take()).toBe(true)
  })

  it('never holds more than the burst, however long it idles', () => {
    const l = limiter(10, 5)
    now += 60_000
    expect(takeAll(l, 100)).toBe(5)
  })

  it('lets a steady sender at the rate through indefinitely', () => {
    const l = limiter(300, 10)
    for (let i = 0; i < 3000; i++) {
      now += 1000 / 300
      expect(l.take()).toBe(true)
    }
  })
})
