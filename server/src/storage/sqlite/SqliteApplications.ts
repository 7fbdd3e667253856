import type Database from 'better-sqlite3'
import { APPLICATION_STAGES } from '@specboard/shared'
import type { ApplicationStage, StageCounts } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type {
  ApplicationPatch,
  ApplicationRecord,
  ApplicationStore,
  NewApplication,
} from '../PostingStore.ts'

type Row = Record<string, unknown>

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
  consentPool: r.consent_pool === 1,
  note: r.note as string,
  rating: (r.rating as number | null) ?? null,
  isDemo: r.is_demo === 1,
  erasedAt: (r.erased_at as string | null) ?? null,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
  stageChangedAt: r.stage_changed_at as string,
})

/** Every stage at zero: a count object that always has all keys. */
export function emptyStageCounts(): StageCounts {
  return Object.fromEntries(APPLICATION_STAGES.map((s) => [s, 0])) as StageCounts
}

export class SqliteApplications implements ApplicationStore {
  constructor(private readonly db: Database.Database) {}

  create(a: NewApplication): ApplicationRecord {
    const id = a.id ?? newId()
    const at = a.createdAt ?? nowIso()
    this.db
      .prepare(
        `INSERT INTO applications (id, posting_id, posting_version, program_id, team_id, status_token_hash, stage, name, contact,
           motivation, skills, links, consent_pool, is_demo, created_at, updated_at, stage_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, 'applied', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
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
        at,
        at,
        at
      )
    return this.get(id)!
  }

  get(id: string): ApplicationRecord | undefined {
    const row = this.db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as
      | Row
      | undefined
    return row && toApplication(row)
  }

  byStatusTokenHash(hash: string): ApplicationRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM applications WHERE status_token_hash = ?')
      .get(hash) as Row | undefined
    return row && toApplication(row)
  }

  listByPosting(postingId: string): ApplicationRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM applications WHERE posting_id = ? ORDER BY created_at, id')
        .all(postingId) as Row[]
    ).map(toApplication)
  }

  listByProgram(programId: string): ApplicationRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM applications WHERE program_id = ? ORDER BY created_at, id')
        .all(programId) as Row[]
    ).map(toApplication)
  }

  stageCounts(postingId: string): StageCounts {
    const counts = emptyStageCounts()
    const rows = this.db
      .prepare('SELECT stage, COUNT(*) AS n FROM applications WHERE posting_id = ? GROUP BY stage')
      .all(postingId) as Row[]
    for (const r of rows) counts[r.stage as ApplicationStage] = r.n as number
    return counts
  }

  update(id: string, patch: ApplicationPatch): ApplicationRecord | undefined {
    const current = this.get(id)
    if (!current) return undefined
    const at = nowIso()
    const stage = patch.stage ?? current.stage
    this.db
      .prepare(
        'UPDATE applications SET stage = ?, note = ?, rating = ?, consent_pool = ?, updated_at = ?, stage_changed_at = ? WHERE id = ?'
      )
      .run(
        stage,
        patch.note ?? current.note,
        patch.rating === undefined ? current.rating : patch.rating,
        (patch.consentPool ?? current.consentPool) ? 1 : 0,
        at,
        stage === current.stage ? current.stageChangedAt : at,
        id
      )
    return this.get(id)
  }

  erase(id: string): ApplicationRecord | undefined {
    this.db
      .prepare(
        `UPDATE applications SET name = '', contact = '', motivation = '', skills = '[]', links = '[]', note = '',
           consent_pool = 0, erased_at = IFNULL(erased_at, ?), updated_at = ? WHERE id = ?`
      )
      .run(nowIso(), nowIso(), id)
    return this.get(id)
  }
}
