import type { Storage } from '../../ports/Storage.ts'
import { openSqlStorage } from '../sql/openSqlStorage.ts'
import { pgClient } from '../sql/pgClient.ts'
import { migratePostgres } from './migrate.ts'

/**
 * Connects to the PostgreSQL database at `url` and migrates it. Rejects, naming what failed, when the
 * database cannot be reached or migrated: nothing falls back to SQLite.
 */
export async function openPostgresStorage(url: string): Promise<Storage> {
  const sql = pgClient(url)
  try {
    await migratePostgres(sql)
  } catch (error) {
    await sql.close().catch(() => {})
    throw new Error(`DATABASE_URL: ${(error as Error).message}`)
  }
  return openSqlStorage(sql)
}
