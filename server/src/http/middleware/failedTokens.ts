import { createMiddleware } from 'hono/factory'
import { HttpError } from '../../errors.ts'
import type { Limiter } from '../../ports/Limiter.ts'
import type { AppEnv } from './AppEnv.ts'
import { clientAddress } from './clientAddress.ts'
import { requestToken } from './auth.ts'

/**
 * Limits guessing: a request whose token is unknown costs its client address one try, and an address
 * out of tries gets 429 until they refill. Runs after resolvePrincipal; requests that carry no token, or
 * a valid one, cost nothing.
 */
export function limitFailedTokens(failedTokens: Limiter) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.var.principal === null && requestToken(c) !== undefined) {
      const address = clientAddress(c, c.var.deps.trustProxy)
      if (!(await failedTokens.take(address)))
        throw new HttpError(429, 'too_many_failed_tokens', 'too many unknown tokens; wait a minute')
    }
    await next()
  })
}
