import type Database from 'better-sqlite3'
import { contactKey, POOL_SOURCES } from '@specboard/shared'
import type { PoolSource, TeamRole } from '@specboard/shared'
import { hashSecret, newId, newSecret, nowIso } from '../../ids.ts'
import type {
  PoolEntryInput,
  PoolEntryRecord,
  PoolInvitationRecord,
  PoolSourceRecord,
  PoolStore,
} from '../PostingStore.ts'

type Row = Record<string, unknown>

const toSource = (r: Row): PoolSourceRecord => ({
  source: r.source as PoolSource,
  programId: (r.program_id as string | null) ?? null,
  teamId: (r.team_id as string | null) ?? null,
  applicationId: (r.application_id as string | null) ?? null,
  createdAt: r.created_at as string,
})

const toInvitation = (r: Row): PoolInvitationRecord => ({
  inviteId: r.invite_id as string,
  teamId: r.team_id as string,
  role: r.role as TeamRole,
  createdAt: r.created_at as string,
})

export class SqlitePool implements PoolStore {
  constructor(private readonly db: Database.Database) {}

  /** Entries with their sources and invitations, in three queries whatever the count. */
  private hydrate(rows: Row[]): PoolEntryRecord[] {
    if (rows.length === 0) return []
    const ids = rows.map((r) => r.id as string)
    const marks = ids.map(() => '?').join(', ')
    const sources = new Map<string, PoolSourceRecord[]>()
    for (const r of this.db
      .prepare(`SELECT * FROM pool_sources WHERE entry_id IN (${marks}) ORDER BY created_at`)
      .all(...ids) as Row[]) {
      const list = sources.get(r.entry_id as string) ?? []
      list.push(toSource(r))
      sources.set(r.entry_id as string, list)
    }
    const invitations = new Map<string, PoolInvitationRecord[]>()
    const invitationRows = this.db
      .prepare(
        `SELECT pi.entry_id, pi.invite_id, pi.created_at, i.team_id, i.role FROM pool_invitations pi
         JOIN invites i ON i.id = pi.invite_id WHERE pi.entry_id IN (${marks}) ORDER BY pi.created_at`
      )
      .all(...ids) as Row[]
    for (const r of invitationRows) {
      const list = invitations.get(r.entry_id as string) ?? []
      list.push(toInvitation(r))
      invitations.set(r.entry_id as string, list)
    }
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      contact: r.contact as string,
      tags: JSON.parse(r.tags as string) as string[],
      note: r.note as string,
      isDemo: r.is_demo === 1,
      sources: sources.get(r.id as string) ?? [],
      invitations: invitations.get(r.id as string) ?? [],
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
    }))
  }

  private one(sql: string, ...params: unknown[]): PoolEntryRecord | undefined {
    const row = this.db.prepare(`SELECT * FROM pool_entries ${sql}`).get(...params) as
      | Row
      | undefined
    return row ? this.hydrate([row])[0] : undefined
  }

  add(input: PoolEntryInput): { entry: PoolEntryRecord; withdrawToken: string | null } {
    if (input.consent !== true) throw new Error('only people who consented enter the talent pool')
    return this.db.transaction(() => {
      const at = nowIso()
      const key = contactKey(input.contact)
      const existing = this.db
        .prepare('SELECT * FROM pool_entries WHERE contact_key = ?')
        .get(key) as Row | undefined
      let entryId: string
      let withdrawToken: string | null = null
      if (existing) {
        entryId = existing.id as string
        const tags = [
          ...new Set([...(JSON.parse(existing.tags as string) as string[]), ...(input.tags ?? [])]),
        ]
        const note = [existing.note as string, input.note ?? ''].filter(Boolean).join('\n')
        this.db
          .prepare(
            'UPDATE pool_entries SET name = ?, contact = ?, tags = ?, note = ?, updated_at = ? WHERE id = ?'
          )
          .run(input.name, input.contact, JSON.stringify(tags), note, at, entryId)
      } else {
        entryId = newId()
        withdrawToken = newSecret()
        this.db
          .prepare(
            `INSERT INTO pool_entries (id, name, contact, contact_key, tags, note, withdraw_token_hash, is_demo, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
          )
          .run(
            entryId,
            input.name,
            input.contact,
            key,
            JSON.stringify([...new Set(input.tags ?? [])]),
            input.note ?? '',
            hashSecret(withdrawToken),
            input.isDemo ? 1 : 0,
            at,
            at
          )
      }
      this.db
        .prepare(
          `INSERT OR IGNORE INTO pool_sources (id, entry_id, source, program_id, team_id, application_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          newId(),
          entryId,
          input.source,
          input.programId,
          input.teamId,
          input.applicationId ?? null,
          at
        )
      return { entry: this.get(entryId)!, withdrawToken }
    })()
  }

  get(entryId: string): PoolEntryRecord | undefined {
    return this.one('WHERE id = ?', entryId)
  }

  byWithdrawTokenHash(hash: string): PoolEntryRecord | undefined {
    return this.one('WHERE withdraw_token_hash = ?', hash)
  }

  list(): PoolEntryRecord[] {
    return this.hydrate(
      this.db.prepare('SELECT * FROM pool_entries ORDER BY updated_at DESC, id').all() as Row[]
    )
  }

  update(
    entryId: string,
    patch: { tags?: readonly string[]; note?: string }
  ): PoolEntryRecord | undefined {
    const current = this.get(entryId)
    if (!current) return undefined
    this.db
      .prepare('UPDATE pool_entries SET tags = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(
        JSON.stringify(patch.tags ?? current.tags),
        patch.note ?? current.note,
        nowIso(),
        entryId
      )
    return this.get(entryId)
  }

  delete(entryId: string): boolean {
    return this.db.prepare('DELETE FROM pool_entries WHERE id = ?').run(entryId).changes === 1
  }

  removeApplicationSources(applicationId: string, sources: readonly PoolSource[]): void {
    this.db.transaction(() => {
      const entry = this.entryOfApplication(applicationId)
      if (!entry) return
      const marks = sources.map(() => '?').join(', ')
      this.db
        .prepare(`DELETE FROM pool_sources WHERE application_id = ? AND source IN (${marks})`)
        .run(applicationId, ...sources)
      const left = this.db
        .prepare('SELECT COUNT(*) FROM pool_sources WHERE entry_id = ?')
        .pluck()
        .get(entry.id) as number
      if (left === 0) this.delete(entry.id)
    })()
  }

  entryOfApplication(applicationId: string): PoolEntryRecord | undefined {
    return this.one(
      'WHERE id = (SELECT entry_id FROM pool_sources WHERE application_id = ? LIMIT 1)',
      applicationId
    )
  }

  recordInvitation(entryId: string, inviteId: string): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO pool_invitations (entry_id, invite_id, created_at) VALUES (?, ?, ?)'
      )
      .run(entryId, inviteId, nowIso())
  }

  countBySource(programId: string): Record<PoolSource, number> {
    const counts = Object.fromEntries(POOL_SOURCES.map((s) => [s, 0])) as Record<PoolSource, number>
    const rows = this.db
      .prepare(
        'SELECT source, COUNT(DISTINCT entry_id) AS n FROM pool_sources WHERE program_id = ? GROUP BY source'
      )
      .all(programId) as Row[]
    for (const r of rows) counts[r.source as PoolSource] = r.n as number
    return counts
  }
}
