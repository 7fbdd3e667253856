import type Database from 'better-sqlite3'
import { PostingFacts } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type {
  PostingRecord,
  PostingStore,
  PostingVersionRecord,
  PostingWithVersion,
  PublishInput,
  PublishingStore,
} from '../PostingStore.ts'
import { SqliteApplications } from './SqliteApplications.ts'
import { SqliteInterviews } from './SqliteInterviews.ts'
import { SqlitePool } from './SqlitePool.ts'

type Row = Record<string, unknown>

/** Postings, applications, interviews and the talent pool, in the same SQLite file as everything else. */
export function sqlitePostingStore(db: Database.Database): PostingStore {
  return {
    publishing: new SqlitePublishing(db),
    applications: new SqliteApplications(db),
    interviews: new SqliteInterviews(db),
    pool: new SqlitePool(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  }
}

const toPosting = (r: Row): PostingRecord => ({
  id: r.id as string,
  teamId: r.team_id as string,
  programId: r.program_id as string,
  slug: r.slug as string,
  status: r.status as PostingRecord['status'],
  currentVersion: r.current_version as number,
  isDemo: r.is_demo === 1,
  firstPublishedAt: r.first_published_at as string,
  updatedAt: r.updated_at as string,
})

const VERSION_COLUMNS = 'posting_id, version, facts, html, excerpt, published_at, published_by'

const toVersion = (r: Row): PostingVersionRecord => ({
  postingId: r.posting_id as string,
  version: r.version as number,
  facts: PostingFacts.parse(JSON.parse(r.facts as string)),
  html: r.html as string,
  excerpt: r.excerpt as string,
  publishedAt: r.published_at as string,
  publishedBy: (r.published_by as string | null) ?? null,
})

class SqlitePublishing implements PublishingStore {
  constructor(private readonly db: Database.Database) {}

  private one(sql: string, ...params: unknown[]): PostingRecord | undefined {
    const row = this.db.prepare(`SELECT * FROM postings ${sql}`).get(...params) as Row | undefined
    return row && toPosting(row)
  }

  publish(input: PublishInput): PostingWithVersion {
    return this.db.transaction(() => {
      const at = input.publishedAt ?? nowIso()
      let posting = this.byTeam(input.teamId)
      let version = 1
      if (posting) {
        version = posting.currentVersion + 1
        this.db
          .prepare(
            "UPDATE postings SET status = 'published', current_version = ?, updated_at = ? WHERE id = ?"
          )
          .run(version, at, posting.id)
      } else {
        const id = newId()
        this.db
          .prepare(
            `INSERT INTO postings (id, team_id, program_id, slug, status, current_version, is_demo, first_published_at, updated_at)
             VALUES (?, ?, ?, ?, 'published', 1, ?, ?, ?)`
          )
          .run(id, input.teamId, input.programId, input.slug, input.isDemo ? 1 : 0, at, at)
        posting = this.get(id)!
      }
      this.db
        .prepare(
          `INSERT INTO posting_versions (posting_id, version, facts, snapshot, html, excerpt, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          posting.id,
          version,
          JSON.stringify(input.facts),
          input.snapshot,
          input.html,
          input.excerpt,
          at,
          input.publishedBy
        )
      return { posting: this.get(posting.id)!, version: this.version(posting.id, version)! }
    })()
  }

  unpublish(postingId: string): PostingRecord | undefined {
    this.db
      .prepare("UPDATE postings SET status = 'unpublished', updated_at = ? WHERE id = ?")
      .run(nowIso(), postingId)
    return this.get(postingId)
  }

  get(postingId: string): PostingRecord | undefined {
    return this.one('WHERE id = ?', postingId)
  }

  byTeam(teamId: string): PostingRecord | undefined {
    return this.one('WHERE team_id = ?', teamId)
  }

  bySlug(slug: string): PostingRecord | undefined {
    return this.one('WHERE slug = ?', slug)
  }

  isSlugTaken(slug: string): boolean {
    return this.db.prepare('SELECT 1 FROM postings WHERE slug = ?').get(slug) !== undefined
  }

  listByProgram(programId: string): PostingRecord[] {
    const rows = this.db
      .prepare(
        'SELECT p.* FROM postings p JOIN teams t ON t.id = p.team_id WHERE p.program_id = ? ORDER BY t.position'
      )
      .all(programId) as Row[]
    return rows.map(toPosting)
  }

  listPublished(): PostingWithVersion[] {
    const rows = this.db
      .prepare(
        `SELECT p.*, ${VERSION_COLUMNS.split(', ')
          .map((c) => `v.${c}`)
          .join(', ')}
         FROM postings p JOIN posting_versions v ON v.posting_id = p.id AND v.version = p.current_version
         WHERE p.status = 'published' ORDER BY v.published_at DESC, p.id`
      )
      .all() as Row[]
    return rows.map((r) => ({ posting: toPosting(r), version: toVersion(r) }))
  }

  version(postingId: string, version: number): PostingVersionRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM posting_versions WHERE posting_id = ? AND version = ?`
      )
      .get(postingId, version) as Row | undefined
    return row && toVersion(row)
  }

  versions(postingId: string): PostingVersionRecord[] {
    const rows = this.db
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM posting_versions WHERE posting_id = ? ORDER BY version`
      )
      .all(postingId) as Row[]
    return rows.map(toVersion)
  }

  snapshot(postingId: string, version: number): Uint8Array | undefined {
    const blob = this.db
      .prepare('SELECT snapshot FROM posting_versions WHERE posting_id = ? AND version = ?')
      .pluck()
      .get(postingId, version) as Buffer | undefined
    return blob ? new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength) : undefined
  }
}
