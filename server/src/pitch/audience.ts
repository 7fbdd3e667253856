/**
 * What a share link lets the audience do without an account: open the link (with guessing kept slow),
 * see the session and teams it shows, react, and ask to join a team. Takes the stores and limiters it needs.
 */
import { documentName } from '@specboard/shared'
import type { AudienceInfo, JoinRequest } from '@specboard/shared'
import { checkShareToken, type AudienceGrant } from '../auth/audienceAccess.ts'
import { HttpError } from '../errors.ts'
import type { Limiter } from '../ports/Limiter.ts'
import type { Stores } from '../ports/Storage.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import type { RecordStore, TeamRecord } from '../storage/Storage.ts'

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
export async function openShareLink(
  pitch: PitchStore,
  failedLinks: Limiter,
  token: string | undefined,
  address: string
): Promise<AudienceGrant> {
  const check = await checkShareToken(pitch, token)
  if (check.ok) return check.grant
  if (!(await failedLinks.take(address)))
    throw new HttpError(429, 'too_many_failed_links', 'too many unknown links; wait a minute')
  if (check.reason === 'unknown') throw new HttpError(404, 'link_not_found', GONE_MESSAGES.unknown)
  throw new HttpError(410, `link_${check.reason}`, GONE_MESSAGES[check.reason])
}

/** The team `teamId` if the link shows it; 400 otherwise. */
export async function shownTeam(
  records: RecordStore,
  grant: AudienceGrant,
  teamId: string
): Promise<TeamRecord> {
  if (!grant.teamIds.includes(teamId))
    throw new HttpError(400, 'invalid_body', 'teamId: this link does not show this team')
  return (await records.getTeam(teamId))!
}

/** A per-viewer and a per-address budget for one kind of audience action. */
export interface ActionLimits {
  readonly perViewer: Limiter
  readonly perAddress: Limiter
}

/** Takes one action from both budgets (the viewer's first, as before); false when either is spent. */
export async function takeAction(
  limits: ActionLimits,
  viewerId: string,
  address: string
): Promise<boolean> {
  return (await limits.perViewer.take(viewerId)) && (await limits.perAddress.take(address))
}

/** What the link shows: the program, the session with its teams, and each shown team's documents. */
export async function audienceInfo(
  records: RecordStore,
  grant: AudienceGrant
): Promise<AudienceInfo> {
  const program = (await records.getProgram(grant.link.programId))!
  const session = grant.session
  return {
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
}

/**
 * Asks to join `team`: the lead is kept with its pitch, and the person joins the talent pool they
 * consented to. Returns the token that withdraws them from the pool (null when already in it).
 */
export async function askToJoin(
  tx: Stores['tx'],
  grant: AudienceGrant,
  team: TeamRecord,
  request: JoinRequest
): Promise<string | null> {
  const { withdrawToken } = await tx(async ({ pitch, postings }) => {
    await pitch.addLead({
      programId: team.programId,
      teamId: team.id,
      sessionId: grant.session?.id ?? null,
      name: request.name,
      contact: request.contact,
      howToHelp: request.howToHelp,
    })
    return await postings.pool.add({
      source: 'pitch_lead',
      programId: team.programId,
      teamId: team.id,
      name: request.name,
      contact: request.contact,
      note: request.howToHelp,
      consent: true,
    })
  })
  return withdrawToken
}
