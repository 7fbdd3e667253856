/**
 * Direct reads (and a few writes) of what the server stored, in whichever database it runs on: its SQLite
 * file, or the PostgreSQL database named by its DATABASE_URL. What survived is checked in the store, not
 * in a client's memory.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import * as Y from 'yjs'
import type { TestServer } from './startServer.ts'

type Row = Record<string, unknown>
type Param = string | number | null | Uint8Array

/** Runs one statement against the server's database (`?` placeholders in both engines). */
export async function queryStore(
  server: Pick<TestServer, 'dbFile' | 'env'>,
  sql: string,
  params: readonly Param[] = []
): Promise<Row[]> {
  const url = server.env.DATABASE_URL
  if (url) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      let n = 0
      const text = sql.replace(/'(?:[^']|'')*'|\?/g, (t) => (t === '?' ? `$${++n}` : t))
      return (await client.query(text, [...params])).rows as Row[]
    } finally {
      await client.end()
    }
  }
  const db = new Database(server.dbFile, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const statement = db.prepare(sql)
    if (statement.reader) return statement.all(...params) as Row[]
    statement.run(...params)
    return []
  } finally {
    db.close()
  }
}

/** The rows of a document's update log, oldest first. */
export async function readUpdateRows(
  server: Pick<TestServer, 'dbFile' | 'env'>,
  document: string
): Promise<Uint8Array[]> {
  const rows = await queryStore(
    server,
    'SELECT data FROM document_updates WHERE document = ? ORDER BY seq',
    [document]
  )
  return rows.map((r) => new Uint8Array(r.data as Buffer))
}

/** The document as the store holds it: every row of its log applied to a fresh Y.Doc. */
export async function loadDocFromDisk(
  server: Pick<TestServer, 'dbFile' | 'env'>,
  document: string
): Promise<Y.Doc> {
  const doc = new Y.Doc()
  for (const row of await readUpdateRows(server, document)) Y.applyUpdate(doc, row)
  return doc
}

/** Whether any stored row of any document contains `marker` (as UTF-8 bytes, the way Yjs stores strings). */
export async function diskContains(
  server: Pick<TestServer, 'dbFile' | 'env'>,
  marker: string
): Promise<boolean> {
  const rows = await queryStore(server, 'SELECT data FROM document_updates')
  return rows.some((r) => (r.data as Buffer).includes(marker))
}

/** Appends an update to a document's log behind the server's back (to prove a later load reads the store). */
export async function appendRowOnDisk(
  server: Pick<TestServer, 'dbFile' | 'env'>,
  document: string,
  update: Uint8Array
): Promise<void> {
  await queryStore(server, 'INSERT INTO document_updates (document, data) VALUES (?, ?)', [
    document,
    update,
  ])
}
