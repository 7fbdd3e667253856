import { Hono } from 'hono'
import { CLOSE_CODE, SignInEmailRequest, SignInRequest } from '@specboard/shared'
import type { SignInResponse } from '@specboard/shared'
import { proveAddress } from '../accounts/proveAddress.ts'
import { newSignInLink } from '../accounts/signInLinks.ts'
import { HttpError } from '../errors.ts'
import { hashSecret, nowIso } from '../ids.ts'
import { signInMail } from '../mail/accountMail.ts'
import { joinTeamByInvite } from '../teams/invites.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { clientAddress } from './middleware/clientAddress.ts'
import { requestToken } from './middleware/auth.ts'
import { jsonBody, readBody } from './middleware/validate.ts'
import { originOf } from './middleware/origin.ts'
import { startSession } from './middleware/tokens.ts'

/** Signing in by email: ask for a link, then exchange it for a session on this device. */
export const authRoutes = new Hono<AppEnv>()
  .post('/email', jsonBody(SignInEmailRequest), async (c) => {
    const { email, lang } = await readBody(c)
    const { accounts, mailer, signInLimits, trustProxy } = c.var.deps
    // Both budgets count every request, known address or not, so a 429 says nothing about accounts.
    if (
      !(await signInLimits.perClient.take(`client:${clientAddress(c, trustProxy)}`)) ||
      !(await signInLimits.perAddress.take(`address:${email}`))
    )
      throw new HttpError(
        429,
        'rate_limited',
        'too many sign-in mails asked for; wait a few minutes and try again'
      )
    // An address only claimed so far gets a link too: following it is what proves (confirms) it.
    const isKnown =
      (await accounts.personByEmail(email)) !== undefined ||
      (await accounts.unconfirmedHolders(email)).length > 0
    if (isKnown)
      mailer.send(signInMail(lang, email, await newSignInLink(accounts, originOf(c), email)))
    // The same answer either way: nobody learns from it whether an address has an account.
    return c.json({ status: 'sent_if_known' as const }, 202)
  })
  .post('/signin', jsonBody(SignInRequest), async (c) => {
    const { token } = await readBody(c)
    const signedIn = c.var.principal?.personId ?? null
    const result = await c.var.deps.tx(async ({ accounts, records }) => {
      const link = await accounts.consumeSignInToken(hashSecret(token), nowIso())
      if (!link) return null
      const proven = await proveAddress(accounts, link, signedIn)
      if (!proven) return null
      // Whoever made the claim on another device is not proven to be this person: their sessions end.
      const ended = proven.tookOver ? await accounts.deleteSessions(proven.personId) : 0
      const joined = link.inviteId
        ? await joinTeamByInvite(records, link.inviteId, proven.personId, link.inviteReserved)
        : null
      return { ...proven, ended, joinedTeamId: joined?.team.id ?? null }
    })
    if (!result)
      throw new HttpError(
        410,
        'signin_link_invalid',
        'this sign-in link was already used, has expired or is unknown; ask for a new one'
      )
    if (result.tookOver)
      await c.var.deps.live.disconnect(
        { personId: result.personId },
        CLOSE_CODE.unauthorized,
        'the address was confirmed on another device'
      )
    const body: SignInResponse = {
      accessToken:
        (result.personId === signedIn && requestToken(c)) ||
        (await startSession(c, result.personId)),
      personId: result.personId,
      joinedTeamId: result.joinedTeamId,
      endedOtherSessions: result.ended > 0,
    }
    return c.json(body)
  })
