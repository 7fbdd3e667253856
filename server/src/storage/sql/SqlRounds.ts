import { RoundSummary } from '@specboard/shared'
import { newId, nowIso } from '../../ids.ts'
import type { RoundRecord } from '../Storage.ts'
import { type Row, bytes } from './SqlClient.ts'
import { SqlTable } from './SqlTable.ts'

const ROUND_COLUMNS =
  'id, team_id, number, opened_at, opened_by, closed_at, closed_by, summary FROM rounds'

/** Review rounds; the record store delegates its round methods here. */
export class SqlRounds extends SqlTable {
  /** Rounds with their reviewers, in two queries whatever the count. */
  private async hydrate(rows: Row[]): Promise<RoundRecord[]> {
    if (rows.length === 0) return []
    const ids = rows.map((r) => r.id as string)
    const reviewerRows = await this.queryRows(
      `SELECT rr.round_id, p.id AS person_id, p.name FROM round_reviewers rr JOIN people p ON p.id = rr.person_id
       WHERE rr.round_id IN (${ids.map(() => '?').join(', ')}) ORDER BY p.name`,
      ...ids
    )
    return rows.map((r) => ({
      id: r.id as string,
      teamId: r.team_id as string,
      number: Number(r.number),
      openedAt: r.opened_at as string,
      openedBy: (r.opened_by as string | null) ?? null,
      closedAt: (r.closed_at as string | null) ?? null,
      closedBy: (r.closed_by as string | null) ?? null,
      summary: r.summary ? RoundSummary.parse(JSON.parse(r.summary as string)) : null,
      reviewers: reviewerRows
        .filter((x) => x.round_id === r.id)
        .map((x) => ({ personId: x.person_id as string, name: x.name as string })),
    }))
  }

  private async one(
    where: string,
    ...params: (string | number)[]
  ): Promise<RoundRecord | undefined> {
    const row = await this.queryRow(`SELECT ${ROUND_COLUMNS} ${where}`, ...params)
    return row ? (await this.hydrate([row]))[0] : undefined
  }

  open(r: {
    teamId: string
    openedBy: string | null
    snapshot: Uint8Array
    reviewerIds: readonly string[]
  }): Promise<RoundRecord | null> {
    return this.sql.tx(async (tx) => {
      const rounds = new SqlRounds(tx)
      if (await rounds.current(r.teamId)) return null
      const last = await tx.one('SELECT MAX(number) AS n FROM rounds WHERE team_id = ?', [r.teamId])
      const number = Number(last?.n ?? 0) + 1
      const id = newId()
      // Two opens at once both pass the check above; the one that loses the unique keys (one open
      // round per team, one number) finds a round open and gets null, not an error.
      const inserted = await tx.run(
        'INSERT INTO rounds (id, team_id, number, opened_at, opened_by, open_snapshot) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [id, r.teamId, number, nowIso(), r.openedBy, r.snapshot]
      )
      if (inserted === 0) return null
      for (const personId of r.reviewerIds)
        await tx.run(
          'INSERT INTO round_reviewers (round_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
          [id, personId]
        )
      return (await rounds.one('WHERE id = ?', id)) ?? null
    })
  }

  current(teamId: string): Promise<RoundRecord | undefined> {
    return this.one('WHERE team_id = ? AND closed_at IS NULL', teamId)
  }

  get(teamId: string, number: number): Promise<RoundRecord | undefined> {
    return this.one('WHERE team_id = ? AND number = ?', teamId, number)
  }

  async list(teamId: string): Promise<RoundRecord[]> {
    return this.hydrate(
      await this.queryRows(`SELECT ${ROUND_COLUMNS} WHERE team_id = ? ORDER BY number`, teamId)
    )
  }

  async close(
    roundId: string,
    c: { closedBy: string | null; snapshot: Uint8Array; summary: RoundSummary }
  ): Promise<boolean> {
    const changed = await this.execute(
      'UPDATE rounds SET closed_at = ?, closed_by = ?, close_snapshot = ?, summary = ? WHERE id = ? AND closed_at IS NULL',
      nowIso(),
      c.closedBy,
      c.snapshot,
      JSON.stringify(c.summary),
      roundId
    )
    return changed === 1
  }

  async snapshot(roundId: string, moment: 'open' | 'close'): Promise<Uint8Array | undefined> {
    const column = moment === 'open' ? 'open_snapshot' : 'close_snapshot'
    const blob = await this.queryValue(`SELECT ${column} FROM rounds WHERE id = ?`, roundId)
    return blob ? bytes(blob) : undefined
  }
}
