/** A token bucket: `burst` at once, refilled at `perSecond`. Time is passed in, in milliseconds. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number
  ) {
    this.tokens = burst
    this.last = now
  }

  /** Takes `cost` tokens; false, taking nothing, when the bucket holds fewer. */
  take(now: number, cost = 1): boolean {
    this.tokens = this.tokensAt(now)
    this.last = Math.max(this.last, now)
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }

  /** Whether the bucket is full again at `now`, i.e. forgetting it changes nothing. */
  isFullAt(now: number): boolean {
    return this.tokensAt(now) >= this.burst
  }

  private tokensAt(now: number): number {
    return Math.min(
      this.burst,
      this.tokens + (Math.max(0, now - this.last) / 1000) * this.perSecond
    )
  }
}
