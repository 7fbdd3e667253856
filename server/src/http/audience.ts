import { Hono } from 'hono'
import type { Context } from 'hono'
import { JoinRequest, ReactionRequest, documentName } from '@specboard/shared'
import type { AudienceInfo } from '@specboard/shared'
import { checkShareToken, type AudienceGrant } from '../auth/audienceAccess.ts'
import { HttpError } from '../errors.ts'
import { addReaction } from '../pitch/stageWrites.ts'
import type { AppEnv } from './AppEnv.ts'
import type { LimiterFactory } from '../ports/Limiter.ts'
import { readBody } from './middleware/validate.ts'
import { originOf } from './origin.ts'

const GONE_MESSAGES = {
  unknown: 'this link is not known; ask the presenter for the current one',
  expired: 'this link has expired; ask the presenter for a new one',
  revoked: 'this link was withdrawn by the presenter',
} as const

function grantFor(c: Context<AppEnv>): AudienceGrant {
  const check = checkShareToken(c.var.deps.pitch, c.req.param('token'))
  if (check.ok) return check.grant
  if (check.reason === 'unknown') throw new HttpError(404, 'link_not_found', GONE_MESSAGES.unknown)
  throw new HttpError(410, `link_${check.reason}`, GONE_MESSAGES[check.reason])
}

function teamOf(c: Context<AppEnv>, grant: AudienceGrant, teamId: string) {
  if (!grant.teamIds.includes(teamId))
    throw new HttpError(400, 'invalid_body', 'teamId: this link does not show this team')
  return c.var.deps.records.getTeam(teamId)!
}

/**
 * What the audience can do without an account, by share-link token: see what the link shows, react
 * (rate-limited per viewer), and ask to join a team.
 */
export function audienceRoutes(limiters: LimiterFactory) {
  // A burst of a few taps, then about one reaction per second per viewer, whichever instance they reach.
  const perViewer = limiters('reactions', { perSecond: 1, burst: 5 })
  return new Hono<AppEnv>()
    .get('/:token', (c) => {
      const grant = grantFor(c)
      const { records } = c.var.deps
      const program = records.getProgram(grant.link.programId)!
      const session = grant.session
      const body: AudienceInfo = {
        programName: program.name,
        region: program.region,
        session: session && {
          id: session.id,
          programId: session.programId,
          kind: session.kind,
          title: session.title,
          startsAt: session.startsAt,
          minutesPerTeam: session.minutesPerTeam,
          currentTeamId: session.currentTeamId,
          createdAt: session.createdAt,
          teams: session.teamIds
            .map((id) => records.getTeam(id))
            .filter((t) => t !== undefined)
            .map((t) => ({ id: t.id, name: t.name, organization: t.organization })),
        },
        teams: grant.teamIds
          .map((id) => records.getTeam(id))
          .filter((t) => t !== undefined)
          .map((t) => ({
            id: t.id,
            name: t.name,
            organization: t.organization,
            documents: { spec: documentName('spec', t.id), stage: documentName('stage', t.id) },
            members: records
              .teamMembers(t.id)
              .filter((m) => m.role !== 'reviewer')
              .map((m) => ({ name: m.personName, role: m.role })),
          })),
        template: { sections: program.template.sections.map(({ key, title }) => ({ key, title })) },
        expiresAt: grant.link.expiresAt,
      }
      return c.json(body)
    })
    .post('/:token/reactions', async (c) => {
      const grant = grantFor(c)
      const { teamId, kind, viewerId } = await readBody(c, ReactionRequest)
      const team = teamOf(c, grant, teamId)
      if (!(await perViewer.take(`${grant.link.id}:${viewerId}`))) {
        throw new HttpError(
          429,
          'too_many_reactions',
          'a little slower: reactions are limited to about one a second'
        )
      }
      c.var.deps.collab.change(documentName('stage', team.id), (doc) => addReaction(doc, kind))
      return c.json({ ok: true }, 202)
    })
    .post('/:token/join', async (c) => {
      const grant = grantFor(c)
      const body = await readBody(c, JoinRequest)
      const team = teamOf(c, grant, body.teamId)
      const { pitch, postings } = c.var.deps
      // The lead is kept with its pitch, and the person joins the talent pool they consented to.
      const { withdrawToken } = postings.transaction(() => {
        pitch.addLead({
          programId: team.programId,
          teamId: team.id,
          sessionId: grant.session?.id ?? null,
          name: body.name,
          contact: body.contact,
          howToHelp: body.howToHelp,
        })
        return postings.pool.add({
          source: 'pitch_lead',
          programId: team.programId,
          teamId: team.id,
          name: body.name,
          contact: body.contact,
          note: body.howToHelp,
          consent: true,
        })
      })
      const withdrawUrl = withdrawToken ? `${originOf(c)}/pool/withdraw/${withdrawToken}` : null
      return c.json({ ok: true, withdrawUrl }, 201)
    })
}
