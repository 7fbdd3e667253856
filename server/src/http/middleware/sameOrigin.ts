import { createMiddleware } from 'hono/factory'
import { HttpError } from '../../errors.ts'
import type { AppEnv } from './AppEnv.ts'

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS']

/**
 * Refuses state-changing requests that a page of another origin made with this app's cookie, whatever
 * their content type: the browser names the page's origin in `Origin` (and, on its own, in
 * `Sec-Fetch-Site`). Requests with neither (curl, scripts with a bearer token) carry no cookie of a
 * visitor's browser and pass.
 */
export const requireSameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.includes(c.req.method)) {
    const origin = c.req.header('origin')
    const site = c.req.header('sec-fetch-site')
    const isForeign =
      origin !== undefined
        ? !c.var.deps.origin.allows(origin)
        : site === 'cross-site' || site === 'same-site'
    if (isForeign)
      throw new HttpError(403, 'foreign_origin', 'requests from other sites are not accepted')
  }
  await next()
})
