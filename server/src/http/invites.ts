import { Hono } from 'hono'
import type { Context } from 'hono'
import { AcceptInviteRequest, CreateInviteRequest, canInvite } from '@specboard/shared'
import type {
  AcceptInviteResponse,
  CreateInviteResponse,
  InviteInfo,
  InviteListItem,
  TeamRole,
} from '@specboard/shared'
import type { InviteRecord } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { hashSecret, newSecret } from '../ids.ts'
import type { AppEnv } from './AppEnv.ts'
import { teamFor } from './access.ts'
import { setTokenCookie } from './middleware/auth.ts'
import { readBody } from './middleware/validate.ts'
import { issueAccessToken } from './tokens.ts'
import { originOf } from './origin.ts'

const DAY_MS = 24 * 3600 * 1000

function statusOf(invite: InviteRecord, now = Date.now()): InviteListItem['status'] {
  if (invite.revokedAt) return 'revoked'
  return Date.parse(invite.expiresAt) <= now ? 'expired' : 'valid'
}

function inviteByToken(c: Context<AppEnv>): InviteRecord {
  const invite = c.var.deps.records.inviteByTokenHash(hashSecret(c.req.param('token') ?? ''))
  if (!invite)
    throw new HttpError(404, 'invite_not_found', 'this invite link is not known; ask for a new one')
  return invite
}

/**
 * Creates an invite link into a team for `invited`, as the caller: they need team:invite there and may
 * invite only the roles their own role allows. Also used to invite people from the talent pool.
 */
export function inviteIntoTeam(
  c: Context<AppEnv>,
  teamId: string,
  invited: TeamRole,
  expiresInDays: number
): CreateInviteResponse {
  const { team, role } = teamFor(c, teamId, 'team:invite')
  if (!canInvite(role, invited))
    throw new HttpError(403, 'forbidden', `a ${role} may not invite a ${invited}`)
  const token = newSecret()
  const invite = c.var.deps.records.createInvite({
    tokenHash: hashSecret(token),
    teamId: team.id,
    role: invited,
    createdBy: c.var.principal!.personId,
    expiresAt: new Date(Date.now() + expiresInDays * DAY_MS).toISOString(),
  })
  return {
    id: invite.id,
    token,
    url: `${originOf(c)}/invite/${token}`,
    role: invite.role,
    expiresAt: invite.expiresAt,
  }
}

/** Routes under /api/teams/:teamId/invites: create, list, revoke. */
export const teamInviteRoutes = new Hono<AppEnv>()
  .get('/:teamId/invites', (c) => {
    const { team } = teamFor(c, c.req.param('teamId'), 'team:invite')
    const invites = c.var.deps.records.listInvites(team.id).map((i) => ({
      id: i.id,
      role: i.role,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedCount: i.acceptedCount,
      status: statusOf(i),
    }))
    return c.json({ invites })
  })
  .post('/:teamId/invites', async (c) => {
    teamFor(c, c.req.param('teamId'), 'team:invite')
    const body = await readBody(c, CreateInviteRequest)
    return c.json(inviteIntoTeam(c, c.req.param('teamId'), body.role, body.expiresInDays), 201)
  })
  .delete('/:teamId/invites/:inviteId', (c) => {
    const { team } = teamFor(c, c.req.param('teamId'), 'invite:revoke')
    if (!c.var.deps.records.revokeInvite(team.id, c.req.param('inviteId'))) {
      throw new HttpError(404, 'invite_not_found', 'this team has no such invite')
    }
    return c.body(null, 204)
  })

/** Routes under /api/invites/:token: what an invite is for, and accepting it. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/:token', (c) => {
    const invite = inviteByToken(c)
    const { records } = c.var.deps
    const team = records.getTeam(invite.teamId)!
    const program = records.getProgram(team.programId)!
    const info: InviteInfo = {
      role: invite.role,
      teamId: team.id,
      teamName: team.name,
      programName: program.name,
      region: program.region,
      expiresAt: invite.expiresAt,
      status: statusOf(invite),
    }
    return c.json(info)
  })
  .post('/:token/accept', async (c) => {
    const invite = inviteByToken(c)
    const status = statusOf(invite)
    if (status === 'revoked')
      throw new HttpError(410, 'invite_revoked', 'this invite was revoked; ask for a new one')
    if (status === 'expired')
      throw new HttpError(410, 'invite_expired', 'this invite has expired; ask for a new one')
    const { name } = await readBody(c, AcceptInviteRequest)
    const { records } = c.var.deps
    const team = records.getTeam(invite.teamId)!
    const signedIn = c.var.principal?.personId ?? null
    const result = records.transaction(() => {
      // Signed in: the membership joins the same person, so one account spans teams and programs.
      const personId = signedIn ?? records.createPerson(name, false).id
      const membership = records.addMembership({
        personId,
        programId: team.programId,
        teamId: team.id,
        role: invite.role,
      })
      records.countInviteAcceptance(invite.id)
      return { personId, membership, accessToken: issueAccessToken(records, personId) }
    })
    setTokenCookie(c, result.accessToken)
    const body: AcceptInviteResponse = {
      accessToken: result.accessToken,
      memberId: result.membership.id,
      // A team membership always holds a team role; an earlier one keeps the role it was given.
      role: result.membership.role as TeamRole,
      teamId: team.id,
      programId: team.programId,
    }
    return c.json(body)
  })
