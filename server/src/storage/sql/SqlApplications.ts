import { SqlTable } from './SqlTable.ts'
import type { Row } from './SqlClient.ts'
import { contactKey, emptyStageCounts } from '@specboard/shared'
import type { ApplicationStage, StageCounts } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type {
  ApplicationPatch,
  ApplicationRecord,
  ApplicationStore,
  NewApplication,
} from '../PostingStore.ts'

const toApplication = (r: Row): ApplicationRecord => ({
  id: r.id as string,
  postingId: r.posting_id as string,
  postingVersion: r.posting_version as number,
  programId: r.program_id as string,
  teamId: r.team_id as string,
  stage: r.stage as ApplicationStage,
  name: r.name as string,
  contact: r.contact as string,
  motivation: r.motivation as string,
  skills: JSON.parse(r.skills as string) as string[],
  links: JSON.parse(r.links as string) as string[],
  consentPool: Number(r.consent_pool) === 1,
  note: r.note as string,
  rating: (r.rating as number | null) ?? null,
  isDemo: Number(r.is_demo) === 1,
  lang: r.lang === 'en' ? 'en' : 'ja',
  erasedAt: (r.erased_at as string | null) ?? null,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
  stageChangedAt: r.stage_changed_at as string,
})

export class SqlApplications extends SqlTable implements ApplicationStore {
  async create(a: NewApplication): Promise<ApplicationRecord> {
    const id = a.id ?? newId()
    const at = a.createdAt ?? nowIso()
    await this.execute(
      `INSERT INTO applications (id, posting_id, posting_version, program_id, team_id, status_token_hash, stage, name, contact,
           motivation, skills, links, consent_pool, is_demo, lang, created_at, updated_at, stage_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, 'applied', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      a.postingId,
      a.postingVersion,
      a.programId,
      a.teamId,
      a.statusTokenHash,
      a.name,
      a.contact,
      a.motivation,
      JSON.stringify(a.skills),
      JSON.stringify(a.links),
      a.consentPool ? 1 : 0,
      a.isDemo ? 1 : 0,
      a.lang ?? 'ja',
      at,
      at,
      at
    )
    return (await this.get(id))!
  }

  createUnlessApplied(a: NewApplication): Promise<ApplicationRecord | undefined> {
    const key = contactKey(a.contact)
    return this.inTx(async (self) => {
      // The contact's key is computed here (NFKC, case), not by SQL, so no unique index can hold it:
      // a lock on (posting, key) for the transaction makes the check and the insert one step. (A SQLite
      // transaction holds the whole database already.)
      if (this.sql.dialect === 'postgres')
        await self.execute(
          'SELECT pg_advisory_xact_lock(hashtext(?))',
          `apply:${a.postingId}:${key}`
        )
      const contacts = await self.queryRows(
        'SELECT contact FROM applications WHERE posting_id = ? AND erased_at IS NULL',
        a.postingId
      )
      if (contacts.some((r) => contactKey(r.contact as string) === key)) return undefined
      return await self.create(a)
    })
  }

  async get(id: string): Promise<ApplicationRecord | undefined> {
    return await this.findOne(toApplication, 'SELECT * FROM applications WHERE id = ?', id)
  }

  async byStatusTokenHash(hash: string): Promise<ApplicationRecord | undefined> {
    return await this.findOne(
      toApplication,
      'SELECT * FROM applications WHERE status_token_hash = ?',
      hash
    )
  }

  async listByPosting(postingId: string): Promise<ApplicationRecord[]> {
    return await this.findAll(
      toApplication,
      'SELECT * FROM applications WHERE posting_id = ? ORDER BY created_at, id',
      postingId
    )
  }

  async listByProgram(programId: string): Promise<ApplicationRecord[]> {
    return await this.findAll(
      toApplication,
      'SELECT * FROM applications WHERE program_id = ? ORDER BY created_at, id',
      programId
    )
  }

  async stageCounts(postingId: string): Promise<StageCounts> {
    const counts = emptyStageCounts()
    const rows = (await this.queryRows(
      'SELECT stage, COUNT(*) AS n FROM applications WHERE posting_id = ? GROUP BY stage',
      postingId
    )) as Row[]
    for (const r of rows) counts[r.stage as ApplicationStage] = r.n as number
    return counts
  }

  async update(id: string, patch: ApplicationPatch): Promise<ApplicationRecord | undefined> {
    const current = await this.get(id)
    if (!current) return undefined
    const at = nowIso()
    const stage = patch.stage ?? current.stage
    await this.execute(
      'UPDATE applications SET stage = ?, note = ?, rating = ?, consent_pool = ?, updated_at = ?, stage_changed_at = ? WHERE id = ?',
      stage,
      patch.note ?? current.note,
      patch.rating === undefined ? current.rating : patch.rating,
      (patch.consentPool ?? current.consentPool) ? 1 : 0,
      at,
      stage === current.stage ? current.stageChangedAt : at,
      id
    )
    return await this.get(id)
  }

  async erase(id: string): Promise<ApplicationRecord | undefined> {
    return this.inTx(async (self) => {
      // Mail to them that could not be delivered names their address: it goes too.
      await self.execute(forgetMailFailures('a.id = ?', 'o.id <> ?'), id, id)
      await self.execute(
        `UPDATE applications SET name = '', contact = '', motivation = '', skills = '[]', links = '[]', note = '',
             rating = NULL, consent_pool = 0, erased_at = COALESCE(erased_at, ?), updated_at = ? WHERE id = ?`,
        nowIso(),
        nowIso(),
        id
      )
      return await self.get(id)
    })
  }

  async eraseUnkept(postingId: string, at: string): Promise<number> {
    return this.inTx(async (self) => {
      // Undelivered mail to them names their address.
      await self.execute(
        forgetMailFailures(
          `a.posting_id = ? AND ${unkept('a')}`,
          `NOT (o.posting_id = ? AND ${unkept('o')})`
        ),
        postingId,
        postingId
      )
      // The reasons a coordinator typed when cancelling may name the person; the times stay for figures.
      await self.execute(
        `UPDATE interviews SET cancel_reason = NULL WHERE cancel_reason IS NOT NULL AND application_id IN
           (SELECT id FROM applications a WHERE a.posting_id = ? AND ${unkept('a')})`,
        postingId
      )
      return await self.execute(
        `UPDATE applications SET name = '', contact = '', motivation = '', skills = '[]', links = '[]',
             note = '', rating = NULL, consent_pool = 0, status_token_hash = 'erased:' || id,
             erased_at = ?, updated_at = ?
           WHERE posting_id = ? AND ${unkept('applications')}`,
        at,
        at,
        postingId
      )
    })
  }

  async retentionCounts(
    programId: string
  ): Promise<Map<string, { pending: number; erased: number }>> {
    const rows = await this.queryRows(
      `SELECT a.posting_id,
         SUM(CASE WHEN a.erased_at IS NOT NULL THEN 1 ELSE 0 END) AS erased,
         SUM(CASE WHEN ${unkept('a')} THEN 1 ELSE 0 END) AS pending
       FROM applications a WHERE a.program_id = ? GROUP BY a.posting_id`,
      programId
    )
    return new Map(
      rows.map((r) => [
        r.posting_id as string,
        { pending: Number(r.pending), erased: Number(r.erased) },
      ])
    )
  }
}

/**
 * Whether the application row `table` names is one retention erases: not placed, not pooled, not erased.
 * Written on the updated table itself (no self-join), so a second instance's concurrent UPDATE re-checks
 * `erased_at` on the row the first one committed and skips it.
 */
const unkept = (table: string) => `${table}.erased_at IS NULL AND ${table}.stage <> 'placed'
  AND NOT EXISTS (SELECT 1 FROM pool_sources s WHERE s.application_id = ${table}.id)`

/**
 * Deletes the program's undelivered-mail rows naming the address of the applications `erased` selects
 * (as `a`) — unless another application in that program, still kept (`o`, where `other` holds), gives
 * the same address: its failures are still the coordinator's to see.
 */
const forgetMailFailures = (erased: string, other: string) => `DELETE FROM mail_failures
  WHERE EXISTS (SELECT 1 FROM applications a WHERE ${erased} AND a.contact <> ''
      AND a.program_id = mail_failures.program_id AND a.contact = mail_failures.recipient)
    AND NOT EXISTS (SELECT 1 FROM applications o WHERE ${other} AND o.erased_at IS NULL
      AND o.program_id = mail_failures.program_id AND o.contact = mail_failures.recipient)`
