/**
 * A sliding-window limit per key (an IP address): at most `limit` events in `windowMs`. In memory, so it
 * resets with the process and is per server; enough to slow a script down, with no third party involved.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** Keys kept at most; the oldest are forgotten first, so a flood of addresses cannot grow memory. */
    private readonly maxKeys = 10_000
  ) {}

  /** Records an event for `key` and says whether it is within the limit. */
  take(key: string, now = Date.now()): boolean {
    const since = now - this.windowMs
    const recent = (this.events.get(key) ?? []).filter((t) => t > since)
    if (recent.length >= this.limit) {
      this.events.set(key, recent)
      return false
    }
    recent.push(now)
    this.events.delete(key)
    this.events.set(key, recent)
    if (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value!)
    return true
  }
}
