import { Hono } from 'hono'
import {
  CreateProgramRequest,
  CreateTeamRequest,
  DEFAULT_TEMPLATE,
  can,
  teamDocuments,
} from '@specboard/shared'
import type { Program, ProgramList, TeamSummary } from '@specboard/shared'
import type { ProgramRecord, TeamRecord } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { completenessOfTeams } from '../sheets/readSheet.ts'
import type { AppDeps, AppEnv } from './middleware/AppEnv.ts'
import { programFor } from './middleware/access.ts'
import { requirePrincipal } from './middleware/auth.ts'
import { jsonBody, readBody } from './middleware/validate.ts'

/** Every team's summary: one query for the members, sheets read only where they changed. */
async function teamSummaries(
  deps: AppDeps,
  teams: readonly TeamRecord[],
  program: ProgramRecord
): Promise<TeamSummary[]> {
  const members = await deps.records.programMembers(program.id)
  const completeness = await completenessOfTeams(
    deps.live,
    teams.map((t) => t.id),
    program.template
  )
  const active = await deps.live.activePeople(teams.map((t) => teamDocuments(t.id).spec))
  return teams.map((team, i) => {
    const documents = teamDocuments(team.id)
    return {
      id: team.id,
      name: team.name,
      organization: team.organization,
      documents,
      memberCount: members.filter((m) => m.teamId === team.id).length,
      completeness: completeness[i]!,
      activeNow: active.get(documents.spec) ?? [],
    }
  })
}

export const programRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const principal = requirePrincipal(c)
    const { records, access } = c.var.deps
    const memberOf = async () => {
      const ids = new Set(
        (await records.membershipsOfPerson(principal.personId!)).map((m) => m.programId)
      )
      return (await records.listPrograms()).filter((p) => ids.has(p.id))
    }
    const programs = principal.isAdmin ? await records.listPrograms() : await memberOf()
    const body: ProgramList = {
      programs: await Promise.all(
        programs.map(async (p) => ({
          id: p.id,
          name: p.name,
          region: p.region,
          teamCount: (await records.listTeams(p.id)).length,
          myRole: await access.roleInProgram(principal, p.id),
        }))
      ),
    }
    return c.json(body)
  })
  .post('/', jsonBody(CreateProgramRequest), async (c) => {
    const principal = requirePrincipal(c)
    const { records } = c.var.deps
    const coordinates =
      principal.isAdmin ||
      (await records.membershipsOfPerson(principal.personId!)).some((m) =>
        can(m.role, 'program:create')
      )
    if (!coordinates) throw new HttpError(403, 'forbidden', 'only coordinators create programs')
    const body = await readBody(c)
    const program = await c.var.deps.tx(async ({ records }) => {
      const created = await records.createProgram({
        name: body.name,
        region: body.region,
        targets: body.targets ?? {},
        template: body.template ?? DEFAULT_TEMPLATE,
        createdBy: principal.personId,
      })
      if (principal.personId) {
        await records.addMembership({
          personId: principal.personId,
          programId: created.id,
          teamId: null,
          role: 'coordinator',
        })
      }
      return created
    })
    return c.json({ id: program.id }, 201)
  })
  .get('/:programId', async (c) => {
    const { program, role } = await programFor(c, c.req.param('programId'), 'program:read')
    const deps = c.var.deps
    const body: Program = {
      id: program.id,
      name: program.name,
      region: program.region,
      targets: program.targets,
      template: program.template,
      retentionMonths: program.retentionMonths,
      createdAt: program.createdAt,
      myRole: role,
      teams: await teamSummaries(deps, await deps.records.listTeams(program.id), program),
    }
    return c.json(body)
  })
  .post('/:programId/teams', jsonBody(CreateTeamRequest), async (c) => {
    const { program } = await programFor(c, c.req.param('programId'), 'program:manage')
    const body = await readBody(c)
    const team = await c.var.deps.records.createTeam({
      programId: program.id,
      name: body.name,
      organization: body.organization ?? null,
    })
    return c.json({ id: team.id, documents: teamDocuments(team.id) }, 201)
  })
