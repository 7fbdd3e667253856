import { Hono } from 'hono'
import type { Context } from 'hono'
import {
  AdvanceSessionRequest,
  CreatePitchSessionRequest,
  CreateShareLinkRequest,
  TimerRequest,
  CLOSE_CODE,
  can,
  documentName,
} from '@specboard/shared'
import type { PitchSession } from '@specboard/shared'
import type { PitchSessionRecord } from '../storage/PitchStore.ts'
import type { RecordStore } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { createShareLink, shareLinkView, type ShareTarget } from '../pitch/shareLinks.ts'
import { applyTimerAction, readTimer, setSession } from '../pitch/stageWrites.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor, teamFor } from './middleware/access.ts'
import { originOf } from './middleware/origin.ts'
import { requirePrincipal } from './middleware/auth.ts'
import { type JsonBody, jsonBody, readBody } from './middleware/validate.ts'

async function toSession(records: RecordStore, s: PitchSessionRecord): Promise<PitchSession> {
  const { teamIds, ...rest } = s
  const found = await Promise.all(teamIds.map((id) => records.getTeam(id)))
  const teams = found.flatMap((team) =>
    team ? [{ id: team.id, name: team.name, organization: team.organization }] : []
  )
  return { ...rest, teams }
}

/** A session and the caller's role in its program; 404 when unknown. */
async function sessionFor(c: Context<AppEnv>, capability: Parameters<typeof programFor>[2]) {
  const session = await c.var.deps.pitch.getSession(c.req.param('sessionId') ?? '')
  if (!session) throw new HttpError(404, 'session_not_found', 'no pitch session has this id')
  const { program, role } = await programFor(c, session.programId, capability)
  return { session, program, role }
}

/** Makes a share link to `target` for the caller, for as long as the body asks. */
async function createLink<P extends string>(
  c: Context<AppEnv, P, JsonBody<typeof CreateShareLinkRequest>>,
  target: ShareTarget
) {
  const { expiresInHours } = await readBody(c)
  const { link, token } = await createShareLink(
    c.var.deps.pitch,
    target,
    c.var.principal!.personId,
    expiresInHours
  )
  return c.json(shareLinkView(link, token, originOf(c)), 201)
}

/** Pitch sessions of a program. */
export const programPitchRoutes = new Hono<AppEnv>()
  .get('/:programId/pitch-sessions', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:read')
    return c.json({
      sessions: await Promise.all(
        (await c.var.deps.pitch.listSessions(program.id)).map((s) =>
          toSession(c.var.deps.records, s)
        )
      ),
    })
  })
  .post('/:programId/pitch-sessions', jsonBody(CreatePitchSessionRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'pitch:schedule')
    const body = await readBody(c)
    const teamIds = new Set((await c.var.deps.records.listTeams(program.id)).map((t) => t.id))
    const stranger = body.teamIds.find((id) => !teamIds.has(id))
    if (stranger)
      throw new HttpError(400, 'invalid_body', `teamIds: ${stranger} is not a team of this program`)
    if (new Set(body.teamIds).size !== body.teamIds.length)
      throw new HttpError(400, 'invalid_body', 'teamIds: a team is listed twice')
    const session = await c.var.deps.pitch.createSession({ ...body, programId: program.id })
    return c.json(await toSession(c.var.deps.records, session), 201)
  })
  .get('/:programId/leads', async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    return c.json({ leads: await c.var.deps.pitch.listLeads(program.id) })
  })

/** One session: read, move the stage to a team, share with an audience. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/:sessionId', async (c) =>
    c.json(await toSession(c.var.deps.records, (await sessionFor(c, 'program:read')).session))
  )
  .post('/:sessionId/advance', jsonBody(AdvanceSessionRequest), async (c) => {
    const { session } = await sessionFor(c, 'pitch:schedule')
    const { teamId } = await readBody(c)
    if (teamId !== null && !session.teamIds.includes(teamId)) {
      throw new HttpError(400, 'invalid_body', 'teamId: this team does not present in this session')
    }
    const { pitch, live } = c.var.deps
    await pitch.setCurrentTeam(session.id, teamId)
    for (const id of session.teamIds) {
      await live.change(documentName('stage', id), (doc) => {
        setSession(doc, { sessionId: session.id, currentTeamId: teamId })
        // The team coming on stage starts from its full time, unless its timer already runs.
        if (id === teamId && readTimer(doc)?.startedAt == null)
          applyTimerAction(doc, 'reset', Date.now(), session.minutesPerTeam)
      })
    }
    return c.json(await toSession(c.var.deps.records, (await pitch.getSession(session.id))!))
  })
  .get('/:sessionId/share-links', async (c) => {
    const { session } = await sessionFor(c, 'pitch:schedule')
    return c.json({
      links: (await c.var.deps.pitch.listShareLinks({ sessionId: session.id })).map((l) =>
        shareLinkView(l, null, originOf(c))
      ),
    })
  })
  .post('/:sessionId/share-links', jsonBody(CreateShareLinkRequest), async (c) => {
    const { session } = await sessionFor(c, 'pitch:schedule')
    return await createLink(c, {
      programId: session.programId,
      teamId: null,
      sessionId: session.id,
    })
  })

/** A team's stage: its timer and its audience links. */
export const teamStageRoutes = new Hono<AppEnv>()
  .post('/:teamId/stage/timer', jsonBody(TimerRequest), async (c) => {
    const { team } = await teamFor(c, c.req.param('teamId'), 'pitch:present')
    const { action, minutes } = await readBody(c)
    const session = (await c.var.deps.pitch.listSessions(team.programId)).find(
      (s) => s.currentTeamId === team.id
    )
    const timer = await c.var.deps.live.change(documentName('stage', team.id), (doc) =>
      applyTimerAction(
        doc,
        action,
        Date.now(),
        minutes ?? (action === 'reset' ? session?.minutesPerTeam : undefined)
      )
    )
    return c.json(timer)
  })
  .get('/:teamId/share-links', async (c) => {
    const { team } = await teamFor(c, c.req.param('teamId'), 'share:create')
    return c.json({
      links: (await c.var.deps.pitch.listShareLinks({ teamId: team.id })).map((l) =>
        shareLinkView(l, null, originOf(c))
      ),
    })
  })
  .post('/:teamId/share-links', jsonBody(CreateShareLinkRequest), async (c) => {
    const { team } = await teamFor(c, c.req.param('teamId'), 'share:create')
    return await createLink(c, { programId: team.programId, teamId: team.id, sessionId: null })
  })

/** Revoking a link: its creator, a member allowed to share for its team, or the program's coordinator. */
export const shareLinkRoutes = new Hono<AppEnv>().delete('/:linkId', async (c) => {
  const principal = requirePrincipal(c)
  const { pitch, access } = c.var.deps
  const link = await pitch.getShareLink(c.req.param('linkId'))
  if (!link) throw new HttpError(404, 'link_not_found', 'no share link has this id')
  const allowed =
    (principal.personId !== null && link.createdBy === principal.personId) ||
    can(await access.roleInProgram(principal, link.programId), 'pitch:schedule') ||
    (link.teamId !== null && can(await access.roleInTeam(principal, link.teamId), 'share:create'))
  if (!allowed) throw new HttpError(403, 'forbidden', 'you may not revoke this link')
  await pitch.revokeShareLink(link.id)
  await c.var.deps.live.disconnect(
    { shareLinkId: link.id },
    CLOSE_CODE.unauthorized,
    'this link was withdrawn'
  )
  return c.body(null, 204)
})
