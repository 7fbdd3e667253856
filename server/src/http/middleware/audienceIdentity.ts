/**
 * Who an anonymous audience member is, as the server knows them: an id the server issued and signed,
 * kept in an HttpOnly cookie. Rate limits key on it, never on an id the client picks. A client that
 * drops the cookie gets a new id only from its address's budget of new ids, which a hall full of
 * people behind one Wi-Fi address (about 90–250) does not exhaust, but a script minting ids does.
 * An id is issued when the link is opened and counts only once it is a moment old, so a client that
 * drops its cookie before each tap gets nothing through.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { HttpError } from '../../errors.ts'
import type { Limiter } from '../../ports/Limiter.ts'
import type { AppEnv } from './AppEnv.ts'
import { clientAddress } from './clientAddress.ts'

export const VIEWER_COOKIE = 'sb_viewer'

/** How old an issued id must be before it may react or ask to join. */
export const MIN_VIEWER_AGE_MS = 1000

/** A viewer as the server issued it. */
export interface Viewer {
  readonly id: string
  readonly issuedAt: number
}

function signature(id: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(id).digest('base64url').slice(0, 22)
}

/** The signed viewer the request carries, or null. */
export function issuedViewer(c: Context<AppEnv>): Viewer | null {
  const value = getCookie(c, VIEWER_COOKIE)
  const [id, issued, mac] = value?.split('.') ?? []
  if (!id || !issued || !mac || id.length !== 22) return null
  const expected = Buffer.from(signature(`${id}.${issued}`, c.var.deps.secretKey))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return { id, issuedAt: Number(issued) }
}

/** Whether `viewer` was issued long enough ago to act. */
export function isSettled(viewer: Viewer, now = Date.now()): boolean {
  return now - viewer.issuedAt >= MIN_VIEWER_AGE_MS
}

/**
 * The caller's viewer id: the one it was issued, or a new one (set as a cookie) paid from its
 * address's budget of new ids; 429 when that budget is spent.
 */
export async function viewerOf(c: Context<AppEnv>, newIdsPerAddress: Limiter): Promise<Viewer> {
  const known = issuedViewer(c)
  if (known) return known
  const address = clientAddress(c, c.var.deps.trustProxy)
  if (!(await newIdsPerAddress.take(address)))
    throw new HttpError(
      429,
      'too_many_viewers',
      'too many new viewers from this address; wait a little'
    )
  const viewer = { id: randomBytes(16).toString('base64url'), issuedAt: Date.now() }
  const signed = `${viewer.id}.${viewer.issuedAt}`
  setCookie(c, VIEWER_COOKIE, `${signed}.${signature(signed, c.var.deps.secretKey)}`, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/api/audience',
    secure: c.var.deps.origin.url.startsWith('https:'),
    maxAge: 7 * 24 * 3600,
  })
  return viewer
}
