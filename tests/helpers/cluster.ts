/**
 * Several instances of one service, as an operator runs them: one database, one Redis and one
 * ADMIN_TOKEN shared; each instance its own port and its own empty DATA_DIR. The database is PostgreSQL
 * when `databaseEnv` names one (`DATABASE_URL`) or in the `integration-pg` project (a fresh database on
 * the run's cluster), else one SQLite file the instances share (in WAL mode several processes may).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, testDatabaseEnv, type TestServer } from './startServer.ts'
import { sharedOrPrivateRedis, startRedis, type TestRedis } from './startRedis.ts'

export interface ClusterOptions {
  readonly instances?: number
  /** The database the instances share, e.g. `{ DATABASE_URL }`; absent: one shared SQLite file. */
  readonly databaseEnv?: () =>
    | Promise<Readonly<Record<string, string>>>
    | Readonly<Record<string, string>>
  /** Start a private Redis even when REDIS_URL is set (tests that stop and restart it). */
  readonly privateRedis?: boolean
  readonly env?: Readonly<Record<string, string>>
}

export interface Cluster {
  readonly redis: TestRedis
  /** The running instances, in start order (a killed one stays in the list). */
  readonly instances: TestServer[]
  readonly adminToken: string
  /** Starts one more instance of the same service. */
  add(): Promise<TestServer>
  stop(): Promise<void>
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const redis = options.privateRedis ? await startRedis() : await sharedOrPrivateRedis()
  const adminToken = `admin-${Math.random().toString(36).slice(2)}`
  // In the integration-pg project the instances share one fresh PostgreSQL database.
  const given = options.databaseEnv ? await options.databaseEnv() : await testDatabaseEnv()
  const databaseEnv = given.DATABASE_URL ? given : undefined
  // Without a database server, the instances share one SQLite file (in WAL mode several processes may).
  const sharedDir = databaseEnv ? undefined : mkdtempSync(join(tmpdir(), 'specboard-cluster-'))
  // One SECRET_KEY too: viewer cookies and status links signed by one instance are checked by another.
  const secretKey = `secret-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
  const env = {
    ...options.env,
    ...databaseEnv,
    REDIS_URL: redis.url,
    ADMIN_TOKEN: adminToken,
    SECRET_KEY: secretKey,
  }
  const instances: TestServer[] = []

  async function add(): Promise<TestServer> {
    const server = await startServer({ env, dataDir: sharedDir })
    instances.push(server)
    return server
  }

  async function stop(): Promise<void> {
    await Promise.all(instances.map((i) => i.stop()))
    await redis.stop()
    if (sharedDir) rmSync(sharedDir, { recursive: true, force: true })
  }

  // One after the other: on a loaded two-core machine two cold starts at once can outlast the start
  // timeout (starting at once is what migrations' advisory lock is for, tested with the storage).
  try {
    for (let i = 0; i < (options.instances ?? 2); i++) await add()
  } catch (error) {
    await stop()
    throw error
  }
  return { redis, instances, adminToken, add, stop }
}
