import { SqlTable } from './SqlTable.ts'
import type { Row, SqlValue } from './SqlClient.ts'
import { AuditAction, type ProgramTargets, type SheetTemplate } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type {
  AccountStore,
  AuditRecord,
  EmailState,
  SessionRecord,
  SignInTokenRecord,
} from '../AccountStore.ts'
import type { MembershipView, PersonRecord, ProgramRecord } from '../Storage.ts'
import { toPerson, toProgram } from './SqlRecords.ts'
import { isRole } from '@specboard/shared'

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

export class SqlAccounts extends SqlTable implements AccountStore {
  async personByEmail(email: string): Promise<PersonRecord | undefined> {
    return await this.findOne(toPerson, 'SELECT * FROM people WHERE email = ?', email)
  }

  async emailOf(personId: string): Promise<string | null> {
    return (
      ((await this.queryRow('SELECT email FROM people WHERE id = ?', personId))?.email as string) ??
      null
    )
  }

  async emailStateOf(personId: string): Promise<EmailState> {
    const row = await this.queryRow(
      'SELECT email, unconfirmed_email FROM people WHERE id = ?',
      personId
    )
    return {
      email: (row?.email as string | null) ?? null,
      unconfirmedEmail: (row?.unconfirmed_email as string | null) ?? null,
    }
  }

  async setEmail(personId: string, email: string): Promise<boolean> {
    const owner = await this.queryRow('SELECT id FROM people WHERE email = ?', email)
    if (owner && owner.id !== personId) return false
    await this.execute('UPDATE people SET email = ? WHERE id = ?', email, personId)
    return true
  }

  async claimEmail(personId: string, email: string): Promise<void> {
    await this.execute(
      'UPDATE people SET unconfirmed_email = ?, unconfirmed_email_at = ? WHERE id = ?',
      email,
      nowIso(),
      personId
    )
  }

  async unconfirmedHolders(email: string): Promise<PersonRecord[]> {
    const rows = await this.queryRows(
      'SELECT * FROM people WHERE unconfirmed_email = ? ORDER BY unconfirmed_email_at DESC, id',
      email
    )
    return rows.map(toPerson)
  }

  async confirmEmail(personId: string, email: string): Promise<boolean> {
    if (!(await this.setEmail(personId, email))) return false
    await this.execute(
      `UPDATE people SET unconfirmed_email = NULL, unconfirmed_email_at = NULL
       WHERE unconfirmed_email = ? OR id = ?`,
      email,
      personId
    )
    return true
  }

  async renamePerson(personId: string, name: string): Promise<void> {
    await this.execute('UPDATE people SET name = ? WHERE id = ?', name, personId)
  }

  async moveMemberships(from: string, to: string): Promise<void> {
    await this.execute(
      `UPDATE memberships SET person_id = ?
       WHERE person_id = ? AND NOT EXISTS (
         SELECT 1 FROM memberships t WHERE t.person_id = ? AND t.program_id = memberships.program_id
           AND COALESCE(t.team_id, '') = COALESCE(memberships.team_id, ''))`,
      to,
      from,
      to
    )
    // The digest language the appointing coordinator chose for them goes along.
    await this.execute(
      `UPDATE digest_settings SET person_id = ?
       WHERE person_id = ? AND NOT EXISTS (
         SELECT 1 FROM digest_settings t WHERE t.person_id = ? AND t.program_id = digest_settings.program_id)`,
      to,
      from,
      to
    )
  }

  async createSession(s: {
    tokenHash: string
    personId: string
    userAgent: string | null
  }): Promise<SessionRecord> {
    const now = nowIso()
    const session: SessionRecord = {
      id: newId(),
      personId: s.personId,
      createdAt: now,
      lastUsedAt: now,
      userAgent: s.userAgent,
    }
    await this.insert('access_tokens', {
      token_hash: s.tokenHash,
      id: session.id,
      person_id: s.personId,
      created_at: now,
      last_used_at: now,
      user_agent: s.userAgent,
    })
    return session
  }

  async sessionByTokenHash(
    tokenHash: string
  ): Promise<{ session: SessionRecord; person: PersonRecord } | undefined> {
    const row = await this.queryRow(
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

  async touchSession(id: string, at: string): Promise<void> {
    await this.execute('UPDATE access_tokens SET last_used_at = ? WHERE id = ?', at, id)
  }

  async listSessions(personId: string): Promise<SessionRecord[]> {
    return await this.findAll(
      toSession,
      'SELECT * FROM access_tokens WHERE person_id = ? ORDER BY last_used_at DESC',
      personId
    )
  }

  async deleteSession(personId: string, sessionId: string): Promise<boolean> {
    return (
      (await this.execute(
        'DELETE FROM access_tokens WHERE id = ? AND person_id = ?',
        sessionId,
        personId
      )) === 1
    )
  }

  async deleteSessionByTokenHash(tokenHash: string): Promise<void> {
    await this.execute('DELETE FROM access_tokens WHERE token_hash = ?', tokenHash)
  }

  async deleteSessions(personId: string): Promise<number> {
    return await this.execute('DELETE FROM access_tokens WHERE person_id = ?', personId)
  }

  async deleteIdleSessions(before: string): Promise<number> {
    return await this.execute(
      'DELETE FROM access_tokens WHERE COALESCE(last_used_at, created_at) < ?',
      before
    )
  }

  async createSignInToken(t: {
    tokenHash: string
    email: string
    inviteId: string | null
    inviteReserved?: boolean
    personId?: string | null
    expiresAt: string
  }): Promise<void> {
    await this.execute(
      `INSERT INTO signin_tokens
         (token_hash, email, invite_id, invite_reserved, person_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      t.tokenHash,
      t.email,
      t.inviteId,
      t.inviteReserved ? 1 : 0,
      t.personId ?? null,
      nowIso(),
      t.expiresAt
    )
  }

  async consumeSignInToken(tokenHash: string, now: string): Promise<SignInTokenRecord | undefined> {
    // One statement decides, so two requests racing with the same link cannot both win.
    const row = await this.queryRow(
      `UPDATE signin_tokens SET used_at = ?
       WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
       RETURNING email, invite_id, invite_reserved, person_id, expires_at`,
      now,
      tokenHash,
      now
    )
    if (!row) return undefined
    return {
      email: row.email as string,
      inviteId: (row.invite_id as string | null) ?? null,
      inviteReserved: Number(row.invite_reserved) === 1,
      personId: (row.person_id as string | null) ?? null,
      expiresAt: row.expires_at as string,
    }
  }

  async deleteExpiredSignInTokens(before: string): Promise<number> {
    return await this.execute('DELETE FROM signin_tokens WHERE expires_at < ?', before)
  }

  async removeTeamMember(teamId: string, memberId: string): Promise<MembershipView | undefined> {
    const row = await this.queryRow(
      `${MEMBERSHIP_VIEW} WHERE m.id = ? AND m.team_id = ?`,
      memberId,
      teamId
    )
    if (!row) return undefined
    await this.execute('DELETE FROM memberships WHERE id = ?', memberId)
    return toMembershipView(row)
  }

  async removeCoordinator(
    programId: string,
    personId: string
  ): Promise<MembershipView | 'not_a_coordinator' | 'last_coordinator'> {
    return await this.inTx(async (self) => {
      // Writing the program's row first takes its lock on PostgreSQL (SQLite writes one at a time):
      // a second removal in this program waits here and then counts what the first left.
      await self.execute('UPDATE programs SET name = name WHERE id = ?', programId)
      const coordinators = (await self.programWideMembers(programId)).filter(
        (m) => m.role === 'coordinator'
      )
      const target = coordinators.find((m) => m.personId === personId)
      if (!target) return 'not_a_coordinator'
      if (coordinators.length === 1) return 'last_coordinator'
      await self.execute('DELETE FROM memberships WHERE id = ?', target.id)
      return target
    })
  }

  async programWideMembers(programId: string): Promise<MembershipView[]> {
    return await this.findAll(
      toMembershipView,
      `${MEMBERSHIP_VIEW} WHERE m.program_id = ? AND m.team_id IS NULL ORDER BY m.created_at`,
      programId
    )
  }

  async updateProgram(
    id: string,
    patch: Partial<{
      name: string
      region: string
      targets: ProgramTargets
      template: SheetTemplate
      retentionMonths: number
    }>
  ): Promise<ProgramRecord | undefined> {
    const sets: string[] = []
    const values: SqlValue[] = []
    if (patch.name !== undefined) sets.push('name = ?') && values.push(patch.name)
    if (patch.region !== undefined) sets.push('region = ?') && values.push(patch.region)
    if (patch.targets !== undefined)
      sets.push('targets = ?') && values.push(JSON.stringify(patch.targets))
    if (patch.template !== undefined)
      sets.push('template = ?') && values.push(JSON.stringify(patch.template))
    if (patch.retentionMonths !== undefined)
      sets.push('retention_months = ?') && values.push(patch.retentionMonths)
    if (sets.length > 0)
      await this.execute(`UPDATE programs SET ${sets.join(', ')} WHERE id = ?`, ...values, id)
    return await this.findOne(toProgram, 'SELECT * FROM programs WHERE id = ?', id)
  }

  async addAudit(e: Omit<AuditRecord, 'id' | 'at'>): Promise<AuditRecord> {
    const entry: AuditRecord = { ...e, id: newId(), at: nowIso() }
    await this.insert('audit_log', { ...entry, detail: JSON.stringify(entry.detail) })
    return entry
  }

  async listAudit(programId: string, limit = 5000): Promise<AuditRecord[]> {
    return await this.findAll(
      toAudit,
      'SELECT * FROM audit_log WHERE program_id = ? ORDER BY at DESC, id DESC LIMIT ?',
      programId,
      limit
    )
  }
}
