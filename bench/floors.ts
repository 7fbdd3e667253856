/**
 * What the engines themselves cost on this machine, measured next to the benches' figures so a reader can
 * tell Specboard's share of a latency from the machine's: one PostgreSQL commit (a one-row INSERT, as a
 * document update is stored) and one Redis pub/sub hop (publish on one connection, received on another,
 * as the relay carries an update). Measured one at a time, nothing else in flight.
 */
import { Redis } from 'ioredis'
import pg from 'pg'
import { Samples } from './measure.ts'

const ROUNDS = 300
const PAYLOAD = Buffer.alloc(64, 1)

const line = (what: string, s: Samples) =>
  `${what}: p50 ${s.quantile(0.5).toFixed(2)} ms, p99 ${s.quantile(0.99).toFixed(2)} ms (${s.values.length} in turn)`

/** One-row INSERT commits on `databaseUrl` (a scratch table, dropped after). */
export async function commitFloor(databaseUrl: string): Promise<string> {
  const { samples, fsync } = await commitSamples(databaseUrl)
  return line(`PostgreSQL commit of one row (fsync ${fsync})`, samples)
}

/** The latencies of one-row INSERT commits on `databaseUrl`, and its fsync setting. */
export async function commitSamples(
  databaseUrl: string
): Promise<{ samples: Samples; fsync: string | undefined }> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const samples = new Samples()
  try {
    await client.query(
      'CREATE TABLE bench_commit_floor (seq bigint GENERATED ALWAYS AS IDENTITY, data bytea)'
    )
    for (let i = 0; i < ROUNDS; i++) {
      const at = performance.now()
      await client.query('INSERT INTO bench_commit_floor (data) VALUES ($1) RETURNING seq', [
        PAYLOAD,
      ])
      samples.add(performance.now() - at)
    }
    await client.query('DROP TABLE bench_commit_floor')
    const { rows } = await client.query<{ fsync: string }>('SHOW fsync')
    return { samples, fsync: rows[0]?.fsync }
  } finally {
    await client.end()
  }
}

/** Publish → receive on another connection, through the Redis at `redisUrl`. */
export async function relayHopFloor(redisUrl: string): Promise<string> {
  const publisher = new Redis(redisUrl)
  const subscriber = new Redis(redisUrl)
  const channel = `bench:hop:${process.pid}`
  const samples = new Samples()
  try {
    await subscriber.subscribe(channel)
    for (let i = 0; i < ROUNDS; i++) {
      const at = performance.now()
      const received = new Promise<void>((resolve) =>
        subscriber.once('messageBuffer', () => resolve())
      )
      await publisher.publish(channel, PAYLOAD)
      await received
      samples.add(performance.now() - at)
    }
  } finally {
    subscriber.disconnect()
    publisher.disconnect()
  }
  return line('Redis publish → subscriber', samples)
}
