import { createMiddleware } from 'hono/factory'
import { setCookie, deleteCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { TOKEN_COOKIE } from '@specboard/shared'
import { tokenFrom, type Principal } from '../../auth/Access.ts'
import { HttpError } from '../../errors.ts'
import type { AppEnv } from './AppEnv.ts'

/**
 * The access token the request carries, if any. The API takes a bearer token or the cookie — never
 * `?token=`, which ends up in logs and Referer headers (only the collaboration sockets take it, as
 * y-websocket clients send it that way).
 */
export function requestToken(c: Context): string | undefined {
  return tokenFrom({
    authorization: c.req.header('authorization'),
    cookie: c.req.header('cookie'),
  })
}

/** Resolves the caller (if any) onto `c.var.principal`; routes decide whether they need one. */
export const resolvePrincipal = createMiddleware<AppEnv>(async (c, next) => {
  c.set('principal', await c.var.deps.access.authenticate(requestToken(c)))
  await next()
})

/** The caller, or a 401 when nobody is signed in. */
export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.var.principal
  if (!principal)
    throw new HttpError(
      401,
      'unauthorized',
      'sign in first: ask for a sign-in link with your email, open your invite link, or send a valid token'
    )
  return principal
}

/** Gives the browser its access token as an HttpOnly cookie. */
export function setTokenCookie(c: Context, token: string): void {
  setCookie(c, TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: 400 * 24 * 3600,
  })
}

export function clearTokenCookie(c: Context): void {
  deleteCookie(c, TOKEN_COOKIE, { path: '/' })
}
