import type Database from 'better-sqlite3'
import { RoundSummary } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type { RoundRecord } from '../Storage.ts'

type Row = Record<string, unknown>

/** Review rounds in SQLite; the RecordStore delegates its round methods here. */
export class SqliteRounds {
  constructor(private readonly db: Database.Database) {}

  private toRound(r: Row): RoundRecord {
    const reviewers = this.db
      .prepare(
        'SELECT p.id AS personId, p.name FROM round_reviewers rr JOIN people p ON p.id = rr.person_id WHERE rr.round_id = ? ORDER BY p.name'
      )
      .all(r.id) as { personId: string; name: string }[]
    return {
      id: r.id as string,
      teamId: r.team_id as string,
      number: r.number as number,
      openedAt: r.opened_at as string,
      openedBy: (r.opened_by as string | null) ?? null,
      closedAt: (r.closed_at as string | null) ?? null,
      closedBy: (r.closed_by as string | null) ?? null,
      summary: r.summary ? RoundSummary.parse(JSON.parse(r.summary as string)) : null,
      reviewers,
    }
  }

  private one(sql: string, ...params: unknown[]): RoundRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT id, team_id, number, opened_at, opened_by, closed_at, closed_by, summary FROM rounds ${sql}`
      )
      .get(...params) as Row | undefined
    return row && this.toRound(row)
  }

  open(r: {
    teamId: string
    openedBy: string | null
    snapshot: Uint8Array
    reviewerIds: readonly string[]
  }): RoundRecord | null {
    return this.db.transaction(() => {
      if (this.current(r.teamId)) return null
      const number =
        ((this.db
          .prepare('SELECT MAX(number) FROM rounds WHERE team_id = ?')
          .pluck()
          .get(r.teamId) as number | null) ?? 0) + 1
      const id = newId()
      this.db
        .prepare(
          'INSERT INTO rounds (id, team_id, number, opened_at, opened_by, open_snapshot) VALUES (?, ?, ?, ?, ?, ?)'
        )
        .run(id, r.teamId, number, nowIso(), r.openedBy, r.snapshot)
      const addReviewer = this.db.prepare(
        'INSERT OR IGNORE INTO round_reviewers (round_id, person_id) VALUES (?, ?)'
      )
      for (const personId of r.reviewerIds) addReviewer.run(id, personId)
      return this.one('WHERE id = ?', id)!
    })()
  }

  current(teamId: string): RoundRecord | undefined {
    return this.one('WHERE team_id = ? AND closed_at IS NULL', teamId)
  }

  get(teamId: string, number: number): RoundRecord | undefined {
    return this.one('WHERE team_id = ? AND number = ?', teamId, number)
  }

  list(teamId: string): RoundRecord[] {
    const rows = this.db
      .prepare(
        'SELECT id, team_id, number, opened_at, opened_by, closed_at, closed_by, summary FROM rounds WHERE team_id = ? ORDER BY number'
      )
      .all(teamId) as Row[]
    return rows.map((r) => this.toRound(r))
  }

  close(
    roundId: string,
    c: { closedBy: string | null; snapshot: Uint8Array; summary: RoundSummary }
  ): boolean {
    const changed = this.db
      .prepare(
        'UPDATE rounds SET closed_at = ?, closed_by = ?, close_snapshot = ?, summary = ? WHERE id = ? AND closed_at IS NULL'
      )
      .run(nowIso(), c.closedBy, c.snapshot, JSON.stringify(c.summary), roundId).changes
    return changed === 1
  }

  snapshot(roundId: string, moment: 'open' | 'close'): Uint8Array | undefined {
    const column = moment === 'open' ? 'open_snapshot' : 'close_snapshot'
    const blob = this.db
      .prepare(`SELECT ${column} FROM rounds WHERE id = ?`)
      .pluck()
      .get(roundId) as Buffer | null | undefined
    return blob ? new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength) : undefined
  }
}
