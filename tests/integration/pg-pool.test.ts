/**
 * The PostgreSQL client under a burst (issue 9): work that waits for a free pooled connection waits,
 * however long the burst; only connecting to an unreachable database gives up.
 */
import { describe, expect, it } from 'vitest'
import { pgClient } from '../../server/src/storage/sql/pgClient.ts'
import { freePort } from '../helpers/startRedis.ts'
import { testDatabaseEnv } from '../helpers/startServer.ts'

describe.runIf(process.env.SPECBOARD_TEST_DATABASE === 'postgres')('pgClient', () => {
  it('queues a burst longer than the connect timeout instead of refusing it', async () => {
    const { DATABASE_URL } = await testDatabaseEnv()
    const sql = pgClient(DATABASE_URL!, 300)
    try {
      // 40 statements of 200 ms on a pool of 10: the last ones wait about 600 ms for a connection.
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, () => sql.one('SELECT pg_sleep(0.2) IS NULL AS slept'))
      )
      expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    } finally {
      await sql.close()
    }
  })

  it('gives up connecting to a database that does not answer', async () => {
    const sql = pgClient(`postgres://postgres@127.0.0.1:${await freePort()}/none`, 300)
    try {
      await expect(sql.one('SELECT 1')).rejects.toThrow()
    } finally {
      await sql.close()
    }
  })
})
