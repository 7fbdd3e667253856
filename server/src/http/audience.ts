import { Hono } from 'hono'
import type { Context } from 'hono'
import { JoinRequest, ReactionRequest, documentName } from '@specboard/shared'
import type { AudienceInfo } from '@specboard/shared'
import { checkShareToken, FAILED_LINKS, type AudienceGrant } from '../auth/audienceAccess.ts'
import { HttpError } from '../errors.ts'
import { addReaction } from '../pitch/stageWrites.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import type { Limiter, LimiterFactory } from '../ports/Limiter.ts'
import { readBody } from './middleware/validate.ts'
import { originOf } from './middleware/origin.ts'
import { isSettled, viewerOf } from './middleware/audienceIdentity.ts'
import { clientAddress } from './middleware/clientAddress.ts'

const GONE_MESSAGES = {
  unknown: 'this link is not known; ask the presenter for the current one',
  expired: 'this link has expired; ask the presenter for a new one',
  revoked: 'this link was withdrawn by the presenter',
} as const

/**
 * Guessing links: a lookup that fails costs the client address one try, and an address out of tries gets
 * 429. A valid link never costs anything, so a hall of 90 behind one address opening the real link is never
 * refused. (Links are 256-bit secrets: this keeps guessing slow and cheap for the server, not possible.)
 */
async function grantFor(c: Context<AppEnv>, failedLinks: Limiter): Promise<AudienceGrant> {
  const check = await checkShareToken(c.var.deps.pitch, c.req.param('token'))
  if (check.ok) return check.grant
  if (!(await failedLinks.take(clientAddress(c, c.var.deps.trustProxy))))
    throw new HttpError(429, 'too_many_failed_links', 'too many unknown links; wait a minute')
  if (check.reason === 'unknown') throw new HttpError(404, 'link_not_found', GONE_MESSAGES.unknown)
  throw new HttpError(410, `link_${check.reason}`, GONE_MESSAGES[check.reason])
}

async function teamOf(c: Context<AppEnv>, grant: AudienceGrant, teamId: string) {
  if (!grant.teamIds.includes(teamId))
    throw new HttpError(400, 'invalid_body', 'teamId: this link does not show this team')
  return (await c.var.deps.records.getTeam(teamId))!
}

/**
 * What the audience can do without an account, by share-link token: see what the link shows, react
 * and ask to join a team — both rate-limited per viewer id the server issued and per client address.
 */
export function audienceRoutes(limiters: LimiterFactory) {
  // A burst of a few taps, then about one reaction per second per viewer, whichever instance they reach.
  const reactionsPerViewer = limiters('reactions', { perSecond: 1, burst: 3 })
  // A hall behind one address reacts freely (90 people, each about once a second); a flood does not.
  const reactionsPerAddress = limiters('reactions-address', { perSecond: 150, burst: 300 })
  // A couple of join requests per viewer, then one every ten minutes.
  const joinsPerViewer = limiters('joins', { perSecond: 1 / 600, burst: 2 })
  const joinsPerAddress = limiters('joins-address', { perSecond: 1 / 10, burst: 60 })
  // New viewer ids, issued when the link is opened: a hall of 90 arriving at once gets one each; then a
  // couple a second.
  const newViewersPerAddress = limiters('viewers-address', { perSecond: 2, burst: 100 })
  // Failed link lookups per address: a few mistyped links, then one every two seconds.
  const failedLinks = limiters('failed-links', FAILED_LINKS)
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      const grant = await grantFor(c, failedLinks)
      // Issue the viewer id now, while people arrive, rather than at their first tap.
      await viewerOf(c, newViewersPerAddress).catch((error: unknown) => {
        if (!(error instanceof HttpError)) throw error
      })
      const { records } = c.var.deps
      const program = (await records.getProgram(grant.link.programId))!
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
          teams: (await Promise.all(session.teamIds.map((id) => records.getTeam(id))))
            .filter((t) => t !== undefined)
            .map((t) => ({ id: t.id, name: t.name, organization: t.organization })),
        },
        teams: await Promise.all(
          (await Promise.all(grant.teamIds.map((id) => records.getTeam(id))))
            .filter((t) => t !== undefined)
            .map(async (t) => ({
              id: t.id,
              name: t.name,
              organization: t.organization,
              documents: { spec: documentName('spec', t.id), stage: documentName('stage', t.id) },
              members: (await records.teamMembers(t.id))
                .filter((m) => m.role !== 'reviewer')
                .map((m) => ({ name: m.personName, role: m.role })),
            }))
        ),
        template: { sections: program.template.sections.map(({ key, title }) => ({ key, title })) },
        expiresAt: grant.link.expiresAt,
      }
      return c.json(body)
    })
    .post('/:token/reactions', async (c) => {
      const grant = await grantFor(c, failedLinks)
      const { teamId, kind } = await readBody(c, ReactionRequest)
      const team = await teamOf(c, grant, teamId)
      const viewer = await viewerOf(c, newViewersPerAddress)
      const address = clientAddress(c, c.var.deps.trustProxy)
      if (
        !isSettled(viewer) ||
        !(await reactionsPerViewer.take(viewer.id)) ||
        !(await reactionsPerAddress.take(address))
      ) {
        throw new HttpError(
          429,
          'too_many_reactions',
          'a little slower: reactions are limited to about one a second'
        )
      }
      await c.var.deps.live.change(documentName('stage', team.id), (doc) => addReaction(doc, kind))
      return c.json({ ok: true }, 202)
    })
    .post('/:token/join', async (c) => {
      const grant = await grantFor(c, failedLinks)
      const body = await readBody(c, JoinRequest)
      const team = await teamOf(c, grant, body.teamId)
      const viewer = await viewerOf(c, newViewersPerAddress)
      const address = clientAddress(c, c.var.deps.trustProxy)
      if (
        !isSettled(viewer) ||
        !(await joinsPerViewer.take(viewer.id)) ||
        !(await joinsPerAddress.take(address))
      ) {
        throw new HttpError(
          429,
          'too_many_join_requests',
          'your request to join was already sent; the team will be in touch'
        )
      }
      // The lead is kept with its pitch, and the person joins the talent pool they consented to.
      const { withdrawToken } = await c.var.deps.tx(async ({ pitch, postings }) => {
        await pitch.addLead({
          programId: team.programId,
          teamId: team.id,
          sessionId: grant.session?.id ?? null,
          name: body.name,
          contact: body.contact,
          howToHelp: body.howToHelp,
        })
        return await postings.pool.add({
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
