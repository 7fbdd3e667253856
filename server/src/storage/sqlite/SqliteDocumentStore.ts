import type Database from 'better-sqlite3'
import type { DocumentStore } from '../Storage.ts'

/** The update log in SQLite: one row per accepted update, one transaction per compaction. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly insert: Database.Statement
  private readonly select: Database.Statement
  private readonly count: Database.Statement
  private readonly remove: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT INTO document_updates (document, data) VALUES (?, ?)')
    this.select = db
      .prepare('SELECT data FROM document_updates WHERE document = ? ORDER BY seq')
      .pluck()
    this.count = db.prepare('SELECT COUNT(*) FROM document_updates WHERE document = ?').pluck()
    this.remove = db.prepare('DELETE FROM document_updates WHERE document = ?')
  }

  loadUpdates(document: string): Uint8Array[] {
    return (this.select.all(document) as Buffer[]).map(
      (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
    )
  }

  appendUpdate(document: string, update: Uint8Array): void {
    this.insert.run(document, update)
  }

  countUpdates(document: string): number {
    return this.count.get(document) as number
  }

  replaceUpdates(document: string, merged: Uint8Array): void {
    this.db.transaction(() => {
      this.remove.run(document)
      this.insert.run(document, merged)
    })()
  }
}
