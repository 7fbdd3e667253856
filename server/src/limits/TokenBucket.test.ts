import { describe, expect, it } from 'vitest'
import { TokenBucket } from './TokenBucket.ts'

describe('TokenBucket', () => {
  function takeAll(bucket: TokenBucket, now: number, tries: number): number {
    let taken = 0
    for (let i = 0; i < tries; i++) if (bucket.take(now)) taken++
    return taken
  }

  it('allows a burst at once, then refuses', () => {
    expect(takeAll(new TokenBucket(10, 5, 1000), 1000, 8)).toBe(5)
  })

  it('refills at the given rate', () => {
    const bucket = new TokenBucket(10, 5, 1000)
    takeAll(bucket, 1000, 5)
    expect(takeAll(bucket, 1300, 10)).toBe(3)
    expect(bucket.take(1350)).toBe(false)
    expect(bucket.take(1400)).toBe(true)
  })

  it('never holds more than the burst, however long it idles', () => {
    const bucket = new TokenBucket(10, 5, 1000)
    expect(bucket.isFullAt(61_000)).toBe(true)
    expect(takeAll(bucket, 61_000, 100)).toBe(5)
  })

  it('lets a steady sender at the rate through indefinitely', () => {
    const bucket = new TokenBucket(300, 10, 0)
    for (let i = 1; i <= 3000; i++) expect(bucket.take((i * 1000) / 300)).toBe(true)
  })

  it('takes a cost at once or not at all', () => {
    const bucket = new TokenBucket(1, 5, 0)
    expect(bucket.take(0, 3)).toBe(true)
    expect(bucket.take(0, 3)).toBe(false)
    expect(bucket.take(0, 2)).toBe(true)
    expect(bucket.isFullAt(4000)).toBe(false)
    expect(bucket.isFullAt(5000)).toBe(true)
  })

  it('does not refill when the clock steps back', () => {
    const bucket = new TokenBucket(10, 1, 1000)
    expect(bucket.take(1000)).toBe(true)
    expect(bucket.take(500)).toBe(false)
    expect(bucket.take(1000)).toBe(false)
  })
})
