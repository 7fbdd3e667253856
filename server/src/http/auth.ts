import { Hono } from 'hono'
import { SignInEmailRequest, SignInRequest } from '@specboard/shared'
import type { SignInResponse } from '@specboard/shared'
import { newSignInLink } from '../accounts/signInLinks.ts'
import { HttpError } from '../errors.ts'
import { hashSecret, nowIso } from '../ids.ts'
import { signInMail } from '../mail/accountMail.ts'
import { joinTeamByInvite } from '../teams/invites.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { clientAddress } from './middleware/clientAddress.ts'
import { readBody } from './middleware/validate.ts'
import { originOf } from './middleware/origin.ts'
import { startSession } from './middleware/tokens.ts'

/** Signing in by email: ask for a link, then exchange it for a session on this device. */
export const authRoutes = new Hono<AppEnv>()
  .post('/email', async (c) => {
    const { email, lang } = await readBody(c, SignInEmailRequest)
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
    const person = await accounts.personByEmail(email)
    if (person)
      mailer.send(signInMail(lang, email, await newSignInLink(accounts, originOf(c), email)))
    // The same answer either way: nobody learns from it whether an address has an account.
    return c.json({ status: 'sent_if_known' as const }, 202)
  })
  .post('/signin', async (c) => {
    const { token } = await readBody(c, SignInRequest)
    const result = await c.var.deps.tx(async ({ accounts, records }) => {
      const link = await accounts.consumeSignInToken(hashSecret(token), nowIso())
      if (!link) return null
      const person = await accounts.personByEmail(link.email)
      if (!person) return null
      const joined = link.inviteId
        ? await joinTeamByInvite(records, link.inviteId, person.id)
        : null
      return { personId: person.id, joinedTeamId: joined?.team.id ?? null }
    })
    if (!result)
      throw new HttpError(
        410,
        'signin_link_invalid',
        'this sign-in link was already used, has expired or is unknown; ask for a new one'
      )
    const body: SignInResponse = {
      accessToken: await startSession(c, result.personId),
      personId: result.personId,
      joinedTeamId: result.joinedTeamId,
    }
    return c.json(body)
  })
