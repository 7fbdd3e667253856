import { Hono } from 'hono'
import { CLOSE_CODE, SetupRequest } from '@specboard/shared'
import type { Me, SessionList } from '@specboard/shared'
import { sessionExpiry } from '../auth/Access.ts'
import { HttpError } from '../errors.ts'
import { hashSecret } from '../ids.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { clearTokenCookie, requestToken, requirePrincipal } from './middleware/auth.ts'
import { readBody } from './middleware/validate.ts'
import { startSession } from './middleware/tokens.ts'

/** First-run setup, the signed-in person, their sessions, and signing out. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/setup/status', async (c) => c.json({ needed: !(await c.var.deps.records.hasAdmin()) }))
  .post('/setup', async (c) => {
    const body = await readBody(c, SetupRequest)
    const created = await c.var.deps.tx(async ({ records, accounts }) => {
      if ((await records.hasAdmin()) || !(await records.consumeSetupToken(hashSecret(body.token))))
        return null
      const person = await records.createPerson(body.name, true)
      if (body.email && !(await accounts.setEmail(person.id, body.email)))
        throw new HttpError(409, 'email_in_use', 'this address belongs to another account')
      return { personId: person.id }
    })
    if (!created)
      throw new HttpError(
        403,
        'setup_closed',
        'this setup link is used or unknown; the coordinator already exists'
      )
    return c.json({ ...created, accessToken: await startSession(c, created.personId) }, 201)
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
        email: principal.personId ? await accounts.emailOf(principal.personId) : null,
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
