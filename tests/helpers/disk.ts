/** Direct reads (and one write) of the SQLite file: what survived is checked on disk, not in a client's memory. */
import Database from 'better-sqlite3'
import * as Y from 'yjs'

/** The rows of a document's update log, read straight from the SQLite file. */
export function readUpdateRows(dbFile: string, document: string): Uint8Array[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const rows = db
      .prepare('SELECT data FROM document_updates WHERE document = ? ORDER BY seq')
      .pluck()
      .all(document) as Buffer[]
    return rows.map((b) => new Uint8Array(b))
  } finally {
    db.close()
  }
}

/** The document as the SQLite file holds it: every row of its log applied to a fresh Y.Doc. */
export function loadDocFromDisk(dbFile: string, document: string): Y.Doc {
  const doc = new Y.Doc()
  for (const row of readUpdateRows(dbFile, document)) Y.applyUpdate(doc, row)
  return doc
}

/** Whether any stored row of any document contains `marker` (as UTF-8 bytes, the way Yjs stores strings). */
export function diskContains(dbFile: string, marker: string): boolean {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT data FROM document_updates').pluck().all() as Buffer[]
    return rows.some((b) => b.includes(marker))
  } finally {
    db.close()
  }
}

/** Appends an update to a document's log behind the server's back (to prove a later load reads the disk). */
export function appendRowOnDisk(dbFile: string, document: string, update: Uint8Array): void {
  const db = new Database(dbFile, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('INSERT INTO document_updates (document, data) VALUES (?, ?)').run(document, update)
  } finally {
    db.close()
  }
}
