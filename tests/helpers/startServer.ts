/**
 * Runs the real server (`node --import tsx server/src/main.ts`) on a random port with a fresh temp
 * DATA_DIR, for integration tests and the bench. Node is spawned directly (not through npx), so
 * `kill('SIGKILL')` kills the server itself and nothing is left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

const LISTENING = /Specboard listening on http:\/\/localhost:(\d+)/
const START_TIMEOUT_MS = 45_000
const STOP_TIMEOUT_MS = 5_000
const MAX_LOG_CHARS = 200_000

export interface StartServerOptions {
  /** Extra environment for the server, e.g. `{ COMPACT_AFTER: '20' }`; wins over the defaults. */
  readonly env?: Readonly<Record<string, string>>
  /** Reuse this data directory instead of a fresh one (it is then not removed by `stop()`). */
  readonly dataDir?: string
  /** How long to wait for the listening line (a first start that seeds the demo takes longer). */
  readonly startTimeoutMs?: number
}

export interface TestServer {
  /** `http://127.0.0.1:<port>`; changes only if a restart had to take a new port. */
  readonly url: string
  /** `ws://127.0.0.1:<port>` */
  readonly wsUrl: string
  readonly port: number
  /** The server's process id (of the current run). */
  readonly pid: number
  readonly dataDir: string
  /** The SQLite file inside `dataDir`. */
  readonly dbFile: string
  readonly adminToken: string
  /** The environment the server runs with (after defaults and overrides). */
  readonly env: Readonly<Record<string, string>>
  /** Whether the server process is running. */
  readonly isRunning: boolean
  /** Everything the server wrote to stderr (its structured log), for debugging a failure. */
  logs(): string
  /** Sends `signal` and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Stops the process if it runs (SIGTERM), then starts it again on the same DATA_DIR (and port, if free). */
  restart(): Promise<void>
  /** Stops the process and removes the temp data directory. */
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/**
 * In the `integration-pg` project (SPECBOARD_TEST_DATABASE=postgres), a fresh PostgreSQL database for
 * this server, unless the caller names one; elsewhere nothing, so the server uses SQLite in its DATA_DIR.
 */
export async function testDatabaseEnv(
  given?: StartServerOptions['env']
): Promise<Record<string, string>> {
  if (process.env.SPECBOARD_TEST_DATABASE !== 'postgres' || given?.DATABASE_URL) return {}
  // Imported here: the bench runs this helper outside vitest.
  const { inject } = await import('vitest')
  const { freshDatabaseUrl } = await import('./startPostgres.ts')
  return { DATABASE_URL: await freshDatabaseUrl(inject('postgresAdminUrl')) }
}

/** Starts the server and resolves once it prints its listening line. */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'specboard-test-'))
  // Several instances of one service share one ADMIN_TOKEN, passed in `env`.
  const adminToken = options.env?.ADMIN_TOKEN ?? `admin-${Math.random().toString(36).slice(2)}`
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ADMIN_TOKEN: adminToken,
    SEED_DEMO: '0',
    STATIC_ROOT: '/nonexistent',
    UNLOAD_DELAY_MS: '200',
    ...(await testDatabaseEnv(options.env)),
    ...options.env,
  }
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  let port = 0
  let log = ''

  async function launch(wantedPort: number): Promise<void> {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(wantedPort) }
    delete childEnv.PUBLIC_URL // the listening line must name localhost and the port
    delete childEnv.NODE_OPTIONS // vitest's loader options are not for the server
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = proc
    running.add(proc)
    exited = new Promise((resolve) => proc.once('exit', () => resolve()))
    void exited.then(() => running.delete(proc))
    proc.stderr!.setEncoding('utf8')
    proc.stderr!.on('data', (chunk: string) => {
      log = (log + chunk).slice(-MAX_LOG_CHARS)
    })
    proc.stdout!.setEncoding('utf8')
    port = await new Promise<number>((resolve, reject) => {
      let out = ''
      const startTimeoutMs = options.startTimeoutMs ?? START_TIMEOUT_MS
      const timer = setTimeout(
        () => fail(new Error(`server did not start in ${startTimeoutMs} ms`)),
        startTimeoutMs
      )
      const onData = (chunk: string) => {
        out += chunk
        const match = LISTENING.exec(out)
        if (match) {
          cleanup()
          resolve(Number(match[1]))
        }
      }
      const onExit = (code: number | null, signal: string | null) =>
        fail(new Error(`server exited before listening (code ${code}, signal ${signal})`))
      function fail(error: Error) {
        cleanup()
        proc.kill('SIGKILL')
        reject(new Error(`${error.message}\n--- server stderr ---\n${log}\n--- stdout ---\n${out}`))
      }
      function cleanup() {
        clearTimeout(timer)
        proc.stdout!.off('data', onData)
        proc.off('exit', onExit)
      }
      proc.stdout!.on('data', onData)
      proc.once('exit', onExit)
    })
    // Keep draining stdout so the pipe never fills and blocks the server.
    proc.stdout!.resume()
  }

  async function kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const proc = child
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return
    proc.kill(signal)
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await exited
    clearTimeout(timer)
  }

  await launch(0)

  const server: TestServer = {
    get url() {
      return `http://127.0.0.1:${port}`
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    get pid() {
      return child?.pid ?? -1
    },
    dataDir,
    dbFile: join(dataDir, 'specboard.db'),
    adminToken,
    env,
    get isRunning() {
      return child !== null && child.exitCode === null && child.signalCode === null
    },
    logs: () => log,
    kill,
    async restart() {
      await kill('SIGTERM')
      const previous = port
      try {
        // The same port lets clients that are still around (providers) reconnect by themselves.
        await launch(previous)
      } catch {
        await launch(0)
      }
    },
    async stop() {
      await kill('SIGTERM')
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return server
}
