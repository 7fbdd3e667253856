import { SqlTable } from './SqlTable.ts'
import type { Row, SqlValue } from './SqlClient.ts'
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
import { SqlApplications } from './SqlApplications.ts'
import { SqlInterviews } from './SqlInterviews.ts'
import { SqlPool } from './SqlPool.ts'
import type { SqlClient } from './SqlClient.ts'

/** Postings, applications, interviews and the talent pool, over one client (a transaction's, maybe). */
export function sqlPostingStore(sql: SqlClient): PostingStore {
  return {
    publishing: new SqlPublishing(sql),
    applications: new SqlApplications(sql),
    interviews: new SqlInterviews(sql),
    pool: new SqlPool(sql),
  }
}

const toPosting = (r: Row): PostingRecord => ({
  id: r.id as string,
  teamId: r.team_id as string,
  programId: r.program_id as string,
  slug: r.slug as string,
  status: r.status as PostingRecord['status'],
  currentVersion: r.current_version as number,
  isDemo: Number(r.is_demo) === 1,
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

class SqlPublishing extends SqlTable implements PublishingStore {
  private async one(sql: string, ...params: SqlValue[]): Promise<PostingRecord | undefined> {
    return await this.findOne(toPosting, `SELECT * FROM postings ${sql}`, ...params)
  }

  async publish(input: PublishInput): Promise<PostingWithVersion> {
    return this.inTx(async (self) => {
      const at = input.publishedAt ?? nowIso()
      // The team's posting row, made at version 0 when it has none, then the version counted up in one
      // statement: two publishes at once each get their own number instead of both inserting the row or
      // both writing the same version (PostgreSQL waits on the other's insert or row lock, then goes on).
      await self.execute(
        `INSERT INTO postings (id, team_id, program_id, slug, status, current_version, is_demo, first_published_at, updated_at)
           VALUES (?, ?, ?, ?, 'published', 0, ?, ?, ?) ON CONFLICT (team_id) DO NOTHING`,
        newId(),
        input.teamId,
        input.programId,
        input.slug,
        input.isDemo ? 1 : 0,
        at,
        at
      )
      const counted = (await self.queryRow(
        "UPDATE postings SET status = 'published', current_version = current_version + 1, updated_at = ? WHERE team_id = ? RETURNING id, current_version",
        at,
        input.teamId
      )) as Row
      const postingId = counted.id as string
      const version = Number(counted.current_version)
      await self.execute(
        `INSERT INTO posting_versions (posting_id, version, facts, snapshot, html, excerpt, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        postingId,
        version,
        JSON.stringify(input.facts),
        input.snapshot,
        input.html,
        input.excerpt,
        at,
        input.publishedBy
      )
      return {
        posting: (await self.get(postingId))!,
        version: (await self.version(postingId, version))!,
      }
    })
  }

  async unpublish(postingId: string): Promise<PostingRecord | undefined> {
    await this.execute(
      "UPDATE postings SET status = 'unpublished', updated_at = ? WHERE id = ?",
      nowIso(),
      postingId
    )
    return await this.get(postingId)
  }

  async get(postingId: string): Promise<PostingRecord | undefined> {
    return await this.one('WHERE id = ?', postingId)
  }

  async byTeam(teamId: string): Promise<PostingRecord | undefined> {
    return await this.one('WHERE team_id = ?', teamId)
  }

  async bySlug(slug: string): Promise<PostingRecord | undefined> {
    return await this.one('WHERE slug = ?', slug)
  }

  async isSlugTaken(slug: string): Promise<boolean> {
    return (await this.queryRow('SELECT 1 FROM postings WHERE slug = ?', slug)) !== undefined
  }

  async listByProgram(programId: string): Promise<PostingRecord[]> {
    const rows = (await this.queryRows(
      'SELECT p.* FROM postings p JOIN teams t ON t.id = p.team_id WHERE p.program_id = ? ORDER BY t.position',
      programId
    )) as Row[]
    return rows.map(toPosting)
  }

  async listPublished(): Promise<PostingWithVersion[]> {
    const rows = (await this.queryRows(`SELECT p.*, ${VERSION_COLUMNS.split(', ')
      .map((c) => `v.${c}`)
      .join(', ')}
         FROM postings p JOIN posting_versions v ON v.posting_id = p.id AND v.version = p.current_version
         WHERE p.status = 'published' ORDER BY v.published_at DESC, p.id`)) as Row[]
    return rows.map((r) => ({ posting: toPosting(r), version: toVersion(r) }))
  }

  async version(postingId: string, version: number): Promise<PostingVersionRecord | undefined> {
    return await this.findOne(
      toVersion,
      `SELECT ${VERSION_COLUMNS} FROM posting_versions WHERE posting_id = ? AND version = ?`,
      postingId,
      version
    )
  }

  async versions(postingId: string): Promise<PostingVersionRecord[]> {
    const rows = (await this.queryRows(
      `SELECT ${VERSION_COLUMNS} FROM posting_versions WHERE posting_id = ? ORDER BY version`,
      postingId
    )) as Row[]
    return rows.map(toVersion)
  }

  async snapshot(postingId: string, version: number): Promise<Uint8Array | undefined> {
    const blob = (await this.queryValue(
      'SELECT snapshot FROM posting_versions WHERE posting_id = ? AND version = ?',
      postingId,
      version
    )) as Buffer | undefined
    return blob ? new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength) : undefined
  }
}
