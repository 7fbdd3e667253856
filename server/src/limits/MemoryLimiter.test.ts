import { describe, expect, it } from 'vitest'
import { MemoryLimiter } from './MemoryLimiter.ts'

describe('MemoryLimiter', () => {
  it('keeps one bucket per key', async () => {
    let now = 0
    const limiter = new MemoryLimiter({ burst: 2, perSecond: 1 }, 100, () => now)
    expect([await limiter.take('a'), await limiter.take('a'), await limiter.take('a')]).toEqual([
      true,
      true,
      false,
    ])
    expect(await limiter.take('b')).toBe(true)
    now = 1000
    expect(await limiter.take('a')).toBe(true)
    expect(await limiter.take('a')).toBe(false)
  })

  it('forgets the least recently used keys beyond its bound', () => {
    const limiter = new MemoryLimiter({ burst: 1, perSecond: 0.001 }, 2, () => 0)
    limiter.takeNow('a')
    limiter.takeNow('b')
    limiter.takeNow('a')
    limiter.takeNow('c')
    expect(limiter.size).toBe(2)
    expect(limiter.takeNow('b')).toBe(true)
    expect(limiter.takeNow('c')).toBe(false)
  })

  it('drops buckets that have refilled, so idle keys take no memory', () => {
    let now = 0
    const limiter = new MemoryLimiter({ burst: 1, perSecond: 1 }, 10_000, () => now)
    for (let i = 0; i < 999; i++) limiter.takeNow(`address-${i}`)
    expect(limiter.size).toBe(999)
    now = 2000
    limiter.takeNow('late')
    expect(limiter.size).toBe(1)
  })
})
