/**
 * What an instance shares with the others: the relay of live documents, the rate limits' budgets, the
 * viewer counts and who is on which document.
 * With no REDIS_URL there are no others — a relay that carries nothing and limits in memory, exactly the
 * single-process server. With REDIS_URL, both go through Redis; an unreachable Redis at start is an error
 * (main.ts says so and exits), never a silent fall back to running alone.
 */
import type { Logger } from './logger.ts'
import { type ActivePeopleDirectory, LocalActivePeople } from './ports/ActivePeople.ts'
import type { LimiterFactory } from './ports/Limiter.ts'
import { LocalRelay, type Relay } from './ports/Relay.ts'
import { LocalViewerTally, type ViewerTally } from './ports/ViewerTally.ts'
import { RedisViewerTally } from './pitch/RedisViewerTally.ts'
import { memoryLimiters } from './limits/MemoryLimiter.ts'
import { redisLimiters } from './limits/RedisLimiter.ts'
import { RedisActivePeople } from './relay/RedisActivePeople.ts'
import { RedisRelay } from './relay/RedisRelay.ts'
import { connectRedis } from './redis/connectRedis.ts'
import { InstanceLiveness } from './redis/liveness.ts'

export interface InstanceLink {
  readonly relay: Relay
  readonly limiters: LimiterFactory
  readonly viewers: ViewerTally
  readonly people: ActivePeopleDirectory
  /** Names the link in the start-up lines. */
  readonly description: string
  close(): Promise<void>
}

/** The link of a process that runs alone. */
export function localLink(): InstanceLink {
  return {
    relay: new LocalRelay(),
    limiters: memoryLimiters,
    viewers: new LocalViewerTally(),
    people: new LocalActivePeople(),
    description: 'single instance (no REDIS_URL)',
    close: async () => {},
  }
}

/** Connects to Redis, or returns the local link without a URL; throws RedisUnreachableError. */
export async function openInstanceLink(
  redisUrl: string | undefined,
  log: Logger
): Promise<InstanceLink> {
  if (!redisUrl) return localLink()
  const relay = await RedisRelay.open(redisUrl, log)
  let commands: Awaited<ReturnType<typeof connectRedis>>
  try {
    commands = await connectRedis(redisUrl, 'commands', log)
  } catch (error) {
    await relay.close()
    throw error
  }
  const viewers = new RedisViewerTally(commands, relay.instanceId, log)
  const people = new RedisActivePeople(commands, relay.instanceId, log)
  const liveness = new InstanceLiveness(commands, relay.instanceId, () => people.resend())
  return {
    relay,
    limiters: redisLimiters(commands, log),
    viewers,
    people,
    description: `several instances through Redis (instance ${relay.instanceId})`,
    async close() {
      await viewers.close()
      await people.close()
      await liveness.close()
      await relay.close()
      await commands.quit().catch(() => {})
    },
  }
}
