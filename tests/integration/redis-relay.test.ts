/**
 * The Redis relay and limiter between two "instances" (two relays in this process) over a real
 * redis-server: what crosses, what does not, and what happens when Redis goes away and comes back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../../server/src/logger.ts'
import type { CloseSockets, DocumentMessage } from '../../server/src/ports/Relay.ts'
import { RedisRelay } from '../../server/src/relay/RedisRelay.ts'
import { connectRedis, RedisUnreachableError } from '../../server/src/redis/connectRedis.ts'
import { redisLimiters } from '../../server/src/limits/RedisLimiter.ts'
import { RedisViewerTally } from '../../server/src/pitch/RedisViewerTally.ts'
import { RedisActivePeople } from '../../server/src/relay/RedisActivePeople.ts'
import { InstanceLiveness } from '../../server/src/redis/liveness.ts'
import { freePort, startRedis, type TestRedis } from '../helpers/startRedis.ts'
import { sleep, waitFor } from '../helpers/wsClient.ts'

let redis: TestRedis
const opened: { close(): Promise<void> }[] = []

async function relay(): Promise<RedisRelay> {
  const r = await RedisRelay.open(redis.url, silentLogger)
  opened.push(r)
  return r
}

function update(...bytes: number[]): DocumentMessage {
  return { type: 'update', update: new Uint8Array(bytes) }
}

beforeAll(async () => {
  redis = await startRedis()
})
afterEach(async () => {
  await Promise.all(opened.splice(0).map((r) => r.close()))
})
afterAll(async () => {
  await redis?.stop()
})

describe('RedisRelay', () => {
  it('carries a document’s messages to the other instances, in order, never back to the sender', async () => {
    const [a, b] = [await relay(), await relay()]
    const heardByA: DocumentMessage[] = []
    const heardByB: DocumentMessage[] = []
    const heardOtherDoc: DocumentMessage[] = []
    await a.subscribe('spec:t1', (m) => heardByA.push(m))
    await b.subscribe('spec:t1', (m) => heardByB.push(m))
    await b.subscribe('spec:t2', (m) => heardOtherDoc.push(m))
    for (let i = 0; i < 50; i++) await a.publish('spec:t1', update(i))
    await a.publish('spec:t1', { type: 'presence', update: new Uint8Array([7, 7]) })
    await waitFor(() => heardByB.length === 51, { what: 'B hears A' })
    expect(heardByB.slice(0, 50).map((m) => m.type === 'update' && m.update[0])).toEqual([
      ...Array(50).keys(),
    ])
    expect(heardByB[50]).toEqual({ type: 'presence', update: new Uint8Array([7, 7]) })
    await sleep(100)
    expect(heardByA).toEqual([])
    expect(heardOtherDoc).toEqual([])
  })

  it('stops delivering a document once unsubscribed', async () => {
    const [a, b] = [await relay(), await relay()]
    const heard: DocumentMessage[] = []
    const unsubscribe = await b.subscribe('spec:t1', (m) => heard.push(m))
    await a.publish('spec:t1', update(1))
    await waitFor(() => heard.length === 1)
    await unsubscribe()
    await a.publish('spec:t1', update(2))
    await sleep(150)
    expect(heard).toHaveLength(1)
  })

  it('carries close orders to every other instance', async () => {
    const [a, b, c] = [await relay(), await relay(), await relay()]
    const orders: CloseSockets[][] = [[], [], []]
    a.onClose((o) => orders[0].push(o))
    b.onClose((o) => orders[1].push(o))
    c.onClose((o) => orders[2].push(o))
    const order = { match: { shareLinkId: 'link-1' }, code: 4401, reason: 'withdrawn' }
    await a.publishClose(order)
    await waitFor(() => orders[1].length === 1 && orders[2].length === 1)
    expect(orders[1][0]).toEqual(order)
    expect(orders[0]).toEqual([])
  })

  it('survives Redis going away: drops publishes meanwhile, resubscribes and asks everyone to resync', async () => {
    const [a, b] = [await relay(), await relay()]
    const heardByB: DocumentMessage[] = []
    await b.subscribe('spec:t1', (m) => heardByB.push(m))
    let resyncsA = 0
    let resyncsB = 0
    a.onResync(() => resyncsA++)
    b.onResync(() => resyncsB++)

    await redis.kill()
    // Publishing while Redis is away neither throws nor waits, and nothing is queued for later.
    await a.publish('spec:t1', update(1))
    await sleep(300)
    await redis.start()

    await waitFor(() => resyncsA > 0 && resyncsB > 0, { timeoutMs: 10_000, what: 'resync on both' })
    // B's subscription is back: what A publishes now arrives, and the outage's message never does.
    await waitFor(
      () => {
        void a.publish('spec:t1', update(2))
        return heardByB.length > 0
      },
      { timeoutMs: 5000, intervalMs: 100, what: 'B hears A again' }
    )
    expect(heardByB.every((m) => m.type === 'update' && m.update[0] === 2)).toBe(true)
  })
})

describe('redisLimiters', () => {
  it('holds one budget across instances', async () => {
    const [one, two] = [
      await connectRedis(redis.url, 'test-1', silentLogger),
      await connectRedis(redis.url, 'test-2', silentLogger),
    ]
    opened.push(
      { close: async () => void one.disconnect() },
      { close: async () => void two.disconnect() }
    )
    const limit = { burst: 6, perSecond: 0.01 }
    const onA = redisLimiters(one, silentLogger)('test-shared', limit)
    const onB = redisLimiters(two, silentLogger)('test-shared', limit)
    const otherBudget = redisLimiters(two, silentLogger)('test-other', limit)
    const taken: boolean[] = []
    for (let i = 0; i < 5; i++)
      taken.push(await onA.take('203.0.113.9'), await onB.take('203.0.113.9'))
    expect(taken.filter(Boolean)).toHaveLength(6)
    expect(await onB.take('198.51.100.1')).toBe(true)
    expect(await otherBudget.take('203.0.113.9')).toBe(true)
    expect(await onA.take('203.0.113.9', 0)).toBe(true)
  })

  it('limits each instance on its own while Redis is away, and shares again when it is back', async () => {
    const client = await connectRedis(redis.url, 'test-fallback', silentLogger)
    opened.push({ close: async () => void client.disconnect() })
    const limiter = redisLimiters(client, silentLogger)('test-fallback', {
      burst: 2,
      perSecond: 0.01,
    })
    await redis.kill()
    expect([await limiter.take('k'), await limiter.take('k'), await limiter.take('k')]).toEqual([
      true,
      true,
      false,
    ])
    await redis.start()
    await waitFor(() => client.status === 'ready', { timeoutMs: 10_000, what: 'reconnect' })
    // Redis restarted empty, so the shared budget is full again.
    expect(await limiter.take('k')).toBe(true)
  })
})

describe('RedisViewerTally', () => {
  it('sums the audience over live instances and forgets one that died', async () => {
    const client = await connectRedis(redis.url, 'test-viewers', silentLogger)
    // Each instance renews its liveness key; the tallies count only live instances' fields.
    const alive = ['instance-a', 'instance-b'].map((id) => new InstanceLiveness(client, id))
    const a = new RedisViewerTally(client, 'instance-a', silentLogger)
    const b = new RedisViewerTally(client, 'instance-b', silentLogger)
    opened.push(a, b, ...alive, { close: async () => void client.disconnect() })
    const session = (count: number) => new Map([['session:s1', { programId: 'p1', count }]])
    expect(await a.report('stage:t1', session(3))).toEqual(session(3))
    const both = await b.report(
      'stage:t1',
      new Map([...session(2), ['team:t1', { programId: 'p1', count: 1 }]])
    )
    expect(both).toEqual(new Map([...session(5), ['team:t1', { programId: 'p1', count: 1 }]]))
    expect(await a.report('stage:t2', session(1))).toEqual(session(1))
    // B's viewers leave; then A's process dies without a word (its liveness key expires).
    expect(await b.report('stage:t1', new Map())).toEqual(session(3))
    await alive[0]!.close()
    expect(await b.report('stage:t1', session(4))).toEqual(session(4))
  })
})

describe('RedisActivePeople', () => {
  it('lists the people of every live instance once each, and forgets one that died', async () => {
    const client = await connectRedis(redis.url, 'test-people', silentLogger)
    const alive = ['people-a', 'people-b'].map((id) => new InstanceLiveness(client, id))
    const a = new RedisActivePeople(client, 'people-a', silentLogger)
    const b = new RedisActivePeople(client, 'people-b', silentLogger)
    opened.push(a, b, ...alive, { close: async () => void client.disconnect() })
    const person = (id: string) => ({ personId: id, name: `Person ${id}`, role: 'talent' as const })
    a.report('spec:t1', [person('p1'), person('p2')])
    b.report('spec:t1', [person('p2'), person('p3')])
    b.report('spec:t2', [person('p4')])
    const ids = (people: Map<string, { personId: string }[]> | undefined, doc: string) =>
      (people?.get(doc) ?? []).map((p) => p.personId).sort()
    const seenByA = await a.list(['spec:t1', 'spec:t2', 'spec:t3'])
    expect(ids(seenByA, 'spec:t1')).toEqual(['p1', 'p2', 'p3'])
    expect(ids(seenByA, 'spec:t2')).toEqual(['p4'])
    expect(seenByA.get('spec:t3')).toEqual([])
    // B's people leave one document; then B dies (its liveness key goes, as when it expires).
    b.report('spec:t1', [])
    expect(ids(await a.list(['spec:t1']), 'spec:t1')).toEqual(['p1', 'p2'])
    await alive[1]!.close()
    expect(ids(await a.list(['spec:t2']), 'spec:t2')).toEqual([])
  })
})

describe('connectRedis', () => {
  it('says which Redis it cannot reach', async () => {
    const port = await freePort()
    await expect(connectRedis(`redis://127.0.0.1:${port}`, 'test', silentLogger)).rejects.toThrow(
      new RedisUnreachableError(
        `cannot reach Redis at redis://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`
      )
    )
  })
})
