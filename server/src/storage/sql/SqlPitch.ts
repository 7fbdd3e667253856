import { SqlTable } from './SqlTable.ts'
import type { Row } from './SqlClient.ts'
import { newId, nowIso } from '../../ids.ts'
import type { LeadRecord, PitchSessionRecord, PitchStore, ShareLinkRecord } from '../PitchStore.ts'

const toSession = (r: Row): PitchSessionRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  kind: r.kind as PitchSessionRecord['kind'],
  title: r.title as string,
  startsAt: r.starts_at as string,
  minutesPerTeam: r.minutes_per_team as number,
  teamIds: JSON.parse(r.team_ids as string) as string[],
  currentTeamId: (r.current_team_id as string | null) ?? null,
  createdAt: r.created_at as string,
})

const toLink = (r: Row): ShareLinkRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  teamId: (r.team_id as string | null) ?? null,
  sessionId: (r.session_id as string | null) ?? null,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: r.created_at as string,
  expiresAt: r.expires_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
})

const toLead = (r: Row): LeadRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  teamId: r.team_id as string,
  sessionId: (r.session_id as string | null) ?? null,
  name: r.name as string,
  contact: r.contact as string,
  howToHelp: r.how_to_help as string,
  createdAt: r.created_at as string,
})

export class SqlPitch extends SqlTable implements PitchStore {
  async createSession(
    s: Omit<PitchSessionRecord, 'id' | 'createdAt' | 'currentTeamId'>
  ): Promise<PitchSessionRecord> {
    const session: PitchSessionRecord = {
      ...s,
      id: newId(),
      createdAt: nowIso(),
      currentTeamId: null,
    }
    await this.insert('pitch_sessions', {
      id: session.id,
      program_id: s.programId,
      kind: s.kind,
      title: s.title,
      starts_at: s.startsAt,
      minutes_per_team: s.minutesPerTeam,
      team_ids: JSON.stringify(s.teamIds),
      created_at: session.createdAt,
    })
    return session
  }

  async getSession(id: string): Promise<PitchSessionRecord | undefined> {
    return await this.findOne(toSession, 'SELECT * FROM pitch_sessions WHERE id = ?', id)
  }

  async listSessions(programId: string): Promise<PitchSessionRecord[]> {
    return await this.findAll(
      toSession,
      'SELECT * FROM pitch_sessions WHERE program_id = ? ORDER BY starts_at',
      programId
    )
  }

  async setCurrentTeam(sessionId: string, teamId: string | null): Promise<void> {
    await this.execute(
      'UPDATE pitch_sessions SET current_team_id = ? WHERE id = ?',
      teamId,
      sessionId
    )
  }

  async createShareLink(
    l: Omit<ShareLinkRecord, 'id' | 'createdAt' | 'revokedAt'> & { tokenHash: string }
  ): Promise<ShareLinkRecord> {
    const { tokenHash, ...fields } = l
    const link: ShareLinkRecord = { ...fields, id: newId(), createdAt: nowIso(), revokedAt: null }
    await this.insert('share_links', { ...link, tokenHash })
    return link
  }

  async shareLinkByTokenHash(tokenHash: string): Promise<ShareLinkRecord | undefined> {
    return await this.findOne(toLink, 'SELECT * FROM share_links WHERE token_hash = ?', tokenHash)
  }

  async getShareLink(id: string): Promise<ShareLinkRecord | undefined> {
    return await this.findOne(toLink, 'SELECT * FROM share_links WHERE id = ?', id)
  }

  async listShareLinks(filter: {
    teamId?: string
    sessionId?: string
  }): Promise<ShareLinkRecord[]> {
    const [column, value] = filter.teamId
      ? ['team_id', filter.teamId]
      : ['session_id', filter.sessionId ?? '']
    return await this.findAll(
      toLink,
      `SELECT * FROM share_links WHERE ${column} = ? ORDER BY created_at DESC`,
      value
    )
  }

  async revokeShareLink(id: string): Promise<boolean> {
    return (
      (await this.execute(
        'UPDATE share_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?',
        nowIso(),
        id
      )) === 1
    )
  }

  async addLead(l: Omit<LeadRecord, 'id' | 'createdAt'>): Promise<LeadRecord> {
    const lead: LeadRecord = { ...l, id: newId(), createdAt: nowIso() }
    // Asking to join is the consent to be contacted: it is given when the lead is made.
    await this.insert('leads', { ...lead, consentedAt: lead.createdAt })
    return lead
  }

  async listLeads(programId: string): Promise<LeadRecord[]> {
    return await this.findAll(
      toLead,
      'SELECT * FROM leads WHERE program_id = ? ORDER BY created_at DESC',
      programId
    )
  }

  async countLeads(programId: string): Promise<number> {
    return (await this.queryValue(
      'SELECT COUNT(*) FROM leads WHERE program_id = ?',
      programId
    )) as number
  }

  async recordAudiencePeak(audienceKey: string, programId: string, viewers: number): Promise<void> {
    await this.execute(
      `INSERT INTO pitch_audience (audience_key, program_id, peak_viewers, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (audience_key) DO UPDATE SET peak_viewers = excluded.peak_viewers, updated_at = excluded.updated_at
         WHERE excluded.peak_viewers > pitch_audience.peak_viewers`,
      audienceKey,
      programId,
      viewers,
      nowIso()
    )
  }

  async audienceTotal(programId: string): Promise<number> {
    return (await this.queryValue(
      'SELECT COALESCE(SUM(peak_viewers), 0) FROM pitch_audience WHERE program_id = ?',
      programId
    )) as number
  }
}
