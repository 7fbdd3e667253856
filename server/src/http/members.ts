import { Hono } from 'hono'
import { CLOSE_CODE, teamDocuments } from '@specboard/shared'
import { HttpError } from '../errors.ts'
import type { AppEnv } from './middleware/AppEnv.ts'
import { teamFor } from './middleware/access.ts'
import { recordAudit } from './middleware/recordAudit.ts'

/** DELETE /api/teams/:teamId/members/:memberId — removing someone from a team. */
export const memberRoutes = new Hono<AppEnv>().delete('/:teamId/members/:memberId', async (c) => {
  const { team, role } = await teamFor(c, c.req.param('teamId'), 'member:remove')
  const { records, access, live } = c.var.deps
  const memberId = c.req.param('memberId')
  const target = (await records.teamMembers(team.id)).find((m) => m.id === memberId)
  if (!target) throw new HttpError(404, 'member_not_found', 'this team has no such member')
  if (role !== 'coordinator') {
    // Owners and caretakers remove their own team's members, not the program's coordinators.
    const targetRole = await access.roleInProgram(
      { personId: target.personId, name: target.personName, isAdmin: false, sessionId: null },
      team.programId
    )
    if (targetRole === 'coordinator')
      throw new HttpError(403, 'forbidden', 'only a coordinator may remove a coordinator')
  }
  await c.var.deps.tx(async ({ accounts }) => {
    await accounts.removeTeamMember(team.id, memberId)
    await recordAudit(
      c,
      team.programId,
      'member.remove',
      target.personName,
      { team: team.name, role: target.role },
      accounts
    )
  })
  // Their sockets to this team's documents close now, unless a program-wide role still lets them in.
  const still = await access.roleInTeam(
    { personId: target.personId, name: target.personName, isAdmin: false, sessionId: null },
    team.id
  )
  if (!still) {
    // On every instance: the person may be connected to any of them.
    for (const document of new Set(Object.values(teamDocuments(team.id))))
      await live.disconnect(
        { personId: target.personId, document },
        CLOSE_CODE.forbidden,
        'you were removed from this team'
      )
  }
  return c.body(null, 204)
})
