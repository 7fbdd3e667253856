/**
 * A private PostgreSQL for tests: Debian's `postgresql` server binaries, a throw-away cluster in a temp
 * directory on a free loopback port, run as the `postgres` user when the tests run as root (PostgreSQL
 * refuses to run as root). One cluster per test run; each server gets a database of its own
 * (`freshDatabaseUrl`). With `DATABASE_URL` set, that server is used instead and only databases are made.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from './startRedis.ts'

export interface TestPostgres {
  /** A URL for the `postgres` maintenance database, for creating and dropping test databases. */
  readonly adminUrl: string
  /** Stops the cluster (immediately) and removes its directory; nothing for a given DATABASE_URL. */
  stop(): Promise<void>
  /** Private clusters only: stops the server at once, as if its machine went away, keeping its data. */
  kill(): Promise<void>
  /** Private clusters only: starts a killed server again on the same port and data. */
  start(): Promise<void>
}

/** The newest installed server binaries: /usr/lib/postgresql/<version>/bin. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0)
    throw new Error('PostgreSQL is not installed (apt-get install postgresql)')
  return join(root, versions[0]!, 'bin')
}

const isRoot = process.getuid?.() === 0

/** Runs a server binary as `postgres` when we are root, else as ourselves. */
function runAsOwner(command: string, args: readonly string[]): void {
  const result = isRoot
    ? spawnSync(
        'su',
        ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map(quote).join(' ')],
        {
          encoding: 'utf8',
        }
      )
    : spawnSync(command, args, { encoding: 'utf8' })
  if (result.status !== 0)
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`)
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`

/**
 * Starts a private cluster on a free loopback port (about 2–3 s). Tests skip fsync (a crash of the
 * machine is not what they test); `durable` keeps PostgreSQL's shipped settings, for the bench.
 */
export async function startPostgres({ durable = false } = {}): Promise<TestPostgres> {
  const bin = postgresBin()
  const dir = mkdtempSync(join(tmpdir(), 'specboard-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const port = await freePort()
  runAsOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
  const start = async () =>
    runAsOwner(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${durable ? '' : ' -c fsync=off'}`,
      '-w',
      '-l',
      join(dir, 'log'),
      'start',
    ])
  await start()
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    kill: async () => runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']),
    async stop() {
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/** The server named by DATABASE_URL when set (its maintenance database), else a private cluster. */
export async function sharedOrPrivatePostgres(options?: {
  durable?: boolean
}): Promise<TestPostgres> {
  const url = process.env.DATABASE_URL
  if (!url) return startPostgres(options)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const refuse = async () => {
    throw new Error('DATABASE_URL is not ours to stop or start')
  }
  return { adminUrl: admin.toString(), stop: async () => {}, kill: refuse, start: refuse }
}

/** Creates an empty database on the server of `adminUrl` and returns its URL. */
export async function freshDatabaseUrl(adminUrl: string): Promise<string> {
  const name = `specboard_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}
