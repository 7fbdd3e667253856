/**
 * Who is on which document over every instance, in Redis: one hash per document, one field per instance
 * holding the people behind that instance's sockets. A field counts only while its instance is alive
 * (liveness.ts); reads drop the fields of dead ones. Reports are not queued while Redis is away: the
 * documents whose report failed are sent again after the next liveness renewal that reaches Redis.
 */
import type { Redis } from 'ioredis'
import { ActivePerson } from '@specboard/shared'
import type { Logger } from '../logger.ts'
import type { ActivePeopleDirectory } from '../ports/ActivePeople.ts'
import { ALIVE_PREFIX } from '../redis/liveness.ts'

const PREFIX = 'specboard:active:'
/** A document nobody reported on for a day is forgotten. */
const DOCUMENT_TTL_MS = 24 * 60 * 60 * 1000

/**
 * KEYS: the documents' hashes. ARGV[1]: the liveness prefix. Returns, per key, the fields of live
 * instances as [instance, people, …]; drops the fields of dead ones. (The liveness keys are read without
 * being declared: fine on one Redis, not on a cluster.)
 */
const LIST = `
local out = {}
for k = 1, #KEYS do
  local fields = redis.call('HGETALL', KEYS[k])
  local live = {}
  for i = 1, #fields, 2 do
    if redis.call('EXISTS', ARGV[1] .. fields[i]) == 1 then
      table.insert(live, fields[i])
      table.insert(live, fields[i + 1])
    else
      redis.call('HDEL', KEYS[k], fields[i])
    end
  end
  out[k] = live
end
return out
`

type WithList = Redis & {
  listActivePeople(...args: string[]): Promise<string[][]>
}

export class RedisActivePeople implements ActivePeopleDirectory {
  private readonly redis: WithList
  /** This instance's people per document, as last reported (the fresher truth for our own field). */
  private readonly here = new Map<string, readonly ActivePerson[]>()
  /** Documents whose last report did not reach Redis. */
  private readonly unsent = new Set<string>()

  constructor(
    redis: Redis,
    private readonly instanceId: string,
    private readonly log: Logger
  ) {
    redis.defineCommand('listActivePeople', { lua: LIST })
    this.redis = redis as WithList
  }

  report(document: string, people: readonly ActivePerson[]): void {
    if (people.length === 0) this.here.delete(document)
    else this.here.set(document, people)
    this.send(document)
  }

  async list(documents: readonly string[]): Promise<Map<string, ActivePerson[]>> {
    const result = new Map(documents.map((d) => [d, [...(this.here.get(d) ?? [])]]))
    if (documents.length === 0) return result
    let fields: string[][]
    try {
      fields = await this.redis.listActivePeople(
        String(documents.length),
        ...documents.map((d) => PREFIX + d),
        ALIVE_PREFIX
      )
    } catch (error) {
      this.log.warn('people here fall back to this instance', {
        error: (error as Error).message,
      })
      return result
    }
    documents.forEach((document, k) => {
      const people = result.get(document)!
      const seen = new Set(people.map((p) => p.personId))
      const live = fields[k] ?? []
      for (let i = 0; i < live.length; i += 2) {
        if (live[i] === this.instanceId) continue
        for (const person of parsePeople(live[i + 1]!))
          if (!seen.has(person.personId)) {
            seen.add(person.personId)
            people.push(person)
          }
      }
    })
    return result
  }

  /** Sends again what failed to reach Redis (called once Redis answers again). */
  resend(): void {
    for (const document of [...this.unsent]) this.send(document)
  }

  async close(): Promise<void> {
    const documents = [...this.here.keys()]
    this.here.clear()
    await Promise.allSettled(documents.map((d) => this.redis.hdel(PREFIX + d, this.instanceId)))
  }

  private send(document: string): void {
    const key = PREFIX + document
    const people = this.here.get(document)
    this.unsent.delete(document)
    const sent = people
      ? this.redis
          .multi()
          .hset(key, this.instanceId, JSON.stringify(people))
          .pexpire(key, DOCUMENT_TTL_MS)
          .exec()
      : this.redis.hdel(key, this.instanceId)
    sent.catch(() => this.unsent.add(document))
  }
}

function parsePeople(field: string): ActivePerson[] {
  try {
    const parsed = ActivePerson.array().safeParse(JSON.parse(field))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}
