import type { Limiter, LimiterFactory, RateLimit } from '../ports/Limiter.ts'
import { TokenBucket } from './TokenBucket.ts'

const DEFAULT_MAX_KEYS = 50_000
const SWEEP_EVERY = 1000

/**
 * One budget's token buckets in this process: the limiter of a single instance. Memory stays bounded:
 * buckets that have refilled are forgotten (a fresh one is the same), and past `maxKeys` the least
 * recently used go first, so a flood of distinct keys cannot grow it.
 */
export class MemoryLimiter implements Limiter {
  private readonly buckets = new Map<string, TokenBucket>()
  private takes = 0

  constructor(
    private readonly limit: RateLimit,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
    private readonly clock: () => number = Date.now
  ) {}

  async take(key: string, cost = 1): Promise<boolean> {
    return this.takeNow(key, cost)
  }

  /** `take`, synchronously: for the per-socket budget and the Redis limiter's fallback. */
  takeNow(key: string, cost = 1): boolean {
    const now = this.clock()
    if (++this.takes % SWEEP_EVERY === 0) this.sweep(now)
    let bucket = this.buckets.get(key)
    if (bucket) this.buckets.delete(key)
    else bucket = new TokenBucket(this.limit.perSecond, this.limit.burst, now)
    // Re-inserted on every use, so the map's order is least recently used first.
    this.buckets.set(key, bucket)
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!)
    return bucket.take(now, cost)
  }

  /** Buckets held now. */
  get size(): number {
    return this.buckets.size
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFullAt(now)) this.buckets.delete(key)
  }
}

/** Limiters of a single instance: each budget in memory. */
export const memoryLimiters: LimiterFactory = (_name, limit) => new MemoryLimiter(limit)
