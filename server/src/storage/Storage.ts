/**
 * What the server needs from its data store. `main.ts` picks the implementation (SQLite today); routes and
 * the collaboration server see only these interfaces. The methods are synchronous because the embedded
 * store is: an update is on disk when `appendUpdate` returns, before anyone is told about it.
 */
import type { PitchStore } from './PitchStore.ts'
import type { PostingStore } from './PostingStore.ts'
import type { AccountStore } from './AccountStore.ts'
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
  readonly createdBy: string | null
  readonly createdAt: string
}

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

/** The append-only update log behind every collaborative document. */
export interface DocumentStore {
  /** All stored updates of `document`, oldest first. */
  loadUpdates(document: string): Uint8Array[]
  /** Appends one update; it is durable (survives a crash of this process) when this returns. */
  appendUpdate(document: string, update: Uint8Array): void
  /** The number of stored updates of `document`. */
  countUpdates(document: string): number
  /** Replaces every stored update of `document` with `merged`, atomically. */
  replaceUpdates(document: string, merged: Uint8Array): void
}

/** Relational records: people, programs, teams, memberships, invites and first-run setup. */
export interface RecordStore {
  transaction<T>(fn: () => T): T

  createPerson(name: string, isAdmin: boolean): PersonRecord
  getPerson(id: string): PersonRecord | undefined

  hasAdmin(): boolean
  addSetupToken(tokenHash: string): void
  /** Marks an unused setup token used; false when it is unknown or already used. */
  consumeSetupToken(tokenHash: string): boolean

  createProgram(p: Omit<ProgramRecord, 'id' | 'createdAt'>): ProgramRecord
  getProgram(id: string): ProgramRecord | undefined
  listPrograms(): ProgramRecord[]
  createTeam(t: { programId: string; name: string; organization: string | null }): TeamRecord
  getTeam(id: string): TeamRecord | undefined
  listTeams(programId: string): TeamRecord[]

  /** Adds a membership, or returns the one the person already has in that program/team. */
  addMembership(m: Omit<MembershipRecord, 'id' | 'createdAt'>): MembershipRecord
  membershipsOfPerson(personId: string): MembershipView[]
  teamMembers(teamId: string): MembershipView[]

  createInvite(
    i: Omit<InviteRecord, 'id' | 'createdAt' | 'revokedAt' | 'acceptedCount'> & {
      tokenHash: string
    }
  ): InviteRecord
  inviteByTokenHash(tokenHash: string): InviteRecord | undefined
  getInvite(id: string): InviteRecord | undefined
  listInvites(teamId: string): InviteRecord[]
  /** Revokes an invite of `teamId`; false when there is no such invite. */
  revokeInvite(teamId: string, inviteId: string): boolean
  /** Counts one acceptance; false (nothing counted) when the invite has none left. */
  countInviteAcceptance(inviteId: string): boolean

  /** Every membership in a program, program-wide and per team. */
  programMembers(programId: string): MembershipView[]

  /** Opens the team's next round; null when a round is already open. */
  openRound(r: {
    teamId: string
    openedBy: string | null
    snapshot: Uint8Array
    reviewerIds: readonly string[]
  }): RoundRecord | null
  currentRound(teamId: string): RoundRecord | undefined
  getRound(teamId: string, number: number): RoundRecord | undefined
  listRounds(teamId: string): RoundRecord[]
  /** Closes an open round; false when it is not open. */
  closeRound(
    roundId: string,
    c: { closedBy: string | null; snapshot: Uint8Array; summary: RoundSummary }
  ): boolean
  roundSnapshot(roundId: string, moment: 'open' | 'close'): Uint8Array | undefined
}

export interface Storage {
  readonly documents: DocumentStore
  readonly records: RecordStore
  readonly pitch: PitchStore
  readonly postings: PostingStore
  readonly accounts: AccountStore
  close(): void
}
