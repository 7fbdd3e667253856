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
import { sheetOf, withSpecDoc } from '../sheets/readSheet.ts'
import type { AppDeps, AppEnv } from './AppEnv.ts'
import { programFor } from './access.ts'
import { requirePrincipal } from './middleware/auth.ts'
import { readBody } from './middleware/validate.ts'

/** A team as the program page shows it: progress of its sheet and who is on it now. */
export function teamSummary(deps: AppDeps, team: TeamRecord, program: ProgramRecord): TeamSummary {
  const documents = teamDocuments(team.id)
  const { completeness } = withSpecDoc(deps.collab, deps.documents, team.id, (doc) =>
    sheetOf(doc, program.template)
  )
  return {
    id: team.id,
    name: team.name,
    organization: team.organization,
    documents,
    memberCount: deps.records.teamMembers(team.id).length,
    completeness,
    activeNow: deps.collab
      .activePeople(documents.spec)
      .map(({ personId, name, role }) => ({ personId, name, role })),
  }
}

export const programRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const principal = requirePrincipal(c)
    const { records, access } = c.var.deps
    const programs = principal.isAdmin
      ? records.listPrograms()
      : [...new Set(records.membershipsOfPerson(principal.personId!).map((m) => m.programId))].map(
          (id) => records.getProgram(id)!
        )
    const body: ProgramList = {
      programs: programs.map((p) => ({
        id: p.id,
        name: p.name,
        region: p.region,
        teamCount: records.listTeams(p.id).length,
        myRole: access.roleInProgram(principal, p.id),
      })),
    }
    return c.json(body)
  })
  .post('/', async (c) => {
    const principal = requirePrincipal(c)
    const { records } = c.var.deps
    const coordinates =
      principal.isAdmin ||
      records.membershipsOfPerson(principal.personId!).some((m) => can(m.role, 'program:create'))
    if (!coordinates) throw new HttpError(403, 'forbidden', 'only coordinators create programs')
    const body = await readBody(c, CreateProgramRequest)
    const program = records.transaction(() => {
      const created = records.createProgram({
        name: body.name,
        region: body.region,
        targets: body.targets ?? {},
        template: body.template ?? DEFAULT_TEMPLATE,
        createdBy: principal.personId,
      })
      if (principal.personId) {
        records.addMembership({
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
  .get('/:programId', (c) => {
    const { program, role } = programFor(c, c.req.param('programId'), 'program:read')
    const deps = c.var.deps
    const body: Program = {
      id: program.id,
      name: program.name,
      region: program.region,
      targets: program.targets,
      template: program.template,
      createdAt: program.createdAt,
      myRole: role,
      teams: deps.records.listTeams(program.id).map((t) => teamSummary(deps, t, program)),
    }
    return c.json(body)
  })
  .post('/:programId/teams', async (c) => {
    const { program } = programFor(c, c.req.param('programId'), 'program:manage')
    const body = await readBody(c, CreateTeamRequest)
    const team = c.var.deps.records.createTeam({
      programId: program.id,
      name: body.name,
      organization: body.organization ?? null,
    })
    return c.json({ id: team.id, documents: teamDocuments(team.id) }, 201)
  })
