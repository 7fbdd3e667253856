import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Storage } from '../../ports/Storage.ts'
import { openSqlStorage } from '../sql/openSqlStorage.ts'
import { sqliteClient } from '../sql/sqliteClient.ts'
import { migrate } from './migrate.ts'

/** WAL pages (4 KiB each) after which a commit checkpoints the WAL into the database file. */
const WAL_CHECKPOINT_PAGES = 10_000

/** Opens (and migrates) the SQLite file at `file`; WAL, so readers never block the writer. */
export function openSqliteStorage(file: string): Storage {
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a committed transaction survives a crash of this process (kill -9); only a
  // power loss may drop the last commits. FULL would fsync on every keystroke.
  db.pragma('synchronous = NORMAL')
  // A checkpoint runs inside the commit that passes this many WAL pages and fsyncs the WAL and the
  // database, then the next commit fsyncs the WAL's new header: 10–120 ms on the event loop on this
  // disk, almost all of it fsync whatever the WAL's size. At SQLite's default (1,000 pages) a busy
  // server checkpointed every 100 commits of 5 rows (~10 pages each); a 40 MiB WAL makes that 10× rarer.
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return openSqlStorage(sqliteClient(db))
}
