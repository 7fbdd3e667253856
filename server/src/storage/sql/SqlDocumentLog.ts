import type { CountedState, LoadedLog, MergeUpdates } from '../../ports/DocumentLog.ts'
import type { BatchedDocumentLog, LogRow } from '../GroupCommitLog.ts'
import { type SqlClient, type SqlValue, bytes, marks } from './SqlClient.ts'

const SELECT = 'SELECT seq, data FROM document_updates WHERE document = ? ORDER BY seq'
/** Rows per INSERT statement: two parameters each, well under either engine's limit. */
const ROWS_PER_STATEMENT = 500

/** The update log in either engine: one row per accepted update, one snapshot transaction per compaction. */
export class SqlDocumentLog implements BatchedDocumentLog {
  constructor(private readonly sql: SqlClient) {}

  async load(document: string): Promise<LoadedLog> {
    const rows = await this.sql.all(SELECT, [document])
    return { updates: rows.map((r) => bytes(r.data)), upTo: Number(rows.at(-1)?.seq ?? 0) }
  }

  async versions(documents: readonly string[]): Promise<Map<string, string>> {
    if (documents.length === 0) return new Map()
    const rows = await this.sql.all(
      `SELECT document, COUNT(*) AS n, MAX(seq) AS top FROM document_updates
       WHERE document IN (${marks(documents)}) GROUP BY document`,
      documents
    )
    return new Map(rows.map((r) => [r.document as string, `${r.n}:${r.top}`]))
  }

  async append(document: string, update: Uint8Array): Promise<number> {
    const row = await this.sql.one(
      'INSERT INTO document_updates (document, data) VALUES (?, ?) RETURNING seq',
      [document, update]
    )
    return Number(row?.seq)
  }

  async appendAll(rows: readonly LogRow[]): Promise<number[]> {
    if (rows.length === 1) return [await this.append(rows[0]!.document, rows[0]!.update)]
    if (rows.length > ROWS_PER_STATEMENT)
      return this.sql.tx(async (tx) => {
        const log = new SqlDocumentLog(tx)
        const seqs: number[] = []
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
          seqs.push(...(await log.appendAll(rows.slice(i, i + ROWS_PER_STATEMENT))))
        return seqs
      })
    // One statement (atomic by itself): on PostgreSQL one round trip for the whole group, instead of
    // BEGIN, one INSERT per row and COMMIT. Identity values are drawn in row order, so the seqs sorted
    // are the rows' seqs in order.
    const inserted = await this.sql.all(
      `INSERT INTO document_updates (document, data) VALUES ${rows.map(() => '(?, ?)').join(', ')} RETURNING seq`,
      rows.flatMap((r): SqlValue[] => [r.document, r.update])
    )
    return inserted.map((r) => Number(r.seq)).sort((a, b) => a - b)
  }

  async compact(document: string, merge: MergeUpdates, counted?: CountedState): Promise<number> {
    try {
      return await this.sql.tx(
        async (tx) => {
          // Counted first: a log of one row, or of the rows a sole writer counted, is never read.
          const size = await tx.one(
            'SELECT COUNT(*) AS n, MAX(seq) AS top FROM document_updates WHERE document = ?',
            [document]
          )
          const count = Number(size?.n ?? 0)
          if (count <= 1) return 0
          let top = Number(size?.top)
          let replaced = count
          let merged: Uint8Array
          if (count === counted?.rows) merged = counted.state
          else {
            const rows = await tx.all(SELECT, [document])
            if (rows.length <= 1) return 0
            merged = merge(rows.map((r) => bytes(r.data)))
            top = Number(rows.at(-1)?.seq)
            replaced = rows.length
          }
          // In the snapshot, so a row another writer commits meanwhile (whatever its seq) is not deleted.
          await tx.run('DELETE FROM document_updates WHERE document = ? AND seq <= ?', [
            document,
            top,
          ])
          await tx.run('INSERT INTO document_updates (document, data) VALUES (?, ?)', [
            document,
            merged,
          ])
          return replaced
        },
        { snapshot: true }
      )
    } catch (error) {
      // Another instance compacted the same rows first: theirs stands, ours has nothing left to do.
      if (this.sql.isSerializationFailure(error)) return 0
      throw error
    }
  }
}
