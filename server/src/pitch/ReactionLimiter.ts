import { RateLimiter } from '../collab/RateLimiter.ts'

const IDLE_MS = 10 * 60 * 1000

/** Per-key token buckets that forget keys idle for ten minutes, so memory stays bounded. */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, { limiter: RateLimiter; lastUsed: number }>()
  private sweeps = 0

  constructor(
    private readonly perSecond: number,
    private readonly burst: number
  ) {}

  take(key: string, now = Date.now()): boolean {
    if (++this.sweeps % 1000 === 0) this.sweep(now)
    let bucket = this.buckets.get(key)
    if (!bucket) {
      bucket = { limiter: new RateLimiter(this.perSecond, this.burst), lastUsed: now }
      this.buckets.set(key, bucket)
    }
    bucket.lastUsed = now
    return bucket.limiter.take()
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets)
      if (now - bucket.lastUsed > IDLE_MS) this.buckets.delete(key)
  }
}
