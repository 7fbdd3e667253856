import { Hono } from 'hono'
import { SetupRequest, TOKEN_COOKIE } from '@specboard/shared'
import type { Me } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import { hashSecret } from '../ids.ts'
import type { AppEnv } from './AppEnv.ts'
import { clearTokenCookie, requirePrincipal, setTokenCookie } from './middleware/auth.ts'
import { readBody } from './middleware/validate.ts'
import { issueAccessToken } from './tokens.ts'
import { getCookie } from 'hono/cookie'

/** First-run setup, the signed-in person, and signing out. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/setup/status', (c) => c.json({ needed: !c.var.deps.records.hasAdmin() }))
  .post('/setup', async (c) => {
    const body = await readBody(c, SetupRequest)
    const { records } = c.var.deps
    const created = records.transaction(() => {
      if (records.hasAdmin() || !records.consumeSetupToken(hashSecret(body.token))) return null
      const person = records.createPerson(body.name, true)
      return { personId: person.id, accessToken: issueAccessToken(records, person.id) }
    })
    if (!created)
      throw new HttpError(
        403,
        'setup_closed',
        'this setup link is used or unknown; the coordinator already exists'
      )
    setTokenCookie(c, created.accessToken)
    return c.json(created, 201)
  })
  .get('/me', (c) => {
    const principal = requirePrincipal(c)
    const memberships = principal.personId
      ? c.var.deps.records.membershipsOfPerson(principal.personId)
      : []
    const body: Me = {
      person: {
        id: principal.personId ?? 'admin',
        name: principal.name,
        isAdmin: principal.isAdmin,
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
  .post('/auth/logout', (c) => {
    const token = getCookie(c, TOKEN_COOKIE)
    if (token) c.var.deps.records.deleteAccessToken(hashSecret(token))
    clearTokenCookie(c)
    return c.body(null, 204)
  })
