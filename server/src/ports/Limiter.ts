/**
 * One interface for every rate limit: per socket messages, reactions, joins, applications, public forms.
 * The memory implementation holds one process's budget; a shared one (Redis) holds one budget across every
 * instance. Keys are what the server knows (a person, an address, a share link), never an id the client picks.
 */

/** A token bucket: `burst` at once, refilled at `perSecond`. */
export interface RateLimit {
  readonly perSecond: number
  readonly burst: number
}

export interface Limiter {
  /**
   * Takes `cost` (default 1) from `key`'s bucket; false, taking nothing, when the bucket holds less.
   * Never rejects: an implementation that cannot reach its store decides by itself (and logs why).
   */
  take(key: string, cost?: number): Promise<boolean>
}

/** Makes the limiter of one named budget (`name` keeps budgets apart in a shared store). */
export type LimiterFactory = (name: string, limit: RateLimit) => Limiter
