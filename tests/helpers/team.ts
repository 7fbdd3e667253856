/** A team with one person per role, made through the real API (no vitest here: the bench uses it too). */
import type { TeamRole } from '@specboard/shared'
import { createProgram, createTeam, joinTeam, type ApiTarget } from './api.ts'

/** A team and one access token per role, plus someone from another team of the same program. */
export interface TeamFixture {
  readonly programId: string
  readonly teamId: string
  readonly documents: { readonly spec: string; readonly feedback: string; readonly stage: string }
  readonly tokens: Readonly<Record<TeamRole, string>>
  /** A talent of a different team: signed in, but with no role in this one. */
  readonly outsiderToken: string
}

export async function createTeamFixture(server: ApiTarget, name = 'Team'): Promise<TeamFixture> {
  const programId = await createProgram(server, `${name} program`)
  const team = await createTeam(server, programId, name)
  const other = await createTeam(server, programId, `${name} (other)`)
  const roles: TeamRole[] = ['owner', 'caretaker', 'talent', 'reviewer']
  const tokens = {} as Record<TeamRole, string>
  for (const role of roles)
    tokens[role] = await joinTeam(server, team.id, role, `${role} of ${name}`)
  const outsiderToken = await joinTeam(server, other.id, 'talent', `outsider of ${name}`)
  return { programId, teamId: team.id, documents: team.documents, tokens, outsiderToken }
}
