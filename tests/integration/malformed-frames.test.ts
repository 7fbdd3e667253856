import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_CODE } from '@specboard/shared'
import {
  createTeamFixture,
  diskContains,
  useServer,
  type TeamFixture,
} from '../helpers/fixtures.ts'
import { notesText } from '../helpers/notes.ts'
import { seededRandom, sorted, tokensOf } from '../helpers/tokens.ts'
import {
  frames,
  RawSocket,
  sleep,
  syncedProvider,
  updateFrom,
  waitFor,
  type ProviderClient,
} from '../helpers/wsClient.ts'

const MAX_FRAME_BYTES = 64 * 1024

/** Resident memory of a process, in MiB. */
function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
}
/** Every bad frame that carries text carries this, so the disk can be searched for it. */
const MARKER = 'BAD-FRAME'

function garbage(seed: number, length: number): Uint8Array {
  const random = seededRandom(seed)
  return Uint8Array.from({ length }, () => Math.floor(random() * 256))
}

const markedUpdate = (label: string) =>
  updateFrom((d) => notesText(d).insert(0, `[${MARKER}-${label}]`))

/**
 * A Yjs update that `Y.decodeUpdate` accepts but `Y.applyUpdate` cannot integrate: its second item names
 * a parent (client 566239323, clock 16) that does not exist. Yjs integrates the first item (a new type in
 * the 'what' fragment), then throws.
 */
const INCONSISTENT_UPDATE = Uint8Array.from([
  1, 2, 219, 192, 128, 142, 2, 0, 7, 1, 4, 119, 104, 97, 116, 6, 4, 0, 219, 192, 128, 142, 2, 16,
  11, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 0,
])

interface BadInput {
  readonly name: string
  readonly code: number
  readonly frames: () => (Uint8Array | string)[]
}

const BAD_INPUTS: BadInput[] = [
  { name: 'a text frame "-1"', code: CLOSE_CODE.malformedMessage, frames: () => ['-1'] },
  {
    name: 'random garbage bytes',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [garbage(1, 257)],
  },
  {
    name: 'more random garbage bytes',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [garbage(2, 3000)],
  },
  {
    name: 'an empty binary frame',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [new Uint8Array(0)],
  },
  {
    name: 'a truncated sync update',
    code: CLOSE_CODE.malformedMessage,
    frames: () => {
      const frame = frames.syncUpdate(markedUpdate('truncated'))
      return [frame.slice(0, Math.floor(frame.length / 2))]
    },
  },
  {
    name: 'a truncated sync step 1',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [Uint8Array.from([0, 0, 5, 1])],
  },
  {
    name: 'an unknown sync message type',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [Uint8Array.from([0, 7, 0])],
  },
  {
    name: 'a sync update holding bytes that are no Yjs update',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [frames.syncUpdate(garbage(3, 64))],
  },
  {
    name: 'a sync step 2 holding bytes that are no Yjs update',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [frames.syncStep2(Uint8Array.from([1, 1, 255, 255, 255, 255, 15, 0, 40, 1, 0]))],
  },
  {
    name: 'a sync update followed by trailing bytes',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [Uint8Array.from([...frames.syncUpdate(markedUpdate('trailing')), 0, 0])],
  },
  {
    name: 'an unknown message type',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [Uint8Array.from([42, 1, 2, 3])],
  },
  {
    name: 'an auth message',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [Uint8Array.from([2, 0, 0])],
  },
  {
    name: 'an awareness update with a number as state',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [frames.rawAwareness([{ clientId: 77, clock: 1, json: '42' }])],
  },
  {
    name: 'an awareness update with an array as state',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [frames.rawAwareness([{ clientId: 78, clock: 1, json: `["${MARKER}"]` }])],
  },
  {
    name: 'an awareness update with invalid JSON',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [frames.rawAwareness([{ clientId: 79, clock: 1, json: '{"user":' }])],
  },
  {
    name: 'an awareness state over the size cap',
    code: CLOSE_CODE.malformedMessage,
    frames: () => [
      frames.rawAwareness([
        { clientId: 80, clock: 1, json: JSON.stringify({ pad: 'x'.repeat(20_000) }) },
      ]),
    ],
  },
  {
    name: 'a frame over MAX_FRAME_BYTES',
    code: CLOSE_CODE.frameTooLarge,
    frames: () => [
      frames.syncUpdate(
        updateFrom((d) => notesText(d).insert(0, `[${MARKER}-big]${'x'.repeat(MAX_FRAME_BYTES)}`))
      ),
    ],
  },
  {
    name: 'a flood of thousands of tiny messages',
    code: CLOSE_CODE.rateLimited,
    // Empty awareness updates: valid, and as cheap as a message gets.
    frames: () => Array.from({ length: 5000 }, () => frames.awareness(Uint8Array.from([0]))),
  },
]

describe('malformed frames', () => {
  const server = useServer({ env: { MAX_FRAME_BYTES: String(MAX_FRAME_BYTES) } })
  let team: TeamFixture
  let owner: ProviderClient
  let talent: ProviderClient
  const written = new Set<string>()
  let edits = 0

  /** The two good clients still edit and sync both ways, and nobody disconnected them. */
  async function expectRoomHealthy(): Promise<void> {
    for (const [from, to] of [
      [owner, talent],
      [talent, owner],
    ]) {
      const token = `[ok${edits++}]`
      notesText(from.doc).insert(notesText(from.doc).length, token)
      written.add(token)
      await waitFor(() => notesText(to.doc).toString().includes(token), {
        timeoutMs: 3000,
        what: `${token} to arrive`,
      })
    }
    expect(owner.closes).toEqual([])
    expect(talent.closes).toEqual([])
    const health = await fetch(`${server().url}/api/health`)
    expect(health.status).toBe(200)
  }

  beforeAll(async () => {
    team = await createTeamFixture(server())
    owner = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
    talent = await syncedProvider(server(), team.documents.spec, team.tokens.talent)
    notesText(owner.doc)
    await waitFor(() => talent.doc.getXmlFragment('why').length === 1)
    await expectRoomHealthy()
  })

  afterAll(() => {
    owner?.destroy()
    talent?.destroy()
  })

  it.each(BAD_INPUTS)(
    'closes a writer that sends $name with $code, and the room carries on',
    async (input) => {
      const socket = await RawSocket.open(server(), team.documents.spec, team.tokens.owner)
      try {
        // The server's sync step 1 shows the socket was admitted to the room.
        await waitFor(() => socket.received.length > 0, { what: 'the sync step 1 from the server' })
        for (const frame of input.frames()) socket.send(frame)
        const { code } = await socket.waitClosed()
        expect(code).toBe(input.code)
        await expectRoomHealthy()
        expect(await diskContains(server(), MARKER)).toBe(false)
        expect(notesText(owner.doc).toString()).not.toContain(MARKER)
      } finally {
        socket.terminate()
      }
    }
  )

  it('keeps nothing of the bad frames across a restart, and everything the good clients wrote', async () => {
    // Let the providers reconnect to the new process (same port) after the restart.
    await server().restart()
    const fresh = await syncedProvider(server(), team.documents.spec, team.tokens.caretaker)
    try {
      const notes = notesText(fresh.doc).toString()
      expect(notes).not.toContain(MARKER)
      expect(sorted(tokensOf(notes))).toEqual(sorted(written))
      expect(fresh.doc.getXmlFragment('what').length).toBe(0)
      expect(await diskContains(server(), MARKER)).toBe(false)
    } finally {
      fresh.destroy()
    }
  })
})

describe('an update that Yjs decodes but cannot apply', () => {
  const server = useServer()
  let team: TeamFixture
  let owner: ProviderClient
  let talent: ProviderClient

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Inconsistent')
    owner = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
    talent = await syncedProvider(server(), team.documents.spec, team.tokens.talent)
  })

  afterAll(() => {
    owner?.destroy()
    talent?.destroy()
  })

  // Y.decodeUpdate accepts this update, Y.applyUpdate integrates its first item and then throws: the
  // room holds back what it integrated, reloads from disk and closes only the sender.
  it('closes a writer that sends a decodable but inconsistent Yjs update, and the room carries on', async () => {
    const socket = await RawSocket.open(server(), team.documents.spec, team.tokens.owner)
    try {
      await waitFor(() => socket.received.length > 0, { what: 'the sync step 1 from the server' })
      const fragmentBefore = owner.doc.getXmlFragment('what').length
      socket.send(frames.syncUpdate(INCONSISTENT_UPDATE))
      const { code } = await socket.waitClosed()
      await sleep(300)
      expect(owner.doc.getXmlFragment('what').length).toBe(fragmentBefore)
      expect(code).toBe(CLOSE_CODE.malformedMessage)
      expect(owner.closes).toEqual([])
      expect(talent.closes).toEqual([])
      await server().restart()
      const fresh = await syncedProvider(server(), team.documents.spec, team.tokens.caretaker)
      expect(fresh.doc.getXmlFragment('what').length).toBe(0)
      fresh.destroy()
    } finally {
      socket.terminate()
    }
  })
})

describe('a flood on one socket', () => {
  const server = useServer()
  let team: TeamFixture

  beforeAll(async () => {
    team = await createTeamFixture(server(), 'Flooded')
  })

  /**
   * While flooders hammer the room (each new socket blasting `makeFrame` until it is closed), a writer
   * types a timestamped token every 50 ms; returns how long each took to reach a reader.
   */
  async function latenciesDuringFlood(makeFrame: () => Uint8Array, durationMs: number) {
    const spec = team.documents.spec
    const writer = await syncedProvider(server(), spec, team.tokens.owner)
    const reader = await syncedProvider(server(), spec, team.tokens.talent)
    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    notesText(writer.doc, 'future')
    await waitFor(() => reader.doc.getXmlFragment('future').length === 1, {
      what: 'the flood paragraph at the reader',
    })
    notesText(reader.doc, 'future').observe((event) => {
      for (const op of event.changes.delta) {
        if (typeof op.insert !== 'string') continue
        for (const token of tokensOf(op.insert)) {
          const at = sentAt.get(token)
          if (at !== undefined) latencies.push(performance.now() - at)
        }
      }
    })
    const closeCodes: number[] = []
    let flooding = true
    const flood = (async () => {
      while (flooding) {
        const socket = await RawSocket.open(server(), spec, team.tokens.caretaker)
        const frame = makeFrame()
        for (let i = 0; i < 5000 && socket.isOpen; i++) {
          socket.send(frame)
          if (i % 500 === 499) await new Promise((r) => setImmediate(r))
        }
        closeCodes.push((await socket.waitClosed(5000)).code)
      }
    })()
    const start = performance.now()
    let n = 0
    while (performance.now() - start < durationMs) {
      const token = `[f${n++}]`
      sentAt.set(token, performance.now())
      notesText(writer.doc, 'future').insert(0, token)
      await sleep(50)
    }
    flooding = false
    await flood
    await waitFor(() => latencies.length === sentAt.size, { what: 'every token at the reader' })
    writer.destroy()
    reader.destroy()
    return { latencies, closeCodes, tokens: sentAt.size }
  }

  it('closes the flooder with 4429 and delivers other clients updates within 1 s meanwhile (tiny messages)', async () => {
    const { latencies, closeCodes, tokens } = await latenciesDuringFlood(
      () => frames.awareness(Uint8Array.from([0])),
      3000
    )
    expect(tokens).toBeGreaterThan(5) // the writer typed while the flood ran (fewer on a loaded machine)
    expect(closeCodes.length).toBeGreaterThan(0)
    expect(new Set(closeCodes)).toEqual(new Set([CLOSE_CODE.rateLimited]))
    expect(Math.max(...latencies)).toBeLessThan(1000)
  })

  // A sync step 1 costs the server a full encoding of the document, queued whether or not the client
  // reads it; 999 requests stay under the rate limit's burst. A socket that stops reading is closed once
  // its queue passes MAX_BUFFERED_BYTES, so it cannot make the server hold ~1000 copies of the document.
  it('does not buffer the document hundreds of times for sockets that request it and never read', async () => {
    const filler = await syncedProvider(server(), team.documents.spec, team.tokens.owner)
    notesText(filler.doc, 'role').insert(0, 'y'.repeat(100_000))
    await sleep(200)
    filler.destroy()
    const before = rssMiB(server().pid)
    const sockets: RawSocket[] = []
    try {
      for (let i = 0; i < 3; i++) {
        const socket = await RawSocket.open(server(), team.documents.spec, team.tokens.reviewer)
        socket.pauseReading()
        const request = frames.syncStep1(Y.encodeStateVector(new Y.Doc()))
        for (let k = 0; k < 999; k++) socket.send(request)
        sockets.push(socket)
      }
      await sleep(1500)
      expect(rssMiB(server().pid) - before).toBeLessThan(150)
    } finally {
      for (const socket of sockets) socket.terminate()
    }
  })
})
