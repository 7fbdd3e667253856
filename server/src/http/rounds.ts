import { Hono } from 'hono'
import type { Context } from 'hono'
import * as Y from 'yjs'
import { CloseRoundRequest, DiffPoint, OpenRoundRequest, documentName } from '@specboard/shared'
import type { Round, SheetDiff } from '@specboard/shared'
import type { ProgramRecord, RoundRecord, TeamRecord } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { listThreads } from '../feedback/threadStore.ts'
import { diffSheets } from '../rounds/sheetDiff.ts'
import { summarizeRound } from '../rounds/roundSummary.ts'
import { withSpecDoc } from '../sheets/readSheet.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { programFor, teamFor } from './middleware/access.ts'
import { readBody } from './middleware/validate.ts'

function toRound(r: RoundRecord): Round {
  const { id, teamId, number, openedAt, closedAt, reviewers, summary } = r
  return {
    id,
    teamId,
    number,
    state: closedAt ? 'closed' : 'open',
    openedAt,
    closedAt,
    reviewers: [...reviewers],
    summary,
  }
}

async function currentState(c: Context<AppEnv>, teamId: string): Promise<Uint8Array> {
  return await withSpecDoc(c.var.deps.live, teamId, (doc) => Y.encodeStateAsUpdate(doc))
}

/** Reviewer ids must name people who review in this program; they join the team as reviewers. */
async function checkReviewers(
  c: Context<AppEnv>,
  program: ProgramRecord,
  reviewerIds: readonly string[]
): Promise<void> {
  const reviewers = new Set(
    (await c.var.deps.records.programMembers(program.id))
      .filter((m) => m.role === 'reviewer')
      .map((m) => m.personId)
  )
  const stranger = reviewerIds.find((id) => !reviewers.has(id))
  if (stranger)
    throw new HttpError(
      400,
      'invalid_body',
      `reviewerIds: ${stranger} is not a reviewer in this program`
    )
}

async function openFor(
  c: Context<AppEnv>,
  team: TeamRecord,
  reviewerIds: readonly string[]
): Promise<RoundRecord | null> {
  // Read before the transaction: the log is not part of the unit of work.
  const snapshot = await currentState(c, team.id)
  const round = await c.var.deps.tx(async ({ records }) => {
    const round = await records.openRound({
      teamId: team.id,
      openedBy: c.var.principal!.personId,
      snapshot,
      reviewerIds,
    })
    if (round)
      for (const personId of reviewerIds)
        await records.addMembership({
          personId,
          programId: team.programId,
          teamId: team.id,
          role: 'reviewer',
        })
    return round
  })
  if (round)
    c.var.deps.events.emit(team.programId, 'round.opened', {
      roundId: round.id,
      teamId: team.id,
      number: round.number,
    })
  return round
}

/** The encoded sheet at a diff point: `current`, `round:<n>` (as it opened) or `round:<n>:close`. */
async function stateAt(c: Context<AppEnv>, teamId: string, point: string): Promise<Uint8Array> {
  if (point === 'current') return await currentState(c, teamId)
  const [, number, moment] = point.split(':')
  const round = await c.var.deps.records.getRound(teamId, Number(number))
  if (!round) throw new HttpError(404, 'round_not_found', `this team has no round ${number}`)
  const state = await c.var.deps.records.roundSnapshot(
    round.id,
    moment === 'close' ? 'close' : 'open'
  )
  if (!state) throw new HttpError(409, 'round_not_closed', `round ${number} has not closed yet`)
  return state
}

/** Review rounds of one team: list, open, close, and what changed between two moments. */
export const teamRoundRoutes = new Hono<AppEnv>()
  .get('/:teamId/rounds', async (c) => {
    const team = await c.var.deps.records.getTeam(c.req.param('teamId'))
    if (!team) throw new HttpError(404, 'team_not_found', 'no team has this id')
    // Round history is the cohort's progress, shown on the program page to everyone in the program.
    await programFor(c, team.programId, 'program:read')
    return c.json({ rounds: (await c.var.deps.records.listRounds(team.id)).map(toRound) })
  })
  .post('/:teamId/rounds', async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'round:manage')
    const { reviewerIds } = await readBody(c, OpenRoundRequest)
    await checkReviewers(c, program, reviewerIds)
    const round = await openFor(c, team, reviewerIds)
    if (!round)
      throw new HttpError(
        409,
        'round_already_open',
        'this team already has an open round; close it first'
      )
    return c.json(toRound(round), 201)
  })
  .post('/:teamId/rounds/:number/close', async (c) => {
    const { team, program } = await teamFor(c, c.req.param('teamId'), 'round:manage')
    const { note } = await readBody(c, CloseRoundRequest)
    const { records, live } = c.var.deps
    const round = await records.getRound(team.id, Number(c.req.param('number')))
    if (!round) throw new HttpError(404, 'round_not_found', 'this team has no such round')
    if (round.closedAt) throw new HttpError(409, 'round_not_open', 'this round is already closed')
    const opened = (await records.roundSnapshot(round.id, 'open'))!
    const closing = await currentState(c, team.id)
    const threads = await live.read(documentName('feedback', team.id), listThreads)
    const summary = summarizeRound(
      round.id,
      threads,
      diffSheets(opened, closing, program.template),
      note
    )
    if (
      !(await records.closeRound(round.id, {
        closedBy: c.var.principal!.personId,
        snapshot: closing,
        summary,
      }))
    ) {
      throw new HttpError(409, 'round_not_open', 'this round is already closed')
    }
    c.var.deps.events.emit(program.id, 'round.closed', {
      roundId: round.id,
      teamId: team.id,
      number: round.number,
    })
    return c.json(toRound((await records.getRound(team.id, round.number))!))
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
      await stateAt(c, team.id, from.data),
      await stateAt(c, team.id, to.data),
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
export const programRoundRoutes = new Hono<AppEnv>().post('/:programId/rounds', async (c) => {
  const { program } = await programFor(c, c.req.param('programId'), 'round:manage')
  const { reviewerIds } = await readBody(c, OpenRoundRequest)
  await checkReviewers(c, program, reviewerIds)
  const opened: Round[] = []
  const skipped: { teamId: string; reason: string }[] = []
  for (const team of await c.var.deps.records.listTeams(program.id)) {
    const round = await openFor(c, team, reviewerIds)
    if (round) opened.push(toRound(round))
    else skipped.push({ teamId: team.id, reason: 'round_already_open' })
  }
  return c.json({ rounds: opened, skipped }, 201)
})

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
