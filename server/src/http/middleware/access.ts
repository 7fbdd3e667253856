import type { Context } from 'hono'
import { can, type Capability, type Role } from '@specboard/shared'
import type { ProgramRecord, TeamRecord } from '../../storage/Storage.ts'
import { HttpError } from '../../errors.ts'
import type { AppEnv } from './AppEnv.ts'
import { requirePrincipal } from './auth.ts'

/** The program and the caller's role in it; 404 when unknown, 403 without `capability`. */
export async function programFor(
  c: Context<AppEnv>,
  programId: string,
  capability: Capability
): Promise<{ program: ProgramRecord; role: Role }> {
  const principal = requirePrincipal(c)
  const program = await c.var.deps.records.getProgram(programId)
  if (!program) throw new HttpError(404, 'program_not_found', 'no program has this id')
  const role = await c.var.deps.access.roleInProgram(principal, programId)
  if (!can(role, capability))
    throw new HttpError(403, 'forbidden', 'your role in this program does not allow this')
  return { program, role: role! }
}

/** The team and the caller's role in it; 404 when unknown, 403 without `capability`. */
export async function teamFor(
  c: Context<AppEnv>,
  teamId: string,
  capability: Capability
): Promise<{ team: TeamRecord; program: ProgramRecord; role: Role }> {
  const principal = requirePrincipal(c)
  const team = await c.var.deps.records.getTeam(teamId)
  if (!team) throw new HttpError(404, 'team_not_found', 'no team has this id')
  const role = await c.var.deps.access.roleInTeam(principal, teamId)
  if (!can(role, capability))
    throw new HttpError(403, 'forbidden', 'your role in this team does not allow this')
  return { team, program: (await c.var.deps.records.getProgram(team.programId))!, role: role! }
}
