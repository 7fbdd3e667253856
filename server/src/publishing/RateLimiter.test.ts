import { describe, expect, it } from 'vitest'
import { SlidingWindowLimiter } from './RateLimiter.ts'

describe('SlidingWindowLimiter', () => {
  it('allows `limit` events per window and per key', () => {
    const limiter = new SlidingWindowLimiter(2, 1000)
    expect(limiter.take('a', 0)).toBe(true)
    expect(limiter.take('a', 10)).toBe(true)
    expect(limiter.take('a', 20)).toBe(false)
    expect(limiter.take('b', 20)).toBe(true)
    expect(limiter.take('a', 1001)).toBe(true)
  })

  it('forgets the oldest keys beyond its bound', () => {
    const limiter = new SlidingWindowLimiter(1, 1000, 2)
    limiter.take('a', 0)
    limiter.take('b', 0)
    limiter.take('c', 0)
    expect(limiter.take('a', 1)).toBe(true)
    expect(limiter.take('c', 1)).toBe(false)
  })
})
