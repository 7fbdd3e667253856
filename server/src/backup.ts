/**
 * `npm run backup -- <file>`: writes a consistent copy of the SQLite database while the server runs.
 * SQLite's online backup copies the pages as of one moment, including what still sits in the WAL — a file
 * copy of specboard.db alone would miss those. With PostgreSQL (DATABASE_URL) use pg_dump instead.
 *
 * Restore: stop the server, put the copy in DATA_DIR as specboard.db (removing any specboard.db-wal and
 * specboard.db-shm beside it), start the server.
 */
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { readConfig } from './config.ts'

async function main(argv: readonly string[]): Promise<number> {
  const target = argv[0]
  if (!target || argv.length > 1) {
    process.stderr.write('usage: npm run backup -- <file>\n')
    return 2
  }
  const config = readConfig()
  if (config.databaseUrl) {
    process.stderr.write(
      'DATABASE_URL is set: back up PostgreSQL with pg_dump, e.g. pg_dump -Fc "$DATABASE_URL" > specboard.dump\n'
    )
    return 2
  }
  const source = join(config.dataDir, 'specboard.db')
  if (!existsSync(source)) {
    process.stderr.write(`no database at ${source} (is DATA_DIR right?)\n`)
    return 1
  }
  const destination = resolve(target)
  if (existsSync(destination)) {
    process.stderr.write(`${destination} exists; choose a new file name\n`)
    return 1
  }
  // Read-only, and with a timeout: the running server keeps writing meanwhile.
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 })
  try {
    await db.backup(destination)
  } finally {
    db.close()
  }
  const kib = Math.ceil(statSync(destination).size / 1024)
  process.stdout.write(`backed up ${source} to ${destination} (${kib.toLocaleString('en')} KiB)\n`)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
