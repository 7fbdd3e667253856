import type { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'

/** Commands give up after this long, so a stalled Redis never holds a request or a room. */
const COMMAND_TIMEOUT_MS = 2000
const CONNECT_TIMEOUT_MS = 3000
const MAX_RETRY_DELAY_MS = 1000

/** Thrown at start when REDIS_URL cannot be reached; main.ts says so and exits. */
export class RedisUnreachableError extends Error {
  readonly code = 'redis_unreachable'
}

/**
 * Opens one connection to `url` and waits until it is ready; throws RedisUnreachableError when the first
 * attempt fails. Once connected it reconnects by itself, forever, with a short backoff. Nothing is
 * queued while it is away: commands fail at once, and each caller decides what that means.
 */
export async function connectRedis(url: string, name: string, log: Logger): Promise<Redis> {
  // Loaded only when Redis is configured: the client and its command table are about 20 MiB resident.
  const { Redis } = await import('ioredis')
  let wasReady = false
  let isDown = false
  const client = new Redis(url, {
    lazyConnect: true,
    connectionName: `specboard-${name}`,
    enableOfflineQueue: false,
    autoResubscribe: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => (wasReady ? Math.min(attempt * 100, MAX_RETRY_DELAY_MS) : null),
  })
  let firstError: Error | undefined
  client.on('error', (error: Error) => {
    firstError ??= error
    // Every failed reconnect raises an error: say it once per outage.
    if (wasReady && !isDown)
      log.warn('redis connection lost; reconnecting', { name, error: error.message })
    if (wasReady) isDown = true
  })
  client.on('ready', () => {
    if (isDown) log.info('redis connection back', { name })
    isDown = false
  })
  client.on('close', () => {
    if (wasReady && !isDown) log.warn('redis connection closed; reconnecting', { name })
    if (wasReady) isDown = true
  })
  try {
    await client.connect()
  } catch (error) {
    client.disconnect()
    const cause = firstError?.message ?? (error as Error).message
    throw new RedisUnreachableError(`cannot reach Redis at ${redactUrl(url)}: ${cause}`)
  }
  wasReady = true
  return client
}

/** Resolves once `client` is ready (at once when it is). */
export function whenReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve()
  return new Promise((resolve) => client.once('ready', () => resolve()))
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'an invalid URL'
  }
}
