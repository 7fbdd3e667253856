import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { DocumentLog } from '../ports/DocumentLog.ts'
import { LocalRelay } from '../ports/Relay.ts'
import { silentLogger } from '../logger.ts'
import { type Admit, CollabServer } from './CollabServer.ts'

const emptyLog: DocumentLog = {
  load: async () => ({ updates: [], upTo: 0 }),
  versions: async () => new Map(),
  append: async () => 1,
  compact: async () => 0,
}

const OPTIONS = {
  maxFrameBytes: 1 << 20,
  maxDocumentBytes: 1 << 20,
  unloadDelayMs: 0,
  compactAfter: 500,
  awarenessFlushMs: 0,
  messagesPerSecond: 1000,
  messageBurst: 1000,
  heartbeatMs: 100,
  maxBufferedBytes: 1 << 20,
}

const started: { http: Server; collab: CollabServer }[] = []
afterEach(async () => {
  for (const { http, collab } of started.splice(0)) {
    collab.close()
    await new Promise((resolve) => http.close(resolve))
  }
})

async function serve(admit: Admit): Promise<string> {
  const collab = new CollabServer(emptyLog, new LocalRelay(), admit, OPTIONS, silentLogger)
  const http = createServer()
  http.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  started.push({ http, collab })
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/collab/spec:t1`
}

describe('CollabServer heartbeat', () => {
  it('keeps a socket whose admission outlasts several heartbeats (issue 9: 1,000 sockets at once)', async () => {
    const slowAdmit: Admit = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5 * OPTIONS.heartbeatMs))
      return {
        ok: true,
        identity: { personId: 'p1', name: 'Person', role: 'owner' },
        canWrite: true,
        sharesPresence: true,
      }
    }
    const ws = new WebSocket(await serve(slowAdmit))
    let closeCode: number | null = null
    ws.on('close', (code) => {
      closeCode = code
    })
    // The server's sync step 1 comes once the socket is admitted and the room has loaded.
    const first = await new Promise<Buffer | null>((resolve) => {
      ws.once('message', (data: Buffer) => resolve(data))
      ws.once('close', () => resolve(null))
    })
    expect(closeCode).toBeNull()
    expect(first?.[0]).toBe(0)
    ws.close()
  })
})
