import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { SheetTemplate, ProgramTargets, isRole } from '@specboard/shared'
import type { Role, RoundSummary, TeamRole } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import { SqliteAccounts } from './SqliteAccounts.ts'
import { migrate } from './migrate.ts'
import { SqliteDocumentStore } from './SqliteDocumentStore.ts'
import { SqliteRounds } from './SqliteRounds.ts'
import { SqlitePitch } from './SqlitePitch.ts'
import { sqlitePostingStore } from './SqlitePostings.ts'
import type {
  InviteRecord,
  MembershipRecord,
  MembershipView,
  PersonRecord,
  ProgramRecord,
  RecordStore,
  RoundRecord,
  Storage,
  TeamRecord,
} from '../Storage.ts'

type Row = Record<string, unknown>

const toPerson = (r: Row): PersonRecord => ({
  id: r.id as string,
  name: r.name as string,
  isAdmin: r.is_admin === 1,
  createdAt: r.created_at as string,
})

const toProgram = (r: Row): ProgramRecord => ({
  id: r.id as string,
  name: r.name as string,
  region: r.region as string,
  targets: ProgramTargets.parse(JSON.parse(r.targets as string)),
  template: SheetTemplate.parse(JSON.parse(r.template as string)),
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
  acceptedCount: r.accepted_count as number,
  maxUses: (r.max_uses as number | null) ?? null,
})

const MEMBERSHIP_VIEW = `
  SELECT m.*, p.name AS person_name, g.name AS program_name, t.name AS team_name
  FROM memberships m
  JOIN people p ON p.id = m.person_id
  JOIN programs g ON g.id = m.program_id
  LEFT JOIN teams t ON t.id = m.team_id`

/** Opens (and migrates) the SQLite file at `file`; WAL, so readers never block the writer. */
export function openSqliteStorage(file: string): Storage {
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a crash of this process (kill -9); only a
  // power loss may drop the last commits. FULL would fsync on every keystroke.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return {
    documents: new SqliteDocumentStore(db),
    pitch: new SqlitePitch(db),
    postings: sqlitePostingStore(db),
    records: new SqliteRecordStore(db),
    accounts: new SqliteAccounts(db),
    close: () => db.close(),
  }
}

class SqliteRecordStore implements RecordStore {
  private readonly rounds: SqliteRounds

  constructor(private readonly db: Database.Database) {
    this.rounds = new SqliteRounds(db)
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[]
  }

  private run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes
  }

  createPerson(name: string, isAdmin: boolean): PersonRecord {
    const person = { id: newId(), name, isAdmin, createdAt: nowIso() }
    this.run(
      'INSERT INTO people (id, name, is_admin, created_at) VALUES (?, ?, ?, ?)',
      person.id,
      name,
      isAdmin ? 1 : 0,
      person.createdAt
    )
    return person
  }

  getPerson(id: string): PersonRecord | undefined {
    const row = this.get('SELECT * FROM people WHERE id = ?', id)
    return row && toPerson(row)
  }

  hasAdmin(): boolean {
    return this.get('SELECT 1 FROM people WHERE is_admin = 1 LIMIT 1') !== undefined
  }

  addSetupToken(tokenHash: string): void {
    this.run('INSERT INTO setup_tokens (token_hash, created_at) VALUES (?, ?)', tokenHash, nowIso())
  }

  consumeSetupToken(tokenHash: string): boolean {
    return (
      this.run(
        'UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
        nowIso(),
        tokenHash
      ) === 1
    )
  }

  createProgram(p: Omit<ProgramRecord, 'id' | 'createdAt'>): ProgramRecord {
    const program = { ...p, id: newId(), createdAt: nowIso() }
    this.run(
      'INSERT INTO programs (id, name, region, targets, template, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      program.id,
      p.name,
      p.region,
      JSON.stringify(p.targets),
      JSON.stringify(p.template),
      p.createdBy,
      program.createdAt
    )
    return program
  }

  getProgram(id: string): ProgramRecord | undefined {
    const row = this.get('SELECT * FROM programs WHERE id = ?', id)
    return row && toProgram(row)
  }

  listPrograms(): ProgramRecord[] {
    return this.all('SELECT * FROM programs ORDER BY created_at DESC').map(toProgram)
  }

  createTeam(t: { programId: string; name: string; organization: string | null }): TeamRecord {
    const position =
      (this.get('SELECT COUNT(*) AS n FROM teams WHERE program_id = ?', t.programId)
        ?.n as number) ?? 0
    const team = { ...t, id: newId(), position, createdAt: nowIso() }
    this.run(
      'INSERT INTO teams (id, program_id, name, organization, position, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      team.id,
      t.programId,
      t.name,
      t.organization,
      position,
      team.createdAt
    )
    return team
  }

  getTeam(id: string): TeamRecord | undefined {
    const row = this.get('SELECT * FROM teams WHERE id = ?', id)
    return row && toTeam(row)
  }

  listTeams(programId: string): TeamRecord[] {
    return this.all('SELECT * FROM teams WHERE program_id = ? ORDER BY position', programId).map(
      toTeam
    )
  }

  addMembership(m: Omit<MembershipRecord, 'id' | 'createdAt'>): MembershipRecord {
    const existing = this.get(
      "SELECT * FROM memberships WHERE person_id = ? AND program_id = ? AND IFNULL(team_id, '') = IFNULL(?, '')",
      m.personId,
      m.programId,
      m.teamId
    )
    if (existing) return toMembership(existing)
    const membership = { ...m, id: newId(), createdAt: nowIso() }
    this.run(
      'INSERT INTO memberships (id, person_id, program_id, team_id, role, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      membership.id,
      m.personId,
      m.programId,
      m.teamId,
      m.role,
      membership.createdAt
    )
    return membership
  }

  membershipsOfPerson(personId: string): MembershipView[] {
    return this.all(
      `${MEMBERSHIP_VIEW} WHERE m.person_id = ? ORDER BY g.created_at DESC, t.position`,
      personId
    ).map(toMembershipView)
  }

  teamMembers(teamId: string): MembershipView[] {
    return this.all(`${MEMBERSHIP_VIEW} WHERE m.team_id = ? ORDER BY m.created_at`, teamId).map(
      toMembershipView
    )
  }

  createInvite(
    i: Omit<InviteRecord, 'id' | 'createdAt' | 'revokedAt' | 'acceptedCount'> & {
      tokenHash: string
    }
  ): InviteRecord {
    const invite: InviteRecord = {
      id: newId(),
      teamId: i.teamId,
      role: i.role,
      createdBy: i.createdBy,
      createdAt: nowIso(),
      expiresAt: i.expiresAt,
      revokedAt: null,
      acceptedCount: 0,
      maxUses: i.maxUses,
    }
    this.run(
      'INSERT INTO invites (id, token_hash, team_id, role, created_by, created_at, expires_at, max_uses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      invite.id,
      i.tokenHash,
      i.teamId,
      i.role,
      i.createdBy,
      invite.createdAt,
      i.expiresAt,
      i.maxUses
    )
    return invite
  }

  inviteByTokenHash(tokenHash: string): InviteRecord | undefined {
    const row = this.get('SELECT * FROM invites WHERE token_hash = ?', tokenHash)
    return row && toInvite(row)
  }

  listInvites(teamId: string): InviteRecord[] {
    return this.all('SELECT * FROM invites WHERE team_id = ? ORDER BY created_at DESC', teamId).map(
      toInvite
    )
  }

  getInvite(id: string): InviteRecord | undefined {
    const row = this.get('SELECT * FROM invites WHERE id = ?', id)
    return row && toInvite(row)
  }

  revokeInvite(teamId: string, inviteId: string): boolean {
    const changed = this.run(
      'UPDATE invites SET revoked_at = IFNULL(revoked_at, ?) WHERE id = ? AND team_id = ?',
      nowIso(),
      inviteId,
      teamId
    )
    return changed === 1
  }

  countInviteAcceptance(inviteId: string): boolean {
    const changed = this.run(
      'UPDATE invites SET accepted_count = accepted_count + 1 WHERE id = ? AND (max_uses IS NULL OR accepted_count < max_uses)',
      inviteId
    )
    return changed === 1
  }

  programMembers(programId: string): MembershipView[] {
    return this.all(
      `${MEMBERSHIP_VIEW} WHERE m.program_id = ? ORDER BY m.team_id IS NOT NULL, t.position, m.created_at`,
      programId
    ).map(toMembershipView)
  }

  openRound(r: {
    teamId: string
    openedBy: string | null
    snapshot: Uint8Array
    reviewerIds: readonly string[]
  }): RoundRecord | null {
    return this.rounds.open(r)
  }

  currentRound(teamId: string): RoundRecord | undefined {
    return this.rounds.current(teamId)
  }

  getRound(teamId: string, number: number): RoundRecord | undefined {
    return this.rounds.get(teamId, number)
  }

  listRounds(teamId: string): RoundRecord[] {
    return this.rounds.list(teamId)
  }

  closeRound(
    roundId: string,
    c: { closedBy: string | null; snapshot: Uint8Array; summary: RoundSummary }
  ): boolean {
    return this.rounds.close(roundId, c)
  }

  roundSnapshot(roundId: string, moment: 'open' | 'close'): Uint8Array | undefined {
    return this.rounds.snapshot(roundId, moment)
  }
}
