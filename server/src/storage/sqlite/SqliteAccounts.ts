import type Database from 'better-sqlite3'
import { AuditAction, ProgramTargets, SheetTemplate } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type {
  AccountStore,
  AuditRecord,
  SessionRecord,
  SignInTokenRecord,
} from '../AccountStore.ts'
import type { MembershipView, PersonRecord, ProgramRecord } from '../Storage.ts'
import { isRole } from '@specboard/shared'

type Row = Record<string, unknown>

const toPerson = (r: Row): PersonRecord => ({
  id: r.id as string,
  name: r.name as string,
  isAdmin: r.is_admin === 1,
  createdAt: r.created_at as string,
})

const toSession = (r: Row): SessionRecord => ({
  id: r.id as string,
  personId: r.person_id as string,
  createdAt: r.created_at as string,
  lastUsedAt: (r.last_used_at as string | null) ?? (r.created_at as string),
  userAgent: (r.user_agent as string | null) ?? null,
})

const toAudit = (r: Row): AuditRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  at: r.at as string,
  actorId: (r.actor_id as string | null) ?? null,
  actorName: r.actor_name as string,
  action: AuditAction.parse(r.action),
  subject: r.subject as string,
  detail: JSON.parse(r.detail as string) as Record<string, string>,
})

function toMembershipView(r: Row): MembershipView {
  if (!isRole(r.role)) throw new Error(`stored role is unknown: ${String(r.role)}`)
  return {
    id: r.id as string,
    personId: r.person_id as string,
    programId: r.program_id as string,
    teamId: (r.team_id as string | null) ?? null,
    role: r.role,
    createdAt: r.created_at as string,
    personName: r.person_name as string,
    programName: r.program_name as string,
    teamName: (r.team_name as string | null) ?? null,
  }
}

const MEMBERSHIP_VIEW = `
  SELECT m.*, p.name AS person_name, g.name AS program_name, t.name AS team_name
  FROM memberships m
  JOIN people p ON p.id = m.person_id
  JOIN programs g ON g.id = m.program_id
  LEFT JOIN teams t ON t.id = m.team_id`

export class SqliteAccounts implements AccountStore {
  constructor(private readonly db: Database.Database) {}

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined
  }

  private run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes
  }

  personByEmail(email: string): PersonRecord | undefined {
    const row = this.get('SELECT * FROM people WHERE email = ?', email)
    return row && toPerson(row)
  }

  emailOf(personId: string): string | null {
    return (this.get('SELECT email FROM people WHERE id = ?', personId)?.email as string) ?? null
  }

  setEmail(personId: string, email: string): boolean {
    const owner = this.get('SELECT id FROM people WHERE email = ?', email)
    if (owner && owner.id !== personId) return false
    this.run('UPDATE people SET email = ? WHERE id = ?', email, personId)
    return true
  }

  renamePerson(personId: string, name: string): void {
    this.run('UPDATE people SET name = ? WHERE id = ?', name, personId)
  }

  createSession(s: {
    tokenHash: string
    personId: string
    userAgent: string | null
  }): SessionRecord {
    const now = nowIso()
    const session: SessionRecord = {
      id: newId(),
      personId: s.personId,
      createdAt: now,
      lastUsedAt: now,
      userAgent: s.userAgent,
    }
    this.run(
      'INSERT INTO access_tokens (token_hash, id, person_id, created_at, last_used_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)',
      s.tokenHash,
      session.id,
      s.personId,
      now,
      now,
      s.userAgent
    )
    return session
  }

  sessionByTokenHash(tokenHash: string) {
    const row = this.get(
      `SELECT a.id AS session_id, a.person_id, a.created_at AS session_created_at, a.last_used_at,
              a.user_agent, p.*
       FROM access_tokens a JOIN people p ON p.id = a.person_id WHERE a.token_hash = ?`,
      tokenHash
    )
    if (!row) return undefined
    return {
      person: toPerson(row),
      session: toSession({
        ...row,
        id: row.session_id,
        created_at: row.session_created_at,
      }),
    }
  }

  touchSession(id: string, at: string): void {
    this.run('UPDATE access_tokens SET last_used_at = ? WHERE id = ?', at, id)
  }

  listSessions(personId: string): SessionRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM access_tokens WHERE person_id = ? ORDER BY last_used_at DESC')
        .all(personId) as Row[]
    ).map(toSession)
  }

  deleteSession(personId: string, sessionId: string): boolean {
    return (
      this.run('DELETE FROM access_tokens WHERE id = ? AND person_id = ?', sessionId, personId) ===
      1
    )
  }

  deleteSessionByTokenHash(tokenHash: string): void {
    this.run('DELETE FROM access_tokens WHERE token_hash = ?', tokenHash)
  }

  deleteSessions(personId: string): number {
    return this.run('DELETE FROM access_tokens WHERE person_id = ?', personId)
  }

  deleteIdleSessions(before: string): number {
    return this.run('DELETE FROM access_tokens WHERE IFNULL(last_used_at, created_at) < ?', before)
  }

  createSignInToken(t: {
    tokenHash: string
    email: string
    inviteId: string | null
    expiresAt: string
  }): void {
    this.run(
      'INSERT INTO signin_tokens (token_hash, email, invite_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      t.tokenHash,
      t.email,
      t.inviteId,
      nowIso(),
      t.expiresAt
    )
  }

  consumeSignInToken(tokenHash: string, now: string): SignInTokenRecord | undefined {
    // One statement decides, so two requests racing with the same link cannot both win.
    const row = this.get(
      `UPDATE signin_tokens SET used_at = ?
       WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
       RETURNING email, invite_id, expires_at`,
      now,
      tokenHash,
      now
    )
    if (!row) return undefined
    return {
      email: row.email as string,
      inviteId: (row.invite_id as string | null) ?? null,
      expiresAt: row.expires_at as string,
    }
  }

  deleteExpiredSignInTokens(before: string): number {
    return this.run('DELETE FROM signin_tokens WHERE expires_at < ?', before)
  }

  removeTeamMember(teamId: string, memberId: string): MembershipView | undefined {
    const row = this.get(`${MEMBERSHIP_VIEW} WHERE m.id = ? AND m.team_id = ?`, memberId, teamId)
    if (!row) return undefined
    this.run('DELETE FROM memberships WHERE id = ?', memberId)
    return toMembershipView(row)
  }

  programWideMembers(programId: string): MembershipView[] {
    return (
      this.db
        .prepare(
          `${MEMBERSHIP_VIEW} WHERE m.program_id = ? AND m.team_id IS NULL ORDER BY m.created_at`
        )
        .all(programId) as Row[]
    ).map(toMembershipView)
  }

  updateProgram(
    id: string,
    patch: Partial<{
      name: string
      region: string
      targets: ProgramTargets
      template: SheetTemplate
    }>
  ): ProgramRecord | undefined {
    const sets: string[] = []
    const values: unknown[] = []
    if (patch.name !== undefined) sets.push('name = ?') && values.push(patch.name)
    if (patch.region !== undefined) sets.push('region = ?') && values.push(patch.region)
    if (patch.targets !== undefined)
      sets.push('targets = ?') && values.push(JSON.stringify(patch.targets))
    if (patch.template !== undefined)
      sets.push('template = ?') && values.push(JSON.stringify(patch.template))
    if (sets.length > 0)
      this.run(`UPDATE programs SET ${sets.join(', ')} WHERE id = ?`, ...values, id)
    const row = this.get('SELECT * FROM programs WHERE id = ?', id)
    if (!row) return undefined
    return {
      id: row.id as string,
      name: row.name as string,
      region: row.region as string,
      targets: ProgramTargets.parse(JSON.parse(row.targets as string)),
      template: SheetTemplate.parse(JSON.parse(row.template as string)),
      createdBy: (row.created_by as string | null) ?? null,
      createdAt: row.created_at as string,
    }
  }

  addAudit(e: Omit<AuditRecord, 'id' | 'at'>): AuditRecord {
    const entry: AuditRecord = { ...e, id: newId(), at: nowIso() }
    this.run(
      'INSERT INTO audit_log (id, program_id, at, actor_id, actor_name, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      entry.id,
      entry.programId,
      entry.at,
      entry.actorId,
      entry.actorName,
      entry.action,
      entry.subject,
      JSON.stringify(entry.detail)
    )
    return entry
  }

  listAudit(programId: string, limit = 5000): AuditRecord[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM audit_log WHERE program_id = ? ORDER BY at DESC, rowid DESC LIMIT ?'
        )
        .all(programId, limit) as Row[]
    ).map(toAudit)
  }
}
