import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Storage } from '../ports/Storage.ts'
import { openSqliteStorage } from './sqlite/SqliteStorage.ts'

const opened: { storage: Storage; dir: string }[] = []
afterEach(async () => {
  for (const { storage, dir } of opened.splice(0)) {
    await storage.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

/** A real SQLite file, its storage (whose log commits in groups), and a second reader of the file. */
function open() {
  const dir = mkdtempSync(join(tmpdir(), 'group-commit-'))
  const file = join(dir, 'specboard.db')
  const storage = openSqliteStorage(file)
  opened.push({ storage, dir })
  const storedRows = () => {
    const reader = new Database(file, { readonly: true })
    try {
      return reader.prepare('SELECT COUNT(*) FROM document_updates').pluck().get() as number
    } finally {
      reader.close()
    }
  }
  return { log: storage.log, storedRows }
}

describe('GroupCommitLog on SQLite', () => {
  it('commits the appends of one turn together, and resolves each only after the commit', async () => {
    const { log, storedRows } = open()
    const appends = ['a', 'b', 'c'].map((doc, i) =>
      log.append(`spec:${doc}`, new Uint8Array([i, 1]))
    )
    // Nothing is written before the turn ends, so nothing can have been acknowledged yet.
    expect(storedRows()).toBe(0)
    const seqs = await Promise.all(appends)
    expect(storedRows()).toBe(3)
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
    expect(new Set(seqs).size).toBe(3)
    const loaded = await log.load('spec:b')
    expect(loaded.updates.map((u) => [...u])).toEqual([[1, 1]])
    expect(loaded.upTo).toBe(seqs[1])
  })

  it('rejects every append of a group whose commit fails, and stores none of them', async () => {
    const { log, storedRows } = open()
    const appends = [
      log.append('spec:a', new Uint8Array([0, 0])),
      // NOT NULL refuses this row, which fails the group's transaction.
      log.append('spec:b', null as unknown as Uint8Array),
      log.append('spec:c', new Uint8Array([0, 0])),
    ]
    const results = await Promise.allSettled(appends)
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(storedRows()).toBe(0)
    // The next turn's group is not affected.
    await log.append('spec:a', new Uint8Array([0, 0]))
    expect(storedRows()).toBe(1)
  })
})
