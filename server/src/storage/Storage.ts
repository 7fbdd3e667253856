/**
 * The records the server keeps: people, programs, teams, memberships, invites, rounds. The store
 * interfaces resolve asynchronously, so SQLite and PostgreSQL implement them alike (see ports/Storage.ts).
 */
import type { ProgramTargets, Role, RoundSummary, SheetTemplate, TeamRole } from '@specboard/shared'

export interface PersonRecord {
  readonly id: string
  readonly name: string
  readonly isAdmin: boolean
  readonly createdAt: string
}

export interface ProgramRecord {
  readonly id: string
  readonly name: string
  readonly region: string
  readonly targets: ProgramTargets
  readonly template: SheetTemplate
  /** Months after a posting closes until unplaced, unpooled applicants' personal data is erased. */
  readonly retentionMonths: number
  readonly createdBy: string | null
  readonly createdAt: string
}

/** A program as it is created: retention starts at the default. */
export type NewProgram = Omit<ProgramRecord, 'id' | 'createdAt' | 'retentionMonths'>

export interface TeamRecord {
  readonly id: string
  readonly programId: string
  readonly name: string
  readonly organization: string | null
  readonly position: number
  readonly createdAt: string
}

export interface MembershipRecord {
  readonly id: string
  readonly personId: string
  readonly programId: string
  readonly teamId: string | null
  readonly role: Role
  readonly createdAt: string
}

/** A membership with the names a person needs to find their way. */
export interface MembershipView extends MembershipRecord {
  readonly personName: string
  readonly programName: string
  readonly teamName: string | null
}

export interface InviteRecord {
  readonly id: string
  readonly teamId: string
  readonly role: TeamRole
  readonly createdBy: string | null
  readonly createdAt: string
  readonly expiresAt: string
  readonly revokedAt: string | null
  readonly acceptedCount: number
  /** How many acceptances the link allows; null: any number (links made before invites were single-use). */
  readonly maxUses: number | null
}

export interface RoundRecord {
  readonly id: string
  readonly teamId: string
  readonly number: number
  readonly openedAt: string
  readonly openedBy: string | null
  readonly closedAt: string | null
  readonly closedBy: string | null
  readonly summary: RoundSummary | null
  readonly reviewers: readonly { readonly personId: string; readonly name: string }[]
}

/** Relational records: people, programs, teams, memberships, invites and first-run setup. */
export interface RecordStore {
  createPerson(name: string, isAdmin: boolean): Promise<PersonRecord>
  getPerson(id: string): Promise<PersonRecord | undefined>

  hasAdmin(): Promise<boolean>
  addSetupToken(tokenHash: string): Promise<void>
  /** Marks an unused setup token used; false when it is unknown or already used. */
  consumeSetupToken(tokenHash: string): Promise<boolean>

  createProgram(p: NewProgram): Promise<ProgramRecord>
  getProgram(id: string): Promise<ProgramRecord | undefined>
  listPrograms(): Promise<ProgramRecord[]>
  createTeam(t: {
    programId: string
    name: string
    organization: string | null
  }): Promise<TeamRecord>
  getTeam(id: string): Promise<TeamRecord | undefined>
  listTeams(programId: string): Promise<TeamRecord[]>

  /** Adds a membership, or returns the one the person already has in that program/team. */
  addMembership(m: Omit<MembershipRecord, 'id' | 'createdAt'>): Promise<MembershipRecord>
  /**
   * Adds a membership unless the person already has one in that program/team (then null): one step, so
   * of several requests at once exactly one adds it (PostgreSQL holds the others until it commits).
   */
  addMembershipIfNew(
    m: Omit<MembershipRecord, 'id' | 'createdAt'>
  ): Promise<MembershipRecord | null>
  membershipsOfPerson(personId: string): Promise<MembershipView[]>
  teamMembers(teamId: string): Promise<MembershipView[]>

  createInvite(
    i: Omit<InviteRecord, 'id' | 'createdAt' | 'revokedAt' | 'acceptedCount'> & {
      tokenHash: string
    }
  ): Promise<InviteRecord>
  inviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined>
  getInvite(id: string): Promise<InviteRecord | undefined>
  listInvites(teamId: string): Promise<InviteRecord[]>
  /** Revokes an invite of `teamId`; false when there is no such invite. */
  revokeInvite(teamId: string, inviteId: string): Promise<boolean>
  /** Counts one acceptance; false (nothing counted) when the invite has none left. */
  countInviteAcceptance(inviteId: string): Promise<boolean>

  /** Every membership in a program, program-wide and per team. */
  programMembers(programId: string): Promise<MembershipView[]>

  /** Opens the team's next round; null when a round is already open. */
  openRound(r: {
    teamId: string
    openedBy: string | null
    snapshot: Uint8Array
    reviewerIds: readonly string[]
  }): Promise<RoundRecord | null>
  currentRound(teamId: string): Promise<RoundRecord | undefined>
  getRound(teamId: string, number: number): Promise<RoundRecord | undefined>
  listRounds(teamId: string): Promise<RoundRecord[]>
  /** Closes an open round; false when it is not open. */
  closeRound(
    roundId: string,
    c: { closedBy: string | null; snapshot: Uint8Array; summary: RoundSummary }
  ): Promise<boolean>
  roundSnapshot(roundId: string, moment: 'open' | 'close'): Promise<Uint8Array | undefined>
}
