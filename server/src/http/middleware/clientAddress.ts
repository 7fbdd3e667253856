import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

/**
 * The address the request came from, as the server sees it. Without proxies in front (`proxyHops` 0)
 * that is the socket's peer. Behind `proxyHops` trusted reverse proxies, each appends the address it
 * saw to X-Forwarded-For, so the right-most hop they did not write is the client's: entries left of it
 * are whatever the client sent, and are never believed.
 */
export function clientAddress(c: Context, proxyHops: number): string {
  const forwarded = forwardedClient(c.req.header('x-forwarded-for'), proxyHops)
  if (forwarded) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}

/** The same rule for a raw request (a WebSocket upgrade). */
export function requestAddress(request: IncomingMessage, proxyHops: number): string {
  const header = request.headers['x-forwarded-for']
  return (
    forwardedClient(Array.isArray(header) ? header.join(',') : header, proxyHops) ??
    request.socket.remoteAddress ??
    'unknown'
  )
}

function forwardedClient(header: string | undefined, proxyHops: number): string | undefined {
  if (proxyHops === 0) return undefined
  const hops = (header ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '')
  return hops[Math.max(0, hops.length - proxyHops)] || undefined
}

/** TRUST_PROXY: how many reverse proxies in front of the server set X-Forwarded-For (`1` for one). */
export function proxyHopsFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.TRUST_PROXY
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return 0
  if (raw === 'true') return 1
  const hops = Number(raw)
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new Error(`TRUST_PROXY must be the number of proxies in front (0–10), got "${raw}"`)
  return hops
}
