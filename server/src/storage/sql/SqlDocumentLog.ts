import type { DocumentLog, LoadedLog, MergeUpdates } from '../../ports/DocumentLog.ts'
import { type SqlClient, bytes, marks } from './SqlClient.ts'

const SELECT = 'SELECT seq, data FROM document_updates WHERE document = ? ORDER BY seq'

/** The update log in either engine: one row per accepted update, one snapshot transaction per compaction. */
export class SqlDocumentLog implements DocumentLog {
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

  async compact(document: string, merge: MergeUpdates): Promise<number> {
    try {
      return await this.sql.tx(
        async (tx) => {
          const rows = await tx.all(SELECT, [document])
          if (rows.length <= 1) return 0
          const merged = merge(rows.map((r) => bytes(r.data)))
          // In the snapshot, so a row another writer commits meanwhile (whatever its seq) is not deleted.
          await tx.run('DELETE FROM document_updates WHERE document = ? AND seq <= ?', [
            document,
            Number(rows.at(-1)?.seq),
          ])
          await tx.run('INSERT INTO document_updates (document, data) VALUES (?, ?)', [
            document,
            merged,
          ])
          return rows.length
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
