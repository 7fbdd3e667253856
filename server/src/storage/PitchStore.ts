import type { PitchSession } from '@specboard/shared'

/** A stored pitch session; team names are resolved by the route. */
export type PitchSessionRecord = Omit<PitchSession, 'teams'> & {
  readonly teamIds: readonly string[]
}

export interface ShareLinkRecord {
  readonly id: string
  readonly programId: string
  readonly teamId: string | null
  readonly sessionId: string | null
  readonly createdBy: string | null
  readonly createdAt: string
  readonly expiresAt: string
  readonly revokedAt: string | null
}

export interface LeadRecord {
  readonly id: string
  readonly programId: string
  readonly teamId: string
  readonly sessionId: string | null
  readonly name: string
  readonly contact: string
  readonly howToHelp: string
  readonly createdAt: string
}

/** Pitch sessions, audience share links and join requests. */
export interface PitchStore {
  createSession(
    s: Omit<PitchSessionRecord, 'id' | 'createdAt' | 'currentTeamId'>
  ): Promise<PitchSessionRecord>
  getSession(id: string): Promise<PitchSessionRecord | undefined>
  listSessions(programId: string): Promise<PitchSessionRecord[]>
  setCurrentTeam(sessionId: string, teamId: string | null): Promise<void>

  createShareLink(
    l: Omit<ShareLinkRecord, 'id' | 'createdAt' | 'revokedAt'> & { tokenHash: string }
  ): Promise<ShareLinkRecord>
  shareLinkByTokenHash(tokenHash: string): Promise<ShareLinkRecord | undefined>
  listShareLinks(filter: { teamId?: string; sessionId?: string }): Promise<ShareLinkRecord[]>
  /** Revokes a link; false when there is no such link. */
  revokeShareLink(id: string): Promise<boolean>
  getShareLink(id: string): Promise<ShareLinkRecord | undefined>

  /** Raises the recorded peak of an audience (`session:<id>` or `team:<id>`) to `viewers` if higher. */
  recordAudiencePeak(audienceKey: string, programId: string, viewers: number): Promise<void>
  /** The sum of the program's audience peaks: how many people its pitches reached. */
  audienceTotal(programId: string): Promise<number>

  addLead(l: Omit<LeadRecord, 'id' | 'createdAt'>): Promise<LeadRecord>
  listLeads(programId: string): Promise<LeadRecord[]>
  countLeads(programId: string): Promise<number>
}
