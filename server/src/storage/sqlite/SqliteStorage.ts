import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Storage } from '../../ports/Storage.ts'
import { openSqlStorage } from '../sql/openSqlStorage.ts'
import { sqliteClient } from '../sql/sqliteClient.ts'
import { migrate } from './migrate.ts'

/** Opens (and migrates) the SQLite file at `file`; WAL, so readers never block the writer. */
export function openSqliteStorage(file: string): Storage {
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a crash of this process (kill -9); only a
  // power loss may drop the last commits. FULL would fsync on every keystroke.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return openSqlStorage(sqliteClient(db))
}
