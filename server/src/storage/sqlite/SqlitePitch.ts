import type Database from 'better-sqlite3'
import { newId, nowIso } from '../../ids.ts'
import type { LeadRecord, PitchSessionRecord, PitchStore, ShareLinkRecord } from '../PitchStore.ts'

type Row = Record<string, unknown>

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

export class SqlitePitch implements PitchStore {
  constructor(private readonly db: Database.Database) {}

  createSession(
    s: Omit<PitchSessionRecord, 'id' | 'createdAt' | 'currentTeamId'>
  ): PitchSessionRecord {
    const session: PitchSessionRecord = {
      ...s,
      id: newId(),
      createdAt: nowIso(),
      currentTeamId: null,
    }
    this.db
      .prepare(
        'INSERT INTO pitch_sessions (id, program_id, kind, title, starts_at, minutes_per_team, team_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      )
      .run(
        session.id,
        s.programId,
        s.kind,
        s.title,
        s.startsAt,
        s.minutesPerTeam,
        JSON.stringify(s.teamIds),
        session.createdAt
      )
    return session
  }

  getSession(id: string): PitchSessionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM pitch_sessions WHERE id = ?').get(id) as
      | Row
      | undefined
    return row && toSession(row)
  }

  listSessions(programId: string): PitchSessionRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM pitch_sessions WHERE program_id = ? ORDER BY starts_at')
        .all(programId) as Row[]
    ).map(toSession)
  }

  setCurrentTeam(sessionId: string, teamId: string | null): void {
    this.db
      .prepare('UPDATE pitch_sessions SET current_team_id = ? WHERE id = ?')
      .run(teamId, sessionId)
  }

  createShareLink(
    l: Omit<ShareLinkRecord, 'id' | 'createdAt' | 'revokedAt'> & { tokenHash: string }
  ): ShareLinkRecord {
    const link: ShareLinkRecord = {
      id: newId(),
      programId: l.programId,
      teamId: l.teamId,
      sessionId: l.sessionId,
      createdBy: l.createdBy,
      createdAt: nowIso(),
      expiresAt: l.expiresAt,
      revokedAt: null,
    }
    this.db
      .prepare(
        'INSERT INTO share_links (id, token_hash, program_id, team_id, session_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      )
      .run(
        link.id,
        l.tokenHash,
        l.programId,
        l.teamId,
        l.sessionId,
        l.createdBy,
        link.createdAt,
        l.expiresAt
      )
    return link
  }

  shareLinkByTokenHash(tokenHash: string): ShareLinkRecord | undefined {
    const row = this.db.prepare('SELECT * FROM share_links WHERE token_hash = ?').get(tokenHash) as
      | Row
      | undefined
    return row && toLink(row)
  }

  getShareLink(id: string): ShareLinkRecord | undefined {
    const row = this.db.prepare('SELECT * FROM share_links WHERE id = ?').get(id) as Row | undefined
    return row && toLink(row)
  }

  listShareLinks(filter: { teamId?: string; sessionId?: string }): ShareLinkRecord[] {
    const [column, value] = filter.teamId
      ? ['team_id', filter.teamId]
      : ['session_id', filter.sessionId]
    return (
      this.db
        .prepare(`SELECT * FROM share_links WHERE ${column} = ? ORDER BY created_at DESC`)
        .all(value) as Row[]
    ).map(toLink)
  }

  revokeShareLink(id: string): boolean {
    return (
      this.db
        .prepare('UPDATE share_links SET revoked_at = IFNULL(revoked_at, ?) WHERE id = ?')
        .run(nowIso(), id).changes === 1
    )
  }

  addLead(l: Omit<LeadRecord, 'id' | 'createdAt'>): LeadRecord {
    const lead: LeadRecord = { ...l, id: newId(), createdAt: nowIso() }
    this.db
      .prepare(
        'INSERT INTO leads (id, program_id, team_id, session_id, name, contact, how_to_help, consented_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
      )
      .run(
        lead.id,
        l.programId,
        l.teamId,
        l.sessionId,
        l.name,
        l.contact,
        l.howToHelp,
        lead.createdAt,
        lead.createdAt
      )
    return lead
  }

  listLeads(programId: string): LeadRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM leads WHERE program_id = ? ORDER BY created_at DESC')
        .all(programId) as Row[]
    ).map(toLead)
  }

  countLeads(programId: string): number {
    return this.db
      .prepare('SELECT COUNT(*) FROM leads WHERE program_id = ?')
      .pluck()
      .get(programId) as number
  }

  recordAudiencePeak(audienceKey: string, programId: string, viewers: number): void {
    this.db
      .prepare(
        `INSERT INTO pitch_audience (audience_key, program_id, peak_viewers, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (audience_key) DO UPDATE SET peak_viewers = excluded.peak_viewers, updated_at = excluded.updated_at
         WHERE excluded.peak_viewers > pitch_audience.peak_viewers`
      )
      .run(audienceKey, programId, viewers, nowIso())
  }

  audienceTotal(programId: string): number {
    return this.db
      .prepare('SELECT IFNULL(SUM(peak_viewers), 0) FROM pitch_audience WHERE program_id = ?')
      .pluck()
      .get(programId) as number
  }
}
