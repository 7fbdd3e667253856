import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SqlClient } from '../sql/SqlClient.ts'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** Any number, the same on every instance: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 0x5bec_b0a7

/**
 * Applies every numbered `migrations/NNN_name.sql` the database has not applied yet, each in its own
 * transaction. Instances starting together take turns on an advisory lock held for the whole run, so a
 * migration runs once and the second instance finds it applied.
 */
export async function migratePostgres(sql: SqlClient): Promise<number[]> {
  return sql.tx(async (tx) => {
    // Transaction-scoped: released by the commit or the rollback, whatever happens.
    await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK])
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)'
    )
    const applied = new Set(
      (await tx.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version))
    )
    const ran: number[] = []
    for (const file of readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{3}_.+\.sql$/.test(f))
      .sort()) {
      const version = Number(file.slice(0, 3))
      if (applied.has(version)) continue
      await tx.run(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'))
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        version,
        new Date().toISOString(),
      ])
      ran.push(version)
    }
    return ran
  })
}
