/**
 * What accounts need from the data store: addresses, sessions per device, emailed sign-in links,
 * membership removal, program settings and the audit trail. Synchronous like the other record stores,
 * so it joins their transactions.
 */
import type { AuditAction, ProgramTargets, SheetTemplate } from '@specboard/shared'
import type { MembershipView, PersonRecord, ProgramRecord } from './Storage.ts'

/** One device's session: an access token (stored hashed) and when it was last used. */
export interface SessionRecord {
  readonly id: string
  readonly personId: string
  readonly createdAt: string
  readonly lastUsedAt: string
  readonly userAgent: string | null
}

export interface SignInTokenRecord {
  readonly email: string
  /** The invite this link confirms joining with (an address that already had an account). */
  readonly inviteId: string | null
  /** Whether the invite's use was counted when the link was sent (it is reserved for the address). */
  readonly inviteReserved: boolean
  /** The person the link was mailed for (a confirmation, an appointment), if any. */
  readonly personId: string | null
  readonly expiresAt: string
}

/** A person's addresses: the confirmed one they sign in with, and one given but not yet proven. */
export interface EmailState {
  readonly email: string | null
  readonly unconfirmedEmail: string | null
}

export interface AuditRecord {
  readonly id: string
  readonly programId: string
  readonly at: string
  readonly actorId: string | null
  readonly actorName: string
  readonly action: AuditAction
  readonly subject: string
  readonly detail: Readonly<Record<string, string>>
}

export interface AccountStore {
  /** The person whose *confirmed* address this is: the only way an address finds a person. */
  personByEmail(email: string): Promise<PersonRecord | undefined>
  /** The person's confirmed address. */
  emailOf(personId: string): Promise<string | null>
  emailStateOf(personId: string): Promise<EmailState>
  /**
   * Gives a person their address as confirmed (the setup account, the demo); false when another person
   * already has it confirmed.
   */
  setEmail(personId: string, email: string): Promise<boolean>
  /** Records `email` as given by the person but not proven yet (any number of people may claim one). */
  claimEmail(personId: string, email: string): Promise<void>
  /** People holding `email` unconfirmed, the latest claim first. */
  unconfirmedHolders(email: string): Promise<PersonRecord[]>
  /**
   * Makes `email` the person's confirmed address and takes every unconfirmed claim of it away (from
   * this person and all others). False, changing nothing, when another person has it confirmed.
   */
  confirmEmail(personId: string, email: string): Promise<boolean>
  /**
   * Moves `from`'s memberships to `to` (those `to` lacks; the rest stay with `from`), with the digest
   * settings they came with: folding a person nobody ever used into the one who proved their address.
   */
  moveMemberships(from: string, to: string): Promise<void>
  renamePerson(personId: string, name: string): Promise<void>

  createSession(s: {
    tokenHash: string
    personId: string
    userAgent: string | null
  }): Promise<SessionRecord>
  /** The session and its person, or undefined for an unknown token. */
  sessionByTokenHash(
    tokenHash: string
  ): Promise<{ session: SessionRecord; person: PersonRecord } | undefined>
  /** Records a use of the session at `at`. */
  touchSession(id: string, at: string): Promise<void>
  listSessions(personId: string): Promise<SessionRecord[]>
  /** Ends one session; false when the person has no such session. */
  deleteSession(personId: string, sessionId: string): Promise<boolean>
  deleteSessionByTokenHash(tokenHash: string): Promise<void>
  /** Ends every session of the person; the number ended. */
  deleteSessions(personId: string): Promise<number>
  /** Ends sessions last used before `before`; the number ended. */
  deleteIdleSessions(before: string): Promise<number>

  createSignInToken(t: {
    tokenHash: string
    email: string
    inviteId: string | null
    inviteReserved?: boolean
    personId?: string | null
    expiresAt: string
  }): Promise<void>
  /** Marks the token used and returns it; undefined when it is unknown, used or expired at `now`. */
  consumeSignInToken(tokenHash: string, now: string): Promise<SignInTokenRecord | undefined>
  deleteExpiredSignInTokens(before: string): Promise<number>

  /** Deletes the team membership `memberId` and returns it; undefined when the team has none such. */
  removeTeamMember(teamId: string, memberId: string): Promise<MembershipView | undefined>
  /**
   * Ends `personId`'s coordinator membership of the program, unless they are its last coordinator.
   * Removals in one program are serialized, so two at once cannot leave it with none.
   */
  removeCoordinator(
    programId: string,
    personId: string
  ): Promise<MembershipView | 'not_a_coordinator' | 'last_coordinator'>
  /** Program-wide memberships of `role` (a program's coordinators). */
  programWideMembers(programId: string): Promise<MembershipView[]>

  updateProgram(
    id: string,
    patch: Partial<{
      name: string
      region: string
      targets: ProgramTargets
      template: SheetTemplate
      retentionMonths: number
    }>
  ): Promise<ProgramRecord | undefined>

  addAudit(e: Omit<AuditRecord, 'id' | 'at'>): Promise<AuditRecord>
  listAudit(programId: string, limit?: number): Promise<AuditRecord[]>
}
