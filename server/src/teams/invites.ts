/** Team invites: making an invite link, what state one is in, and joining a team by one. */
import { canInvite } from '@specboard/shared'
import type { CreateInviteResponse, InviteListItem, Role, TeamRole } from '@specboard/shared'
import type { InviteRecord, MembershipRecord, RecordStore, TeamRecord } from '../storage/Storage.ts'
import { HttpError } from '../errors.ts'
import { hashSecret, newSecret } from '../ids.ts'

const DAY_MS = 24 * 3600 * 1000

export function inviteStatus(invite: InviteRecord, now = Date.now()): InviteListItem['status'] {
  if (invite.revokedAt) return 'revoked'
  if (Date.parse(invite.expiresAt) <= now) return 'expired'
  return invite.maxUses !== null && invite.acceptedCount >= invite.maxUses ? 'used' : 'valid'
}

/** Refuses an invite that cannot be accepted any more, saying why. */
export function assertAcceptable(invite: InviteRecord): void {
  const status = inviteStatus(invite)
  if (status === 'revoked')
    throw new HttpError(410, 'invite_revoked', 'this invite was revoked; ask for a new one')
  if (status === 'expired')
    throw new HttpError(410, 'invite_expired', 'this invite has expired; ask for a new one')
  if (status === 'used')
    throw new HttpError(
      410,
      'invite_used',
      'this invite link was for one person and has already been used; ask the person who sent it for your own link'
    )
}

/** The invite a link's token names; 404 when none does. */
export async function inviteByToken(
  records: RecordStore,
  token: string | undefined
): Promise<InviteRecord> {
  const invite = await records.inviteByTokenHash(hashSecret(token ?? ''))
  if (!invite)
    throw new HttpError(404, 'invite_not_found', 'this invite link is not known; ask for a new one')
  return invite
}

export interface InviteRequest {
  readonly team: TeamRecord
  /** The inviter's role in the team: it decides which roles they may invite. */
  readonly inviterRole: Role
  readonly inviterId: string | null
  readonly invited: TeamRole
  readonly expiresInDays: number
  readonly maxUses?: number
  /** The app's origin, for the link. */
  readonly origin: string
}

/**
 * Creates an invite link into a team for `invited`; the inviter may invite only the roles their own role
 * allows. Whether they may invite at all (team:invite) is the caller's check. Also used to invite people
 * from the talent pool.
 */
export async function inviteIntoTeam(
  records: RecordStore,
  request: InviteRequest
): Promise<CreateInviteResponse> {
  const { team, inviterRole, invited, maxUses = 1 } = request
  if (!canInvite(inviterRole, invited))
    throw new HttpError(403, 'forbidden', `a ${inviterRole} may not invite a ${invited}`)
  const token = newSecret()
  const invite = await records.createInvite({
    tokenHash: hashSecret(token),
    teamId: team.id,
    role: invited,
    createdBy: request.inviterId,
    expiresAt: new Date(Date.now() + request.expiresInDays * DAY_MS).toISOString(),
    maxUses,
  })
  return {
    id: invite.id,
    token,
    url: `${request.origin}/invite/${token}`,
    role: invite.role,
    expiresAt: invite.expiresAt,
    maxUses,
  }
}

/**
 * Adds `personId` to the invite's team and counts the acceptance (unless `isReserved`: counted when a
 * mailed link was sent for it). Call it inside a transaction with that transaction's `records`: it throws
 * (rolling back) when the invite cannot be accepted. A person already in the team keeps their membership
 * and uses nothing up.
 */
export async function joinTeamByInvite(
  records: RecordStore,
  inviteId: string,
  personId: string,
  isReserved = false
): Promise<{ membership: MembershipRecord; team: TeamRecord }> {
  const invite = await records.getInvite(inviteId)
  if (!invite) throw new HttpError(404, 'invite_not_found', 'this invite is not known any more')
  const team = (await records.getTeam(invite.teamId))!
  const member = (await records.teamMembers(team.id)).find((m) => m.personId === personId)
  if (member) return { membership: member, team }
  if (isReserved) {
    // The use was counted when the link was sent: only a revoked or expired invite stops it now.
    const status = inviteStatus(invite)
    if (status === 'revoked' || status === 'expired') assertAcceptable(invite)
  } else assertAcceptable(invite)
  const membership = await records.addMembershipIfNew({
    personId,
    programId: team.programId,
    teamId: team.id,
    role: invite.role,
  })
  // Joined by another request at the same moment (a double click): that membership stands and this
  // acceptance uses nothing up, as if it came after. The use is counted only with the membership it made,
  // and refusing the count (used up meanwhile) rolls that membership back with the transaction.
  if (!membership) {
    const joined = (await records.teamMembers(team.id)).find((m) => m.personId === personId)
    if (!joined) throw new Error('the membership conflicted but is not there')
    return { membership: joined, team }
  }
  if (!isReserved && !(await records.countInviteAcceptance(invite.id)))
    throw new HttpError(410, 'invite_used', 'this invite link has already been used')
  return { membership, team }
}
