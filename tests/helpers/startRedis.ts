/**
 * A private Redis for tests: Debian's `redis-server` on a free loopback port, nothing saved to disk,
 * stopped by the test. With `REDIS_URL` set, tests that only need a Redis use that one instead
 * (`sharedOrPrivateRedis`); tests that stop and restart Redis always start their own.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, connect } from 'node:net'

const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server'
const START_TIMEOUT_MS = 10_000

export interface TestRedis {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string
  /** Whether this test started the server (and so may stop and restart it). */
  readonly isPrivate: boolean
  /** Kills the server at once (SIGKILL), as if the machine it runs on went away. */
  kill(): Promise<void>
  /** Starts the server again on the same port (empty: it saves nothing). */
  start(): Promise<void>
  /** Stops the server for good. */
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
// A test that fails before its teardown must not leave a server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts a private redis-server on a free loopback port. */
export async function startRedis(): Promise<TestRedis> {
  const port = await freePort()
  let child: ChildProcess | null = null

  async function start(): Promise<void> {
    const proc = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    child = proc
    running.add(proc)
    proc.once('exit', () => running.delete(proc))
    let output = ''
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output = (output + chunk).slice(-10_000)
    })
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      output = (output + chunk).slice(-10_000)
    })
    const failed = new Promise<never>((_, reject) => {
      proc.once('error', (error) =>
        reject(
          new Error(`cannot start ${REDIS_SERVER} (apt-get install redis-server): ${error.message}`)
        )
      )
      proc.once('exit', (code) =>
        reject(
          new Error(`redis-server exited (code ${code}) before accepting connections:\n${output}`)
        )
      )
    })
    await Promise.race([waitForPort(port, START_TIMEOUT_MS), failed])
  }

  async function kill(): Promise<void> {
    const proc = child
    child = null
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.kill('SIGKILL')
    await exited
  }

  await start()
  return { url: `redis://127.0.0.1:${port}`, isPrivate: true, kill, start, stop: kill }
}

/** The Redis named by REDIS_URL when set, else a private one. */
export async function sharedOrPrivateRedis(): Promise<TestRedis> {
  const url = process.env.REDIS_URL
  if (!url) return startRedis()
  const refuse = async () => {
    throw new Error('REDIS_URL is not ours to stop or start')
  }
  return { url, isPrivate: false, kill: refuse, start: refuse, stop: async () => {} }
}

/** A port that was free a moment ago (the kernel hands out a fresh one for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline)
      throw new Error(`redis-server did not listen on ${port} in ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
