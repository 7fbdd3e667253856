/**
 * Viewer counts over every instance, in Redis: one hash per stage document, one field per instance
 * holding that instance's counts. An instance that dies stops renewing its liveness key (liveness.ts),
 * and its field is dropped at the next report, so a crashed instance's viewers stop counting within
 * seconds.
 */
import type { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'
import type { AudienceCount, ViewerTally } from '../ports/ViewerTally.ts'
import { ALIVE_PREFIX } from '../redis/liveness.ts'

const PREFIX = 'specboard:viewers:'
/** A stage nobody reported on for a day is forgotten. */
const STAGE_TTL_MS = 24 * 60 * 60 * 1000

/**
 * KEYS[1]: the stage's hash. ARGV: this instance's id, its counts ('' for none), the liveness prefix,
 * the hash's time to live. Sets this instance's field, drops the fields of dead instances, returns the
 * rest. (The liveness keys are read without being declared: fine on one Redis, not on a cluster.)
 */
const REPORT = `
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
local fields = redis.call('HGETALL', KEYS[1])
local counts = {}
for i = 1, #fields, 2 do
  if fields[i] == ARGV[1] or redis.call('EXISTS', ARGV[3] .. fields[i]) == 1 then
    table.insert(counts, fields[i + 1])
  else
    redis.call('HDEL', KEYS[1], fields[i])
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return counts
`

type WithReport = Redis & {
  reportViewers(
    key: string,
    instanceId: string,
    counts: string,
    alivePrefix: string,
    ttlMs: number
  ): Promise<string[]>
}

type Entry = readonly [key: string, programId: string, count: number]

export class RedisViewerTally implements ViewerTally {
  private readonly redis: WithReport

  constructor(
    redis: Redis,
    private readonly instanceId: string,
    private readonly log: Logger
  ) {
    redis.defineCommand('reportViewers', { numberOfKeys: 1, lua: REPORT })
    this.redis = redis as WithReport
  }

  async report(
    document: string,
    counts: ReadonlyMap<string, AudienceCount>
  ): Promise<Map<string, AudienceCount>> {
    const entries: Entry[] = [...counts].map(([key, c]) => [key, c.programId, c.count])
    try {
      const all = await this.redis.reportViewers(
        PREFIX + document,
        this.instanceId,
        entries.length === 0 ? '' : JSON.stringify(entries),
        ALIVE_PREFIX,
        STAGE_TTL_MS
      )
      return sum(all)
    } catch (error) {
      this.log.warn('viewer counts fall back to this instance', {
        document,
        error: (error as Error).message,
      })
      return new Map(counts)
    }
  }

  async close(): Promise<void> {}
}

function sum(fields: readonly string[]): Map<string, AudienceCount> {
  const totals = new Map<string, AudienceCount>()
  for (const field of fields) {
    let entries: unknown
    try {
      entries = JSON.parse(field)
    } catch {
      continue
    }
    if (!Array.isArray(entries)) continue
    for (const entry of entries) {
      if (!Array.isArray(entry)) continue
      const [key, programId, count] = entry as unknown[]
      if (typeof key !== 'string' || typeof programId !== 'string' || typeof count !== 'number')
        continue
      totals.set(key, { programId, count: (totals.get(key)?.count ?? 0) + count })
    }
  }
  return totals
}
