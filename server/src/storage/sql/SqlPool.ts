import { SqlTable } from './SqlTable.ts'
import type { Row, SqlValue } from './SqlClient.ts'
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

/** Tries to insert or merge a pool entry; each failed try means another transaction deleted the entry. */
const MAX_JOIN_ATTEMPTS = 10

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

export class SqlPool extends SqlTable implements PoolStore {
  /** Entries with their sources and invitations, in three queries whatever the count. */
  private async hydrate(rows: Row[]): Promise<PoolEntryRecord[]> {
    if (rows.length === 0) return []
    const ids = rows.map((r) => r.id as string)
    const marks = ids.map(() => '?').join(', ')
    const sources = new Map<string, PoolSourceRecord[]>()
    for (const r of (await this.queryRows(
      `SELECT * FROM pool_sources WHERE entry_id IN (${marks}) ORDER BY created_at`,
      ...ids
    )) as Row[]) {
      const list = sources.get(r.entry_id as string) ?? []
      list.push(toSource(r))
      sources.set(r.entry_id as string, list)
    }
    const invitations = new Map<string, PoolInvitationRecord[]>()
    const invitationRows = (await this.queryRows(
      `SELECT pi.entry_id, pi.invite_id, pi.created_at, i.team_id, i.role FROM pool_invitations pi
         JOIN invites i ON i.id = pi.invite_id WHERE pi.entry_id IN (${marks}) ORDER BY pi.created_at`,
      ...ids
    )) as Row[]
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
      isDemo: Number(r.is_demo) === 1,
      sources: sources.get(r.id as string) ?? [],
      invitations: invitations.get(r.id as string) ?? [],
      consentedAt: (r.consented_at as string) || (r.created_at as string),
      renewalAskedAt: (r.renewal_asked_at as string | null) ?? null,
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
    }))
  }

  private async one(sql: string, ...params: SqlValue[]): Promise<PoolEntryRecord | undefined> {
    const row = (await this.queryRow(`SELECT * FROM pool_entries ${sql}`, ...params)) as
      | Row
      | undefined
    return row ? (await this.hydrate([row]))[0] : undefined
  }

  add(input: PoolEntryInput): Promise<{ entry: PoolEntryRecord; withdrawToken: string | null }> {
    if (input.consent !== true) throw new Error('only people who consented enter the talent pool')
    return this.inTx(async (self) => {
      const at = nowIso()
      const key = contactKey(input.contact)
      let joined: { entryId: string; withdrawToken: string | null } | null = null
      // The entry this join conflicted with may be deleted before the merge reads it (withdrawn, lapsed,
      // erased meanwhile): then the insert goes again, as if this join came after the deletion.
      for (let attempt = 0; !joined; attempt++) {
        if (attempt === MAX_JOIN_ATTEMPTS)
          throw new Error(
            `the pool entry of this contact was replaced ${attempt} times while joining`
          )
        joined = await self.insertOrMerge(key, input, at)
      }
      await self.execute(
        `INSERT INTO pool_sources (id, entry_id, source, program_id, team_id, application_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        newId(),
        joined.entryId,
        input.source,
        input.programId,
        input.teamId,
        input.applicationId ?? null,
        at
      )
      return { entry: (await self.get(joined.entryId))!, withdrawToken: joined.withdrawToken }
    })
  }

  /**
   * Inserts the entry of `key`, or merges into the one already there (no withdraw token then). Insert
   * first: checking first would let two joins of one contact both insert, and the second would fail on
   * the unique key (PostgreSQL waits here for the other insert to commit, then conflicts). Null: the
   * entry conflicted with was gone by the time the merge read it.
   */
  private async insertOrMerge(
    key: string,
    input: PoolEntryInput,
    at: string
  ): Promise<{ entryId: string; withdrawToken: string | null } | null> {
    const entryId = newId()
    const withdrawToken = newSecret()
    const inserted = await this.execute(
      `INSERT INTO pool_entries (id, name, contact, contact_key, tags, note, withdraw_token_hash, is_demo, consented_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contact_key) DO NOTHING`,
      entryId,
      input.name,
      input.contact,
      key,
      JSON.stringify([...new Set(input.tags ?? [])]),
      input.note ?? '',
      hashSecret(withdrawToken),
      input.isDemo ? 1 : 0,
      input.consentedAt ?? at,
      at,
      at
    )
    if (inserted === 1) return { entryId, withdrawToken }
    const merged = await this.mergeInto(key, input, at)
    return merged === null ? null : { entryId: merged, withdrawToken: null }
  }

  /**
   * Adds `input`'s tags and note to the entry of `key`, locked until the transaction ends (PostgreSQL;
   * a SQLite transaction holds the whole database), so two merges at once both count. Null when there is
   * no such entry (any more).
   */
  private async mergeInto(key: string, input: PoolEntryInput, at: string): Promise<string | null> {
    const lock = this.sql.dialect === 'postgres' ? ' FOR UPDATE' : ''
    const existing = await this.queryRow(
      `SELECT id, tags, note FROM pool_entries WHERE contact_key = ?${lock}`,
      key
    )
    if (!existing) return null
    const tags = [
      ...new Set([...(JSON.parse(existing.tags as string) as string[]), ...(input.tags ?? [])]),
    ]
    const note = [existing.note as string, input.note ?? ''].filter(Boolean).join('\n')
    // Consenting again (another application, another pitch) renews the consent.
    await this.execute(
      `UPDATE pool_entries SET name = ?, contact = ?, tags = ?, note = ?, consented_at = ?,
         renewal_asked_at = NULL, updated_at = ? WHERE id = ?`,
      input.name,
      input.contact,
      JSON.stringify(tags),
      note,
      input.consentedAt ?? at,
      at,
      existing.id as string
    )
    return existing.id as string
  }

  async get(entryId: string): Promise<PoolEntryRecord | undefined> {
    return await this.one('WHERE id = ?', entryId)
  }

  async byWithdrawTokenHash(hash: string): Promise<PoolEntryRecord | undefined> {
    // The renewal link's secret withdraws too: the renewal mail offers both.
    return await this.one('WHERE withdraw_token_hash = ? OR renew_token_hash = ?', hash, hash)
  }

  async list(): Promise<PoolEntryRecord[]> {
    return await this.hydrate(
      (await this.queryRows('SELECT * FROM pool_entries ORDER BY updated_at DESC, id')) as Row[]
    )
  }

  async update(
    entryId: string,
    patch: { tags?: readonly string[]; note?: string }
  ): Promise<PoolEntryRecord | undefined> {
    const current = await this.get(entryId)
    if (!current) return undefined
    await this.execute(
      'UPDATE pool_entries SET tags = ?, note = ?, updated_at = ? WHERE id = ?',
      JSON.stringify(patch.tags ?? current.tags),
      patch.note ?? current.note,
      nowIso(),
      entryId
    )
    return await this.get(entryId)
  }

  async delete(entryId: string): Promise<boolean> {
    return (await this.execute('DELETE FROM pool_entries WHERE id = ?', entryId)) === 1
  }

  async removeApplicationSources(
    applicationId: string,
    sources: readonly PoolSource[]
  ): Promise<void> {
    await this.inTx(async (self) => {
      const entry = await self.entryOfApplication(applicationId)
      if (!entry) return
      const marks = sources.map(() => '?').join(', ')
      await self.execute(
        `DELETE FROM pool_sources WHERE application_id = ? AND source IN (${marks})`,
        applicationId,
        ...sources
      )
      const left = (await self.queryValue(
        'SELECT COUNT(*) FROM pool_sources WHERE entry_id = ?',
        entry.id
      )) as number
      if (left === 0) await self.delete(entry.id)
    })
  }

  async entryOfApplication(applicationId: string): Promise<PoolEntryRecord | undefined> {
    return await this.one(
      'WHERE id = (SELECT entry_id FROM pool_sources WHERE application_id = ? LIMIT 1)',
      applicationId
    )
  }

  async recordInvitation(entryId: string, inviteId: string): Promise<void> {
    await this.execute(
      'INSERT INTO pool_invitations (entry_id, invite_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      entryId,
      inviteId,
      nowIso()
    )
  }

  async countBySource(programId: string): Promise<Record<PoolSource, number>> {
    const counts = Object.fromEntries(POOL_SOURCES.map((s) => [s, 0])) as Record<PoolSource, number>
    const rows = (await this.queryRows(
      'SELECT source, COUNT(DISTINCT entry_id) AS n FROM pool_sources WHERE program_id = ? GROUP BY source',
      programId
    )) as Row[]
    for (const r of rows) counts[r.source as PoolSource] = r.n as number
    return counts
  }

  async claimRenewals(
    consentedBefore: string,
    at: string,
    limit: number
  ): Promise<{ entry: PoolEntryRecord; renewToken: string }[]> {
    const due = await this.queryRows(
      `SELECT id FROM pool_entries WHERE renewal_asked_at IS NULL AND consented_at < ?
         ORDER BY consented_at LIMIT ?`,
      consentedBefore,
      limit
    )
    const claimed: { entry: PoolEntryRecord; renewToken: string }[] = []
    for (const { id } of due) {
      const renewToken = newSecret()
      const won = await this.execute(
        `UPDATE pool_entries SET renewal_asked_at = ?, renew_token_hash = ?
           WHERE id = ? AND renewal_asked_at IS NULL AND consented_at < ?`,
        at,
        hashSecret(renewToken),
        id as string,
        consentedBefore
      )
      const entry = won === 1 ? await this.get(id as string) : undefined
      if (entry) claimed.push({ entry, renewToken })
    }
    return claimed
  }

  async byRenewTokenHash(hash: string): Promise<PoolEntryRecord | undefined> {
    return await this.one('WHERE renew_token_hash = ?', hash)
  }

  async renew(renewTokenHash: string, at: string): Promise<PoolEntryRecord | undefined> {
    await this.execute(
      `UPDATE pool_entries SET consented_at = ?, renewal_asked_at = NULL, updated_at = ?
         WHERE renew_token_hash = ?`,
      at,
      at,
      renewTokenHash
    )
    return await this.byRenewTokenHash(renewTokenHash)
  }

  async lapsed(askedBefore: string): Promise<PoolEntryRecord[]> {
    return await this.hydrate(
      await this.queryRows(
        'SELECT * FROM pool_entries WHERE renewal_asked_at IS NOT NULL AND renewal_asked_at < ? ORDER BY id',
        askedBefore
      )
    )
  }

  async deleteLapsed(entryId: string, askedBefore: string): Promise<boolean> {
    return (
      (await this.execute(
        'DELETE FROM pool_entries WHERE id = ? AND renewal_asked_at IS NOT NULL AND renewal_asked_at < ?',
        entryId,
        askedBefore
      )) === 1
    )
  }
}
