import { Hono } from 'hono'
import { CLOSE_CODE, ResendConfirmationRequest, SetupRequest } from '@specboard/shared'
import type { Me, SessionList } from '@specboard/shared'
import { askToConfirm } from '../accounts/askToConfirm.ts'
import { sessionExpiry } from '../auth/Access.ts'
import { HttpError } from '../errors.ts'
import { hashSecret } from '../ids.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { clearTokenCookie, requestToken, requirePrincipal } from './middleware/auth.ts'
import { jsonBody, readBody } from './middleware/validate.ts'
import { clientAddress } from './middleware/clientAddress.ts'
import { originOf } from './middleware/origin.ts'
import { startSession } from './middleware/tokens.ts'

/** First-run setup, the signed-in person, their sessions, and signing out. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/setup/status', async (c) => c.json({ needed: !(await c.var.deps.records.hasAdmin()) }))
  .post('/setup', jsonBody(SetupRequest), async (c) => {
    const body = await readBody(c)
    const created = await c.var.deps.tx(async ({ records, accounts }) => {
      if ((await records.hasAdmin()) || !(await records.consumeSetupToken(hashSecret(body.token))))
        return null
      const person = await records.createPerson(body.name, true)
      // Like every typed address, it counts once the mailed link proves it.
      if (body.email) await accounts.claimEmail(person.id, body.email)
      return { personId: person.id, name: person.name }
    })
    if (!created)
      throw new HttpError(
        403,
        'setup_closed',
        'this setup link is used or unknown; the coordinator already exists'
      )
    if (body.email)
      await askToConfirm(c.var.deps, originOf(c), {
        personId: created.personId,
        personName: created.name,
        email: body.email,
        lang: 'ja',
        teamName: null,
      })
    return c.json(
      { personId: created.personId, accessToken: await startSession(c, created.personId) },
      201
    )
  })
  .get('/me', async (c) => {
    const principal = requirePrincipal(c)
    const { records, accounts } = c.var.deps
    const memberships = principal.personId
      ? await records.membershipsOfPerson(principal.personId)
      : []
    const body: Me = {
      person: {
        id: principal.personId ?? 'admin',
        name: principal.name,
        isAdmin: principal.isAdmin,
        ...(principal.personId
          ? await accounts.emailStateOf(principal.personId)
          : { email: null, unconfirmedEmail: null }),
      },
      memberships: memberships.map((m) => ({
        memberId: m.id,
        role: m.role,
        programId: m.programId,
        programName: m.programName,
        teamId: m.teamId,
        teamName: m.teamName,
      })),
    }
    return c.json(body)
  })
  .post('/me/email/confirmation', jsonBody(ResendConfirmationRequest), async (c) => {
    const principal = requirePrincipal(c)
    const { lang } = await readBody(c)
    const { accounts, signInLimits, trustProxy } = c.var.deps
    const claimed = principal.personId
      ? (await accounts.emailStateOf(principal.personId)).unconfirmedEmail
      : null
    if (!principal.personId || !claimed)
      throw new HttpError(409, 'nothing_to_confirm', 'your account has no unconfirmed address')
    // The same budgets as sign-in mail: the address's inbox is someone's, whoever claimed it.
    if (
      !(await signInLimits.perClient.take(`client:${clientAddress(c, trustProxy)}`)) ||
      !(await signInLimits.perAddress.take(`address:${claimed}`))
    )
      throw new HttpError(429, 'rate_limited', 'too many mails asked for; wait a few minutes')
    await askToConfirm(c.var.deps, originOf(c), {
      personId: principal.personId,
      personName: principal.name,
      email: claimed,
      lang,
      teamName: null,
    })
    return c.json({ status: 'sent' as const, email: claimed }, 202)
  })
  .get('/me/sessions', async (c) => {
    const principal = requirePrincipal(c)
    const sessions = principal.personId
      ? await c.var.deps.accounts.listSessions(principal.personId)
      : []
    const body: SessionList = {
      sessions: sessions.map((s) => ({
        id: s.id,
        createdAt: s.createdAt,
        lastUsedAt: s.lastUsedAt,
        device: s.userAgent,
        current: s.id === principal.sessionId,
        expiresAt: sessionExpiry(s.lastUsedAt),
      })),
    }
    return c.json(body)
  })
  .delete('/me/sessions/:sessionId', async (c) => {
    const principal = requirePrincipal(c)
    if (
      !principal.personId ||
      !(await c.var.deps.accounts.deleteSession(principal.personId, c.req.param('sessionId')))
    )
      throw new HttpError(404, 'session_not_found', 'you have no such session')
    if (c.req.param('sessionId') === principal.sessionId) clearTokenCookie(c)
    return c.body(null, 204)
  })
  .post('/auth/logout', async (c) => {
    const token = requestToken(c)
    if (token) await c.var.deps.accounts.deleteSessionByTokenHash(hashSecret(token))
    clearTokenCookie(c)
    return c.body(null, 204)
  })
  .post('/auth/logout-everywhere', async (c) => {
    const principal = requirePrincipal(c)
    if (!principal.personId)
      throw new HttpError(400, 'not_a_person', 'the operations token has no sessions to end')
    const personId = principal.personId
    const ended = await c.var.deps.accounts.deleteSessions(personId)
    // Screens already open on other devices stop too, on every instance, instead of editing on until
    // they reconnect.
    await c.var.deps.live.disconnect(
      { personId },
      CLOSE_CODE.unauthorized,
      'signed out on every device'
    )
    clearTokenCookie(c)
    return c.json({ ended })
  })
