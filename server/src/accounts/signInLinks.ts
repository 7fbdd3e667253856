import { SIGNIN_TOKEN_MINUTES } from '@specboard/shared'
import type { AccountStore } from '../storage/AccountStore.ts'
import { hashSecret, newSecret } from '../ids.ts'

/** What a link does besides proving its address. */
export interface SignInLinkOptions {
  /** Opening it also accepts this invite for the person the address reaches. */
  readonly inviteId?: string | null
  /** The invite's use was counted when the link was sent, so accepting it counts nothing more. */
  readonly inviteReserved?: boolean
  /** The person the link was mailed for: the one it confirms when several people claim the address. */
  readonly personId?: string | null
}

/**
 * Makes a one-time sign-in link for `email` (only its hash is stored); it works once, within
 * SIGNIN_TOKEN_MINUTES. Following it proves the address (accounts/proveAddress.ts).
 */
export async function newSignInLink(
  accounts: AccountStore,
  origin: string,
  email: string,
  options: SignInLinkOptions = {}
): Promise<string> {
  const token = newSecret()
  const now = Date.now()
  await accounts.deleteExpiredSignInTokens(new Date(now).toISOString())
  await accounts.createSignInToken({
    tokenHash: hashSecret(token),
    email,
    inviteId: options.inviteId ?? null,
    inviteReserved: options.inviteReserved ?? false,
    personId: options.personId ?? null,
    expiresAt: new Date(now + SIGNIN_TOKEN_MINUTES * 60_000).toISOString(),
  })
  return `${origin}/signin/${token}`
}
