import type { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'
import type { Limiter, LimiterFactory, RateLimit } from '../ports/Limiter.ts'
import { MemoryLimiter } from './MemoryLimiter.ts'

/**
 * Takes ARGV[3] tokens from the bucket at KEYS[1] (burst ARGV[1], refilled at ARGV[2] per second) in one
 * atomic step. Redis's clock is used, not the instances', so their clocks need not agree. A bucket
 * expires once it would have refilled, so idle keys take no memory.
 */
const TAKE_TOKENS = `
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
local taken = 0
if tokens >= cost then
  tokens = tokens - cost
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return taken
`

type WithTakeTokens = Redis & {
  takeTokens(key: string, burst: number, perSecond: number, cost: number): Promise<number>
}

/**
 * One budget shared by every instance: its buckets live in Redis. While Redis is away each instance
 * limits on its own, in memory, rather than refusing everyone or letting everything through.
 */
export class RedisLimiter implements Limiter {
  private readonly fallback: MemoryLimiter
  private isFallingBack = false

  constructor(
    private readonly redis: WithTakeTokens,
    private readonly name: string,
    private readonly limit: RateLimit,
    private readonly log: Logger
  ) {
    this.fallback = new MemoryLimiter(limit)
  }

  async take(key: string, cost = 1): Promise<boolean> {
    try {
      const taken = await this.redis.takeTokens(
        `specboard:limit:${this.name}:${key}`,
        this.limit.burst,
        this.limit.perSecond,
        cost
      )
      if (this.isFallingBack)
        this.log.info('rate limit shared through Redis again', { limit: this.name })
      this.isFallingBack = false
      return taken === 1
    } catch (error) {
      if (!this.isFallingBack)
        this.log.warn('rate limit falls back to this instance while Redis is away', {
          limit: this.name,
          error: (error as Error).message,
        })
      this.isFallingBack = true
      return this.fallback.takeNow(key, cost)
    }
  }
}

/** Limiters whose budgets every instance shares, on one Redis connection. */
export function redisLimiters(redis: Redis, log: Logger): LimiterFactory {
  redis.defineCommand('takeTokens', { numberOfKeys: 1, lua: TAKE_TOKENS })
  return (name, limit) => new RedisLimiter(redis as WithTakeTokens, name, limit, log)
}
