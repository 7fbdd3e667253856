import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { sqliteClient } from './sqliteClient.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-client-'))
  dirs.push(dir)
  const db = new Database(join(dir, 'test.db'))
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)')
  return sqliteClient(db)
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('sqliteClient', () => {
  it('runs transactions that start at once one after the other, each committing', async () => {
    const sql = open()
    const started = [0, 1, 2, 3].map((i) =>
      sql.tx(async (tx) => {
        await tx.run('INSERT INTO t (k) VALUES (?)', [`a${i}`])
        await tick()
        return i
      })
    )
    expect(await Promise.all(started)).toEqual([0, 1, 2, 3])
    expect(await sql.all('SELECT k FROM t ORDER BY k')).toHaveLength(4)
    await sql.close()
  })

  it('keeps a statement waiting for a transaction out of it when that transaction rolls back', async () => {
    const sql = open()
    const first = sql.tx(async (tx) => {
      await tx.run('INSERT INTO t (k) VALUES (?)', ['rolled back'])
      await tick()
      throw new Error('abandoned')
    })
    // Both wait for the first; neither may run inside it or inside each other.
    const waiting = [
      sql.run('INSERT INTO t (k) VALUES (?)', ['outside']),
      sql.tx(async (tx) => tx.run('INSERT INTO t (k) VALUES (?)', ['second'])),
    ]
    await expect(first).rejects.toThrow('abandoned')
    await Promise.all(waiting)
    expect((await sql.all('SELECT k FROM t ORDER BY k')).map((r) => r.k)).toEqual([
      'outside',
      'second',
    ])
    await sql.close()
  })
})
