import { Hono } from 'hono'
import type { Context } from 'hono'
import { JoinRequest, ReactionRequest, documentName } from '@specboard/shared'
import { FAILED_LINKS } from '../auth/audienceAccess.ts'
import { HttpError } from '../errors.ts'
import {
  askToJoin,
  audienceInfo,
  openShareLink,
  shownTeam,
  takeAction,
  type ActionLimits,
} from '../pitch/audience.ts'
import { addReaction } from '../pitch/stageWrites.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import type { LimiterFactory } from '../ports/Limiter.ts'
import { jsonBody, readBody } from './middleware/validate.ts'
import { originOf } from './middleware/origin.ts'
import { isSettled, viewerOf } from './middleware/audienceIdentity.ts'
import { clientAddress } from './middleware/clientAddress.ts'

/**
 * What the audience can do without an account, by share-link token: see what the link shows, react
 * and ask to join a team — both rate-limited per viewer id the server issued and per client address.
 */
export function audienceRoutes(limiters: LimiterFactory) {
  // A burst of a few taps, then about one reaction per second per viewer, whichever instance they reach;
  // a hall behind one address reacts freely (90 people, each about once a second), a flood does not.
  const reactions: ActionLimits = {
    perViewer: limiters('reactions', { perSecond: 1, burst: 3 }),
    perAddress: limiters('reactions-address', { perSecond: 150, burst: 300 }),
  }
  // A couple of join requests per viewer, then one every ten minutes.
  const joins: ActionLimits = {
    perViewer: limiters('joins', { perSecond: 1 / 600, burst: 2 }),
    perAddress: limiters('joins-address', { perSecond: 1 / 10, burst: 60 }),
  }
  // New viewer ids, issued when the link is opened: a hall of 90 arriving at once gets one each; then a
  // couple a second.
  const newViewersPerAddress = limiters('viewers-address', { perSecond: 2, burst: 100 })
  // Failed link lookups per address: a few mistyped links, then one every two seconds.
  const failedLinks = limiters('failed-links', FAILED_LINKS)

  const grantOf = (c: Context<AppEnv>) =>
    openShareLink(
      c.var.deps.pitch,
      failedLinks,
      c.req.param('token'),
      clientAddress(c, c.var.deps.trustProxy)
    )
  /** Whether the caller's viewer id may act now, by its age and both budgets of `limits`. */
  const mayAct = async (c: Context<AppEnv>, limits: ActionLimits) => {
    const viewer = await viewerOf(c, newViewersPerAddress)
    const address = clientAddress(c, c.var.deps.trustProxy)
    return isSettled(viewer) && (await takeAction(limits, viewer.id, address))
  }

  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      const grant = await grantOf(c)
      // Issue the viewer id now, while people arrive, rather than at their first tap.
      await viewerOf(c, newViewersPerAddress).catch((error: unknown) => {
        if (!(error instanceof HttpError)) throw error
      })
      return c.json(await audienceInfo(c.var.deps.records, grant))
    })
    .post('/:token/reactions', jsonBody(ReactionRequest), async (c) => {
      const grant = await grantOf(c)
      const { teamId, kind } = await readBody(c)
      const team = await shownTeam(c.var.deps.records, grant, teamId)
      if (!(await mayAct(c, reactions)))
        throw new HttpError(
          429,
          'too_many_reactions',
          'a little slower: reactions are limited to about one a second'
        )
      await c.var.deps.live.change(documentName('stage', team.id), (doc) => addReaction(doc, kind))
      return c.json({ ok: true }, 202)
    })
    .post('/:token/join', jsonBody(JoinRequest), async (c) => {
      const grant = await grantOf(c)
      const body = await readBody(c)
      const team = await shownTeam(c.var.deps.records, grant, body.teamId)
      if (!(await mayAct(c, joins)))
        throw new HttpError(
          429,
          'too_many_join_requests',
          'your request to join was already sent; the team will be in touch'
        )
      const withdrawToken = await askToJoin(c.var.deps.tx, grant, team, body)
      const withdrawUrl = withdrawToken ? `${originOf(c)}/pool/withdraw/${withdrawToken}` : null
      return c.json({ ok: true, withdrawUrl }, 201)
    })
}
