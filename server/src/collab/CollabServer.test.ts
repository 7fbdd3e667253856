import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { silentLogger } from '../logger.ts'
import type { DocumentLog, LoadedLog } from '../ports/DocumentLog.ts'
import { LocalRelay } from '../ports/Relay.ts'
import { CollabServer } from './CollabServer.ts'

/** A document log in memory whose commits take `commitMs`, as a busy database's do. */
class SlowLog implements DocumentLog {
  readonly rows: Uint8Array[] = []
  constructor(private readonly commitMs: number) {}
  async load(): Promise<LoadedLog> {
    return { updates: [...this.rows], upTo: this.rows.length }
  }
  async versions(documents: readonly string[]): Promise<Map<string, string>> {
    return new Map(documents.map((d) => [d, String(this.rows.length)]))
  }
  async append(_document: string, update: Uint8Array): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, this.commitMs))
    this.rows.push(update)
    return this.rows.length
  }
  async compact(): Promise<number> {
    return 0
  }
}

describe('CollabServer unloading', () => {
  let server: CollabServer | undefined
  afterEach(() => server?.close())

  it('keeps a room nobody has open while server changes still wait their turn in it', async () => {
    const log = new SlowLog(20)
    server = new CollabServer(
      log,
      new LocalRelay(),
      () => Promise.reject(new Error('no sockets in this test')),
      {
        maxFrameBytes: 1 << 20,
        maxDocumentBytes: 1 << 22,
        unloadDelayMs: 0,
        compactAfter: 500,
        awarenessFlushMs: 0,
        messagesPerSecond: 100,
        messageBurst: 100,
        heartbeatMs: 60_000,
        maxBufferedBytes: 1 << 20,
      },
      silentLogger
    )
    const live = server
    // The first change's unload timer fires while the second commits and the third still waits.
    const changes = [1, 2, 3, 4].map((n) =>
      live.change('stage:burst', (doc) => doc.getMap('reactions').set(`clap${n}`, n))
    )
    await expect(Promise.all(changes)).resolves.toHaveLength(4)
    expect(log.rows).toHaveLength(4)
    const stored = new Y.Doc()
    for (const row of log.rows) Y.applyUpdate(stored, row)
    expect(stored.getMap('reactions').toJSON()).toEqual({ clap1: 1, clap2: 2, clap3: 3, clap4: 4 })
  })
})
