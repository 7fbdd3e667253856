import { Hono } from 'hono'
import type { Context } from 'hono'
import { AcceptInviteRequest, CreateInviteRequest } from '@specboard/shared'
import type {
  AcceptInvitePending,
  AcceptInviteResponse,
  InviteInfo,
  TeamRole,
} from '@specboard/shared'
import {
  assertAcceptable,
  inviteByToken,
  inviteIntoTeam,
  inviteStatus,
  joinTeamByInvite,
} from '../teams/invites.ts'
import { askToConfirm } from '../accounts/askToConfirm.ts'
import { addressHolder } from '../accounts/proveAddress.ts'
import { newSignInLink } from '../accounts/signInLinks.ts'
import { signInMail } from '../mail/accountMail.ts'
import { HttpError } from '../errors.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { teamFor } from './middleware/access.ts'
import { jsonBody, readBody } from './middleware/validate.ts'
import { requestToken } from './middleware/auth.ts'
import { startSession } from './middleware/tokens.ts'
import { originOf } from './middleware/origin.ts'

const MAX_INVITE_USES = 500

const inviteOf = (c: Context<AppEnv>) => inviteByToken(c.var.deps.records, c.req.param('token'))

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
      status: inviteStatus(i),
    }))
    return c.json({ invites })
  })
  .post('/:teamId/invites', jsonBody(CreateInviteRequest), async (c) => {
    const { team, role } = await teamFor(c, c.req.param('teamId'), 'team:invite')
    const body = await readBody(c)
    const invite = await inviteIntoTeam(c.var.deps.records, {
      team,
      inviterRole: role,
      inviterId: c.var.principal!.personId,
      invited: body.role,
      expiresInDays: body.expiresInDays,
      maxUses: body.maxUses,
      origin: originOf(c),
    })
    return c.json(invite, 201)
  })
  .delete('/:teamId/invites/:inviteId', async (c) => {
    const { team } = await teamFor(c, c.req.param('teamId'), 'invite:revoke')
    if (!(await c.var.deps.records.revokeInvite(team.id, c.req.param('inviteId')))) {
      throw new HttpError(404, 'invite_not_found', 'this team has no such invite')
    }
    return c.body(null, 204)
  })

/** Routes under /api/invites/:token: what an invite is for, and accepting it. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const invite = await inviteOf(c)
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
      status: inviteStatus(invite),
    }
    return c.json(info)
  })
  .post('/:token/accept', jsonBody(AcceptInviteRequest), async (c) => {
    const invite = await inviteOf(c)
    assertAcceptable(invite)
    const { name, email, lang } = await readBody(c)
    const { accounts, mailer } = c.var.deps
    const signedIn = c.var.principal?.personId ?? null
    const owner = signedIn ? undefined : await addressHolder(accounts, email)
    if (owner) {
      // The address is someone's: confirmed, or claimed by an account (the same person on another
      // device, who never opened the confirmation). Joining that person needs proof of the address,
      // so the link goes there. Answering 202 tells the invite holder the address has an account;
      // answering alike would mean giving them a session on a second person — the duplicate this
      // design exists to avoid. Instead the 202 spends the invite's use, reserved for the owner's
      // link: one invite, one such answer, within the address's mail budget.
      if (!(await c.var.deps.signInLimits.perAddress.take(`address:${email}`)))
        throw new HttpError(
          429,
          'rate_limited',
          'too many mails to this address; wait a few minutes and try again'
        )
      const team = await c.var.deps.tx(async ({ records }) => {
        if (!(await records.countInviteAcceptance(invite.id)))
          throw new HttpError(410, 'invite_used', 'this invite link has already been used')
        return (await records.getTeam(invite.teamId))!
      })
      const program = (await c.var.deps.records.getProgram(team.programId))!
      const link = await newSignInLink(accounts, originOf(c), email, {
        inviteId: invite.id,
        inviteReserved: true,
        personId: owner.id,
      })
      mailer.send(signInMail(lang, email, link, { teamName: team.name, programName: program.name }))
      const pending: AcceptInvitePending = { status: 'confirm_by_mail', email }
      return c.json(pending, 202)
    }
    const result = await c.var.deps.tx(async ({ records, accounts }) => {
      // Signed in: the membership joins the same person, so one account spans teams and programs.
      const person = signedIn
        ? { id: signedIn, name: c.var.principal!.name }
        : await records.createPerson(name, false)
      // The address counts only once a mailed link proves it (accounts/proveAddress.ts); until then it
      // is a claim, and claims find nobody.
      const state = await accounts.emailStateOf(person.id)
      const isNewClaim = state.email === null && state.unconfirmedEmail !== email
      if (isNewClaim) await accounts.claimEmail(person.id, email)
      const joined = await joinTeamByInvite(records, invite.id, person.id)
      return { person, isNewClaim, ...joined }
    })
    // Within the address's sign-in mail budget: a multi-use invite must not make a mail cannon aimed at
    // someone's inbox. Over it, the person joins anyway and asks again from the account page.
    if (result.isNewClaim && (await c.var.deps.signInLimits.perAddress.take(`address:${email}`)))
      await askToConfirm(c.var.deps, originOf(c), {
        personId: result.person.id,
        personName: result.person.name,
        email,
        lang,
        teamName: result.team.name,
      })
    const body: AcceptInviteResponse = {
      // Signed in already: this device keeps its session.
      accessToken: (signedIn && requestToken(c)) || (await startSession(c, result.person.id)),
      memberId: result.membership.id,
      // A team membership always holds a team role; an earlier one keeps the role it was given.
      role: result.membership.role as TeamRole,
      teamId: result.team.id,
      programId: result.team.programId,
    }
    return c.json(body)
  })
