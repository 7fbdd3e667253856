import { SIGNIN_TOKEN_MINUTES } from '@specboard/shared'
import type { AccountStore } from '../storage/AccountStore.ts'
import { hashSecret, newSecret } from '../ids.ts'

/**
 * Makes a one-time sign-in link for `email` (only its hash is stored); it works once, within
 * SIGNIN_TOKEN_MINUTES. With `inviteId`, opening it also accepts that invite for the address's person.
 */
export async function newSignInLink(
  accounts: AccountStore,
  origin: string,
  email: string,
  inviteId: string | null = null
): Promise<string> {
  const token = newSecret()
  const now = Date.now()
  await accounts.deleteExpiredSignInTokens(new Date(now).toISOString())
  await accounts.createSignInToken({
    tokenHash: hashSecret(token),
    email,
    inviteId,
    expiresAt: new Date(now + SIGNIN_TOKEN_MINUTES * 60_000).toISOString(),
  })
  return `${origin}/signin/${token}`
}
