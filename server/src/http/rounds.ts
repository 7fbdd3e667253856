import { Hono } from 'hono'
import { CloseRoundRequest, DiffPoint, OpenRoundRequest } from '@specboard/shared'
import type { Round, SheetDiff } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import { checkReviewers, closeRound, openRound, sheetStateAt, toRound } from '../rounds/rounds.ts'
import { diffSheets } from '../rounds/sheetDiff.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor, teamFor } from './middleware/access.ts'
import { jsonBody, readBody } from './middleware/validate.ts'

/** Review rounds of one team: list, open, close, and what changed between two moments. */
export const teamRoundRoutes = new Hono<AppEnv>()
  .get('/:teamId/rounds', async (c) => {
    const team = await c.var.deps.records.getTeam(c.req.param('teamId'))
    if (!team) throw new HttpError(404, 'team_not_found', 'no team has this id')
    // Round history is the cohort's progress, shown on the program page to everyone in the program.
    await programFor(c, team.programId, 'program:read')
    return c.json({ rounds: (await c.var.deps.records.listRounds(team.id)).map(toRound) })
  })
  .post('/:teamId/rounds', jsonBody(OpenRoundRequest), async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'round:manage')
    const { reviewerIds } = await readBody(c)
    await checkReviewers(c.var.deps.records, program, reviewerIds)
    const round = await openRound(c.var.deps, team, reviewerIds, c.var.principal!.personId)
    if (!round)
      throw new HttpError(
        409,
        'round_already_open',
        'this team already has an open round; close it first'
      )
    return c.json(toRound(round), 201)
  })
  .post('/:teamId/rounds/:number/close', jsonBody(CloseRoundRequest), async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'round:manage')
    const { note } = await readBody(c)
    const round = await closeRound(
      c.var.deps,
      team,
      program,
      Number(c.req.param('number')),
      note,
      c.var.principal!.personId
    )
    return c.json(toRound(round))
  })
  .get('/:teamId/diff', async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'team:read')
    const from = DiffPoint.safeParse(c.req.query('from'))
    const to = DiffPoint.safeParse(c.req.query('to') ?? 'current')
    if (!from.success)
      throw new HttpError(
        400,
        'invalid_query',
        'from: must be current, round:<n> or round:<n>:close'
      )
    if (!to.success)
      throw new HttpError(400, 'invalid_query', 'to: must be current, round:<n> or round:<n>:close')
    const sections = diffSheets(
      await sheetStateAt(c.var.deps, team.id, from.data),
      await sheetStateAt(c.var.deps, team.id, to.data),
      program.template
    )
    const body: SheetDiff = {
      from: from.data,
      to: to.data,
      changedSections: sections.filter((s) => s.changed).length,
      sections,
    }
    return c.json(body)
  })

/** Opening a round for every team of a program at once; teams with an open round are skipped. */
export const programRoundRoutes = new Hono<AppEnv>().post(
  '/:programId/rounds',
  jsonBody(OpenRoundRequest),
  async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'round:manage')
    const { reviewerIds } = await readBody(c)
    await checkReviewers(c.var.deps.records, program, reviewerIds)
    const opened: Round[] = []
    const skipped: { teamId: string; reason: string }[] = []
    for (const team of await c.var.deps.records.listTeams(program.id)) {
      const round = await openRound(c.var.deps, team, reviewerIds, c.var.principal!.personId)
      if (round) opened.push(toRound(round))
      else skipped.push({ teamId: team.id, reason: 'round_already_open' })
    }
    return c.json({ rounds: opened, skipped }, 201)
  }
)

/** Program members by role, so a coordinator can pick reviewers. */
export const programMemberRoutes = new Hono<AppEnv>().get('/:programId/members', async (c) => {
  const { program } = await programFor(c, c.req.param('programId'), 'program:read')
  const members = (await c.var.deps.records.programMembers(program.id)).map((m) => ({
    memberId: m.id,
    personId: m.personId,
    name: m.personName,
    role: m.role,
    teamId: m.teamId,
    teamName: m.teamName,
  }))
  return c.json({ members })
})
