/**
 * The document log on the engine of this project (SQLite, or PostgreSQL in integration-pg): appends are
 * numbered, compaction replaces only the rows it merged while other writers append, and a statement
 * issued outside a transaction from inside it is refused instead of waiting forever.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_TEMPLATE } from '@specboard/shared'
import type { Storage } from '../../server/src/ports/Storage.ts'
import { mergeStoredUpdates } from '../../server/src/storage/loadDocument.ts'
import { openPostgresStorage } from '../../server/src/storage/postgres/PostgresStorage.ts'
import { openSqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage.ts'
import { freshDatabaseUrl } from '../helpers/startPostgres.ts'

const isPostgres = process.env.SPECBOARD_TEST_DATABASE === 'postgres'

async function openStorage(): Promise<Storage> {
  if (isPostgres) return openPostgresStorage(await freshDatabaseUrl(inject('postgresAdminUrl')))
  return openSqliteStorage(join(mkdtempSync(join(tmpdir(), 'specboard-log-')), 'specboard.db'))
}

/** An update inserting `text` at the end of a fresh client's own text. */
function insertUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

function tokensIn(updates: readonly Uint8Array[]): string[] {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return (doc.getText('t').toString().match(/<\d+>/g) ?? []).sort()
}

describe(`the document log on ${isPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  let storage: Storage
  beforeAll(async () => {
    storage = await openStorage()
  })
  afterAll(async () => {
    await storage.close()
  })

  it('numbers appends in order and loads them back with the highest seq', async () => {
    const first = await storage.log.append('spec:a', insertUpdate('<1>'))
    const second = await storage.log.append('spec:a', insertUpdate('<2>'))
    expect(second).toBeGreaterThan(first)
    const loaded = await storage.log.load('spec:a')
    expect(loaded.upTo).toBe(second)
    expect(tokensIn(loaded.updates)).toEqual(['<1>', '<2>'])
  })

  it('compacts into one row while two writers keep appending, losing nothing', async () => {
    const written: string[] = []
    const writer = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        const token = `<${name}${i}>`.replace(/[a-z]/g, (c) => String(c.charCodeAt(0)))
        await storage.log.append('spec:b', insertUpdate(token))
        written.push(token)
      }
    }
    // Compacts again and again for as long as the writers write, however slow the machine makes them.
    let writing = true
    const compactor = async () => {
      let merged = 0
      while (writing) {
        merged += await storage.log.compact('spec:b', mergeStoredUpdates)
        await new Promise((r) => setTimeout(r, 2))
      }
      return merged
    }
    const writers = Promise.all([writer('a'), writer('b')]).finally(() => {
      writing = false
    })
    const [, merged] = await Promise.all([writers, compactor()])
    expect(merged).toBeGreaterThan(0)
    await storage.log.compact('spec:b', mergeStoredUpdates)
    const { updates } = await storage.log.load('spec:b')
    expect(updates).toHaveLength(1)
    expect(tokensIn(updates)).toEqual([...written].sort())
  })

  it('stores a counted state without reading the rows when the log holds exactly that many, and merges the rows otherwise', async () => {
    for (const token of ['<1>', '<2>', '<3>'])
      await storage.log.append('spec:c', insertUpdate(token))
    // A state that the rows do not hold tells which path the compaction took.
    const counted = { state: insertUpdate('<99>') }
    expect(await storage.log.compact('spec:c', mergeStoredUpdates, { rows: 2, ...counted })).toBe(3)
    expect(tokensIn((await storage.log.load('spec:c')).updates)).toEqual(['<1>', '<2>', '<3>'])
    await storage.log.append('spec:c', insertUpdate('<4>'))
    expect(await storage.log.compact('spec:c', mergeStoredUpdates, { rows: 2, ...counted })).toBe(2)
    const { updates } = await storage.log.load('spec:c')
    expect(updates).toHaveLength(1)
    expect(tokensIn(updates)).toEqual(['<99>'])
    // One row: nothing to do, whatever was counted.
    expect(await storage.log.compact('spec:c', mergeStoredUpdates, { rows: 1, ...counted })).toBe(0)
  })

  it('rolls a unit of work back when it throws, and commits it otherwise', async () => {
    await expect(
      storage.tx(async ({ records }) => {
        await records.createPerson('Rolled back', false)
        throw new Error('changed my mind')
      })
    ).rejects.toThrow('changed my mind')
    await storage.tx(async ({ records }) => {
      await records.createPerson('Kept', false)
    })
    const program = await storage.records.createProgram({
      name: 'P',
      region: 'R',
      targets: {},
      template: DEFAULT_TEMPLATE,
      createdBy: null,
    })
    expect(program.name).toBe('P')
    expect(await storage.records.hasAdmin()).toBe(false)
  })

  it.skipIf(isPostgres)(
    'refuses a statement issued through the outer stores from inside a transaction',
    async () => {
      await expect(
        storage.tx(async () => {
          await storage.records.listPrograms()
        })
      ).rejects.toThrow(/outside the transaction/)
    }
  )
})
