/**
 * Which instances are alive: each renews `specboard:instance:<id>` every few seconds. Records one
 * instance keeps in a shared hash (viewer counts, people here) count only while its key exists, so a
 * crashed instance's records stop counting within seconds.
 */
import type { Redis } from 'ioredis'

export const ALIVE_PREFIX = 'specboard:instance:'
const ALIVE_MS = 15_000
const RENEW_MS = 5_000

export class InstanceLiveness {
  private readonly renewal: NodeJS.Timeout

  constructor(
    private readonly redis: Redis,
    private readonly instanceId: string,
    /** Called after each renewal that reached Redis (to resend what failed meanwhile). */
    private readonly onRenewed: () => void = () => {}
  ) {
    this.renew()
    this.renewal = setInterval(() => this.renew(), RENEW_MS)
    this.renewal.unref()
  }

  async close(): Promise<void> {
    clearInterval(this.renewal)
    // Our records stop counting at once, not when the key expires.
    await this.redis.del(ALIVE_PREFIX + this.instanceId).catch(() => {})
  }

  private renew(): void {
    this.redis.set(ALIVE_PREFIX + this.instanceId, '1', 'PX', ALIVE_MS).then(
      () => this.onRenewed(),
      () => {}
    )
  }
}
