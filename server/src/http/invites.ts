import { Hono } from 'hono'
import type { Context } from 'hono'
import { AcceptInviteRequest, CreateInviteRequest, canInvite } from '@specboard/shared'
import type {
  AcceptInvitePending,
  AcceptInviteResponse,
  CreateInviteResponse,
  InviteInfo,
  InviteListItem,
  TeamRole,
} from '@specboard/shared'
import type { InviteRecord, MembershipRecord, RecordStore, TeamRecord } from '../storage/Storage.ts'
import { newSignInLink } from '../accounts/signInLinks.ts'
import { signInMail } from '../mail/accountMail.ts'
import { HttpError } from '../errors.ts'
import { hashSecret, newSecret } from '../ids.ts'
import type { AppEnv } from './AppEnv.ts'
import { teamFor } from './access.ts'
import { readBody } from './middleware/validate.ts'
import { requestToken } from './middleware/auth.ts'
import { startSession } from './tokens.ts'
import { originOf } from './origin.ts'

const DAY_MS = 24 * 3600 * 1000
const MAX_INVITE_USES = 500

function statusOf(invite: InviteRecord, now = Date.now()): InviteListItem['status'] {
  if (invite.revokedAt) return 'revoked'
  if (Date.parse(invite.expiresAt) <= now) return 'expired'
  return invite.maxUses !== null && invite.acceptedCount >= invite.maxUses ? 'used' : 'valid'
}

/** Refuses an invite that cannot be accepted any more, saying why. */
function assertAcceptable(invite: InviteRecord): void {
  const status = statusOf(invite)
  if (status === 'revoked')
    throw new HttpError(410, 'invite_revoked', 'this invite was revoked; ask for a new one')
  if (status === 'expired')
    throw new HttpError(410, 'invite_expired', 'this invite has expired; ask for a new one')
  if (status === 'used')
    throw new HttpError(
      410,
      'invite_used',
      'this invite link was for one person and has already been used; ask the person who sent it for your own link'
    )
}

async function inviteByToken(c: Context<AppEnv>): Promise<InviteRecord> {
  const invite = await c.var.deps.records.inviteByTokenHash(hashSecret(c.req.param('token') ?? ''))
  if (!invite)
    throw new HttpError(404, 'invite_not_found', 'this invite link is not known; ask for a new one')
  return invite
}

/**
 * Creates an invite link into a team for `invited`, as the caller: they need team:invite there and may
 * invite only the roles their own role allows. Also used to invite people from the talent pool.
 */
export async function inviteIntoTeam(
  c: Context<AppEnv>,
  teamId: string,
  invited: TeamRole,
  expiresInDays: number,
  maxUses = 1
): Promise<CreateInviteResponse> {
  const { team, role } = await teamFor(c, teamId, 'team:invite')
  if (!canInvite(role, invited))
    throw new HttpError(403, 'forbidden', `a ${role} may not invite a ${invited}`)
  const token = newSecret()
  const invite = await c.var.deps.records.createInvite({
    tokenHash: hashSecret(token),
    teamId: team.id,
    role: invited,
    createdBy: c.var.principal!.personId,
    expiresAt: new Date(Date.now() + expiresInDays * DAY_MS).toISOString(),
    maxUses,
  })
  return {
    id: invite.id,
    token,
    url: `${originOf(c)}/invite/${token}`,
    role: invite.role,
    expiresAt: invite.expiresAt,
    maxUses,
  }
}

/** Routes under /api/teams/:teamId/invites: create, list, revoke. */
export const teamInviteRoutes = new Hono<AppEnv>()
  .get('/:teamId/invites', async (c) => {
    const { team } = await teamFor(c, c.req.param('teamId'), 'team:invite')
    const invites = (await c.var.deps.records.listInvites(team.id)).map((i) => ({
      id: i.id,
      role: i.role,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedCount: i.acceptedCount,
      // Links made before invites were single-use allow any number; shown as the largest limit.
      maxUses: i.maxUses ?? MAX_INVITE_USES,
      status: statusOf(i),
    }))
    return c.json({ invites })
  })
  .post('/:teamId/invites', async (c) => {
    await teamFor(c, c.req.param('teamId'), 'team:invite')
    const body = await readBody(c, CreateInviteRequest)
    return c.json(
      await inviteIntoTeam(c, c.req.param('teamId'), body.role, body.expiresInDays, body.maxUses),
      201
    )
  })
  .delete('/:teamId/invites/:inviteId', async (c) => {
    const { team } = await teamFor(c, c.req.param('teamId'), 'invite:revoke')
    if (!(await c.var.deps.records.revokeInvite(team.id, c.req.param('inviteId')))) {
      throw new HttpError(404, 'invite_not_found', 'this team has no such invite')
    }
    return c.body(null, 204)
  })

/**
 * Adds `personId` to the invite's team and counts the acceptance. Call it inside a transaction: it throws
 * (rolling back) when the invite cannot be accepted. A person already in the team keeps their membership
 * and uses nothing up.
 */
export async function joinTeamByInvite(
  c: Context<AppEnv>,
  inviteId: string,
  personId: string,
  records: RecordStore = c.var.deps.records
): Promise<{ membership: MembershipRecord; team: TeamRecord }> {
  const invite = await records.getInvite(inviteId)
  if (!invite) throw new HttpError(404, 'invite_not_found', 'this invite is not known any more')
  const team = (await records.getTeam(invite.teamId))!
  const existing = (await records.teamMembers(team.id)).find((m) => m.personId === personId)
  if (existing) return { membership: existing, team }
  assertAcceptable(invite)
  if (!(await records.countInviteAcceptance(invite.id)))
    throw new HttpError(410, 'invite_used', 'this invite link has already been used')
  const membership = await records.addMembership({
    personId,
    programId: team.programId,
    teamId: team.id,
    role: invite.role,
  })
  return { membership, team }
}

/** Routes under /api/invites/:token: what an invite is for, and accepting it. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const invite = await inviteByToken(c)
    const { records } = c.var.deps
    const team = (await records.getTeam(invite.teamId))!
    const program = (await records.getProgram(team.programId))!
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
    const invite = await inviteByToken(c)
    assertAcceptable(invite)
    const { name, email, lang } = await readBody(c, AcceptInviteRequest)
    const { records, accounts, mailer } = c.var.deps
    const signedIn = c.var.principal?.personId ?? null
    const owner = await accounts.personByEmail(email)
    if (!signedIn && owner) {
      // The address has an account: joining it needs proof of the address, so the link goes there.
      const team = (await records.getTeam(invite.teamId))!
      const program = (await records.getProgram(team.programId))!
      const link = await newSignInLink(accounts, originOf(c), email, invite.id)
      mailer.send(signInMail(lang, email, link, { teamName: team.name, programName: program.name }))
      const pending: AcceptInvitePending = { status: 'confirm_by_mail', email }
      return c.json(pending, 202)
    }
    if (signedIn && owner && owner.id !== signedIn)
      throw new HttpError(
        409,
        'email_in_use',
        'this address belongs to another account: sign out and sign in with it, or give your own address'
      )
    const result = await c.var.deps.tx(async ({ records, accounts }) => {
      // Signed in: the membership joins the same person, so one account spans teams and programs.
      const personId = signedIn ?? (await records.createPerson(name, false)).id
      if (!(await accounts.emailOf(personId))) await accounts.setEmail(personId, email)
      const joined = await joinTeamByInvite(c, invite.id, personId, records)
      return { personId, ...joined }
    })
    const body: AcceptInviteResponse = {
      // Signed in already: this device keeps its session.
      accessToken: (signedIn && requestToken(c)) || (await startSession(c, result.personId)),
      memberId: result.membership.id,
      // A team membership always holds a team role; an earlier one keeps the role it was given.
      role: result.membership.role as TeamRole,
      teamId: result.team.id,
      programId: result.team.programId,
    }
    return c.json(body)
  })
