import { DEFAULT_RETENTION_MONTHS, SheetTemplate, ProgramTargets, isRole } from '@specboard/shared'
import type { Role, RoundSummary, TeamRole } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import { SqlRounds } from './SqlRounds.ts'
import { SqlTable } from './SqlTable.ts'
import type { Row } from './SqlClient.ts'
import type {
  InviteRecord,
  MembershipRecord,
  MembershipView,
  NewProgram,
  PersonRecord,
  ProgramRecord,
  RecordStore,
  RoundRecord,
  TeamRecord,
} from '../Storage.ts'

/** Tries to place a new team after the program's last; each failed try means another team was placed. */
const MAX_POSITION_ATTEMPTS = 100

/** A people row as a record (also read by SqlAccounts). */
export const toPerson = (r: Row): PersonRecord => ({
  id: r.id as string,
  name: r.name as string,
  isAdmin: Number(r.is_admin) === 1,
  createdAt: r.created_at as string,
})

/** A programs row as a record (also read by SqlAccounts after an update). */
export const toProgram = (r: Row): ProgramRecord => ({
  id: r.id as string,
  name: r.name as string,
  region: r.region as string,
  targets: ProgramTargets.parse(JSON.parse(r.targets as string)),
  template: SheetTemplate.parse(JSON.parse(r.template as string)),
  retentionMonths: Number(r.retention_months),
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: r.created_at as string,
})

const toTeam = (r: Row): TeamRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  name: r.name as string,
  organization: (r.organization as string | null) ?? null,
  position: r.position as number,
  createdAt: r.created_at as string,
})

function toRole(value: unknown): Role {
  if (!isRole(value)) throw new Error(`stored role is unknown: ${String(value)}`)
  return value
}

const toMembership = (r: Row): MembershipRecord => ({
  id: r.id as string,
  personId: r.person_id as string,
  programId: r.program_id as string,
  teamId: (r.team_id as string | null) ?? null,
  role: toRole(r.role),
  createdAt: r.created_at as string,
})

const toMembershipView = (r: Row): MembershipView => ({
  ...toMembership(r),
  personName: r.person_name as string,
  programName: r.program_name as string,
  teamName: (r.team_name as string | null) ?? null,
})

const toInvite = (r: Row): InviteRecord => ({
  id: r.id as string,
  teamId: r.team_id as string,
  role: toRole(r.role) as TeamRole,
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: r.created_at as string,
  expiresAt: r.expires_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
  acceptedCount: Number(r.accepted_count),
  maxUses: r.max_uses == null ? null : Number(r.max_uses),
})

const MEMBERSHIP_VIEW = `
  SELECT m.*, p.name AS person_name, g.name AS program_name, t.name AS team_name
  FROM memberships m
  JOIN people p ON p.id = m.person_id
  JOIN programs g ON g.id = m.program_id
  LEFT JOIN teams t ON t.id = m.team_id`

/** People, programs, teams, memberships, invites and setup tokens; rounds are delegated to SqlRounds. */
export class SqlRecords extends SqlTable implements RecordStore {
  private readonly rounds = new SqlRounds(this.sql)

  async createPerson(name: string, isAdmin: boolean): Promise<PersonRecord> {
    const person = { id: newId(), name, isAdmin, createdAt: nowIso() }
    await this.execute(
      'INSERT INTO people (id, name, is_admin, created_at) VALUES (?, ?, ?, ?)',
      person.id,
      name,
      isAdmin ? 1 : 0,
      person.createdAt
    )
    return person
  }

  async getPerson(id: string): Promise<PersonRecord | undefined> {
    return await this.findOne(toPerson, 'SELECT * FROM people WHERE id = ?', id)
  }

  async hasAdmin(): Promise<boolean> {
    return (await this.queryRow('SELECT 1 FROM people WHERE is_admin = 1 LIMIT 1')) !== undefined
  }

  async addSetupToken(tokenHash: string): Promise<void> {
    await this.execute(
      'INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)',
      tokenHash,
      nowIso()
    )
  }

  async consumeSetupToken(tokenHash: string): Promise<boolean> {
    return (
      (await this.execute(
        'UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
        nowIso(),
        tokenHash
      )) === 1
    )
  }

  async createProgram(p: NewProgram): Promise<ProgramRecord> {
    const program = {
      ...p,
      id: newId(),
      createdAt: nowIso(),
      retentionMonths: DEFAULT_RETENTION_MONTHS,
    }
    await this.insert('programs', {
      id: program.id,
      name: p.name,
      region: p.region,
      targets: JSON.stringify(p.targets),
      template: JSON.stringify(p.template),
      retention_months: program.retentionMonths,
      created_by: p.createdBy,
      created_at: program.createdAt,
    })
    return program
  }

  async getProgram(id: string): Promise<ProgramRecord | undefined> {
    return await this.findOne(toProgram, 'SELECT * FROM programs WHERE id = ?', id)
  }

  async listPrograms(): Promise<ProgramRecord[]> {
    return await this.findAll(toProgram, 'SELECT * FROM programs ORDER BY created_at DESC')
  }

  async createTeam(t: {
    programId: string
    name: string
    organization: string | null
  }): Promise<TeamRecord> {
    const id = newId()
    const createdAt = nowIso()
    // The position is taken in the insert itself, after the program's last. Two teams added at once may
    // both read the same last one (PostgreSQL); the unique key on (program, position) makes the second
    // wait for the first to commit and insert nothing, and it tries again after the new last. Each retry
    // means another team was placed, so this ends.
    for (let attempt = 0; attempt < MAX_POSITION_ATTEMPTS; attempt++) {
      const placed = await this.queryRow(
        `INSERT INTO teams (id, program_id, name, organization, position, created_at)
           SELECT ?, ?, ?, ?, COALESCE(MAX(position) + 1, 0), ? FROM teams WHERE program_id = ?
           ON CONFLICT DO NOTHING RETURNING position`,
        id,
        t.programId,
        t.name,
        t.organization,
        createdAt,
        t.programId
      )
      if (placed) return { ...t, id, position: Number(placed.position), createdAt }
    }
    throw new Error(`no free team position after ${MAX_POSITION_ATTEMPTS} attempts`)
  }

  async getTeam(id: string): Promise<TeamRecord | undefined> {
    return await this.findOne(toTeam, 'SELECT * FROM teams WHERE id = ?', id)
  }

  async listTeams(programId: string): Promise<TeamRecord[]> {
    return (
      await this.queryRows('SELECT * FROM teams WHERE program_id = ? ORDER BY position', programId)
    ).map(toTeam)
  }

  async addMembership(m: Omit<MembershipRecord, 'id' | 'createdAt'>): Promise<MembershipRecord> {
    const added = await this.addMembershipIfNew(m)
    if (added) return added
    const existing = await this.queryRow(
      "SELECT * FROM memberships WHERE person_id = ? AND program_id = ? AND COALESCE(team_id, '') = COALESCE(?, '')",
      m.personId,
      m.programId,
      m.teamId
    )
    if (!existing) throw new Error('the membership conflicted but is not there')
    return toMembership(existing)
  }

  async addMembershipIfNew(
    m: Omit<MembershipRecord, 'id' | 'createdAt'>
  ): Promise<MembershipRecord | null> {
    const membership = { ...m, id: newId(), createdAt: nowIso() }
    // Insert, or keep the membership already there: a check first would let two joins at once both
    // insert, and the second would fail on the unique key.
    const inserted = await this.execute(
      'INSERT INTO memberships (id, person_id, program_id, team_id, role, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      membership.id,
      m.personId,
      m.programId,
      m.teamId,
      m.role,
      membership.createdAt
    )
    return inserted === 1 ? membership : null
  }

  async membershipsOfPerson(personId: string): Promise<MembershipView[]> {
    return (
      await this.queryRows(
        `${MEMBERSHIP_VIEW} WHERE m.person_id = ? ORDER BY g.created_at DESC, t.position`,
        personId
      )
    ).map(toMembershipView)
  }

  async teamMembers(teamId: string): Promise<MembershipView[]> {
    return (
      await this.queryRows(`${MEMBERSHIP_VIEW} WHERE m.team_id = ? ORDER BY m.created_at`, teamId)
    ).map(toMembershipView)
  }

  async createInvite(
    i: Omit<InviteRecord, 'id' | 'createdAt' | 'revokedAt' | 'acceptedCount'> & {
      tokenHash: string
    }
  ): Promise<InviteRecord> {
    const { tokenHash, ...fields } = i
    const invite: InviteRecord = {
      ...fields,
      id: newId(),
      createdAt: nowIso(),
      revokedAt: null,
      acceptedCount: 0,
    }
    await this.insert('invites', { ...invite, tokenHash })
    return invite
  }

  async inviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    return await this.findOne(toInvite, 'SELECT * FROM invites WHERE token_hash = ?', tokenHash)
  }

  async getInvite(id: string): Promise<InviteRecord | undefined> {
    return await this.findOne(toInvite, 'SELECT * FROM invites WHERE id = ?', id)
  }

  async listInvites(teamId: string): Promise<InviteRecord[]> {
    return (
      await this.queryRows(
        'SELECT * FROM invites WHERE team_id = ? ORDER BY created_at DESC',
        teamId
      )
    ).map(toInvite)
  }

  async revokeInvite(teamId: string, inviteId: string): Promise<boolean> {
    const changed = await this.execute(
      'UPDATE invites SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND team_id = ?',
      nowIso(),
      inviteId,
      teamId
    )
    return changed === 1
  }

  async countInviteAcceptance(inviteId: string): Promise<boolean> {
    const changed = await this.execute(
      'UPDATE invites SET accepted_count = accepted_count + 1 WHERE id = ? AND (max_uses IS NULL OR accepted_count < max_uses)',
      inviteId
    )
    return changed === 1
  }

  async programMembers(programId: string): Promise<MembershipView[]> {
    return (
      await this.queryRows(
        `${MEMBERSHIP_VIEW} WHERE m.program_id = ? ORDER BY m.team_id IS NOT NULL, t.position, m.created_at`,
        programId
      )
    ).map(toMembershipView)
  }

  async openRound(r: {
    teamId: string
    openedBy: string | null
    snapshot: Uint8Array
    reviewerIds: readonly string[]
  }): Promise<RoundRecord | null> {
    return this.rounds.open(r)
  }

  async currentRound(teamId: string): Promise<RoundRecord | undefined> {
    return this.rounds.current(teamId)
  }

  async getRound(teamId: string, number: number): Promise<RoundRecord | undefined> {
    return this.rounds.get(teamId, number)
  }

  async listRounds(teamId: string): Promise<RoundRecord[]> {
    return this.rounds.list(teamId)
  }

  async closeRound(
    roundId: string,
    c: { closedBy: string | null; snapshot: Uint8Array; summary: RoundSummary }
  ): Promise<boolean> {
    return this.rounds.close(roundId, c)
  }

  async roundSnapshot(roundId: string, moment: 'open' | 'close'): Promise<Uint8Array | undefined> {
    return this.rounds.snapshot(roundId, moment)
  }
}
