import type { Context } from 'hono'
import type { AccountStore } from '../../storage/AccountStore.ts'
import { hashSecret, newSecret } from '../../ids.ts'
import type { AppEnv } from './AppEnv.ts'
import { setTokenCookie } from './auth.ts'

const MAX_DEVICE_CHARS = 200

/** Starts a session for a person on one device (the User-Agent names it); only its hash is kept. */
export async function issueAccessToken(
  accounts: AccountStore,
  personId: string,
  userAgent: string | null = null
): Promise<string> {
  const token = newSecret()
  await accounts.createSession({
    tokenHash: hashSecret(token),
    personId,
    userAgent: userAgent?.slice(0, MAX_DEVICE_CHARS) || null,
  })
  return token
}

/** A session for the device making this request, handed to the browser as its cookie. */
export async function startSession(c: Context<AppEnv>, personId: string): Promise<string> {
  const token = await issueAccessToken(
    c.var.deps.accounts,
    personId,
    c.req.header('user-agent') ?? null
  )
  setTokenCookie(c, token)
  return token
}
