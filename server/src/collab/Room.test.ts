import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { MAX_AWARENESS_BYTES } from '@specboard/shared'
import type { DocumentStore } from '../storage/Storage.ts'
import { Connection } from './Connection.ts'
import {
  MalformedMessageError,
  SYNC_TYPE,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSync,
} from './messages.ts'
import { Room } from './Room.ts'
import type { DocumentRules } from './checks/DocumentRules.ts'

const frames = { queryAwareness: Uint8Array.from([3]) }
const ACCEPT_ALL: DocumentRules = { check: () => null }

/** What happened, in order, across the store and every socket: the test reads persist-then-broadcast off it. */
type Event =
  | { kind: 'append'; update: Uint8Array }
  | { kind: 'replace' }
  | { kind: 'send'; to: string; frame: Uint8Array }

class MemoryStore implements DocumentStore {
  readonly rows = new Map<string, Uint8Array[]>()
  constructor(private readonly events: Event[]) {}
  loadUpdates(document: string) {
    return [...(this.rows.get(document) ?? [])]
  }
  appendUpdate(document: string, update: Uint8Array) {
    this.events.push({ kind: 'append', update })
    this.rows.set(document, [...this.loadUpdates(document), update])
  }
  countUpdates(document: string) {
    return this.loadUpdates(document).length
  }
  replaceUpdates(document: string, merged: Uint8Array) {
    this.events.push({ kind: 'replace' })
    this.rows.set(document, [merged])
  }
}

function connection(
  events: Event[],
  name: string,
  canWrite = true,
  sharesPresence = true
): Connection {
  const socket = {
    OPEN: 1,
    CONNECTING: 0,
    readyState: 1,
    send: (frame: Uint8Array) => events.push({ kind: 'send', to: name, frame }),
    close: () => {},
  }
  const role = !sharesPresence ? 'audience' : canWrite ? 'owner' : 'reviewer'
  return new Connection(
    socket as unknown as WebSocket,
    { personId: name, name: `Person ${name}`, role },
    canWrite,
    {
      messagesPerSecond: 1000,
      messageBurst: 1000,
      maxBufferedBytes: 1 << 20,
    },
    sharesPresence
  )
}

function updateFrom(edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  edit(doc)
  return Y.mergeUpdates(updates)
}

const text = (value: string) => updateFrom((d) => d.getText('t').insert(0, value))
const textOf = (rows: Uint8Array[]) => {
  const doc = new Y.Doc()
  for (const row of rows) Y.applyUpdate(doc, row)
  return doc.getText('t').toString()
}
const sentTo = (events: Event[], name: string) =>
  events.filter((e): e is Extract<Event, { kind: 'send' }> => e.kind === 'send' && e.to === name)
const nextTick = () => new Promise((resolve) => setImmediate(resolve))

/** Decoded in a test: what a presence frame says about each client id. */
function presenceIn(frame: Uint8Array) {
  const message = decodeMessage(frame)
  return message.type === 'awareness' ? decodeAwarenessUpdate(message.update) : []
}

const rooms: Room[] = []
function newRoom(
  store: DocumentStore,
  options: Partial<{ compactAfter: number; awarenessFlushMs: number }> = {}
): Room {
  const room = new Room(
    'spec:t1',
    store,
    { compactAfter: 500, awarenessFlushMs: 0, maxDocumentBytes: 1 << 20, ...options },
    ACCEPT_ALL
  )
  rooms.push(room)
  return room
}

afterEach(() => {
  for (const room of rooms.splice(0)) if (!room.doc.isDestroyed) room.destroy()
})

describe('Room', () => {
  it('loads every stored update before a socket joins, and starts the handshake with its state vector', () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    store.rows.set('spec:t1', [text('b'), text('a')])
    const room = newRoom(store)
    expect(room.doc.getText('t').length).toBe(2)
    room.add(connection(events, 'x'))
    const [first] = sentTo(events, 'x')
    expect(decodeMessage(first.frame)).toEqual({
      type: 'syncStep1',
      stateVector: Y.encodeStateVector(room.doc),
    })
  })

  it('stores an update before any other socket receives it, and does not echo it to its sender', () => {
    const events: Event[] = []
    const room = newRoom(new MemoryStore(events))
    const writer = connection(events, 'writer')
    const reader = connection(events, 'reader')
    room.add(writer)
    room.add(reader)
    events.length = 0
    const update = text('hello')
    room.receive(writer, encodeSync(SYNC_TYPE.update, update))
    expect(events.map((e) => (e.kind === 'send' ? `send:${e.to}` : e.kind))).toEqual([
      'append',
      'send:reader',
    ])
    expect(decodeMessage((events[1] as Extract<Event, { kind: 'send' }>).frame).type).toBe(
      'syncUpdate'
    )
    expect(room.doc.getText('t').toString()).toBe('hello')
  })

  it('applies and stores a writer’s sync step 2 like an update', () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const room = newRoom(store)
    const writer = connection(events, 'writer')
    room.add(writer)
    room.receive(writer, encodeSync(SYNC_TYPE.step2, text('offline')))
    expect(textOf(store.loadUpdates('spec:t1'))).toBe('offline')
  })

  it('answers sync step 1 with exactly what the client lacks', () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const base = new Y.Doc()
    base.getText('t').insert(0, 'abc')
    store.rows.set('spec:t1', [Y.encodeStateAsUpdate(base)])
    const room = newRoom(store)
    const client = connection(events, 'client')
    room.add(client)
    room.receive(client, encodeSync(SYNC_TYPE.step1, Y.encodeStateVector(new Y.Doc())))
    const reply = decodeMessage(sentTo(events, 'client').at(-1)!.frame)
    expect(reply.type).toBe('syncStep2')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (reply as { update: Uint8Array }).update)
    expect(doc.getText('t').toString()).toBe('abc')
  })

  it('drops sync step 2 and updates from a read-only socket: nothing applied, stored or sent', () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const room = newRoom(store)
    const reviewer = connection(events, 'reviewer', false)
    const writer = connection(events, 'writer')
    room.add(reviewer)
    room.add(writer)
    events.length = 0
    room.receive(reviewer, encodeSync(SYNC_TYPE.update, text('forged')))
    room.receive(reviewer, encodeSync(SYNC_TYPE.step2, text('forged too')))
    expect(events).toEqual([])
    expect(room.doc.getText('t').length).toBe(0)
    expect(reviewer.droppedUpdates).toBe(2)
    room.receive(reviewer, encodeSync(SYNC_TYPE.step2, Y.encodeStateAsUpdate(new Y.Doc())))
    expect(reviewer.droppedUpdates).toBe(2)
  })

  it('throws MalformedMessageError and stores nothing for bytes that are no Yjs update', () => {
    const events: Event[] = []
    const room = newRoom(new MemoryStore(events))
    const writer = connection(events, 'writer')
    room.add(writer)
    events.length = 0
    expect(() =>
      room.receive(
        writer,
        encodeSync(SYNC_TYPE.update, Uint8Array.from([1, 1, 255, 255, 255, 255, 15, 0, 40, 1, 0]))
      )
    ).toThrow(MalformedMessageError)
    expect(events).toEqual([])
  })

  // Y.decodeUpdate accepts this update, but Y.applyUpdate integrates its first item (a new type in the
  // 'what' fragment) and then throws; the room must keep none of it.
  it('stores and relays nothing of an update that Yjs decodes but cannot apply, and refuses it as malformed', () => {
    const events: Event[] = []
    const room = newRoom(new MemoryStore(events))
    const writer = connection(events, 'writer')
    room.add(writer)
    room.add(connection(events, 'other'))
    events.length = 0
    const inconsistent = Uint8Array.from([
      1, 2, 219, 192, 128, 142, 2, 0, 7, 1, 4, 119, 104, 97, 116, 6, 4, 0, 219, 192, 128, 142, 2,
      16, 11, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 0,
    ])
    expect(() => Y.decodeUpdate(inconsistent)).not.toThrow()
    let thrown: unknown
    try {
      room.receive(writer, encodeSync(SYNC_TYPE.update, inconsistent))
    } catch (error) {
      thrown = error
    }
    expect(events).toEqual([])
    expect(thrown).toBeInstanceOf(MalformedMessageError)
  })

  it('compacts the log into one row once it holds more than compactAfter, keeping the content', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const room = newRoom(store, { compactAfter: 5 })
    const writer = connection(events, 'writer')
    room.add(writer)
    const local = new Y.Doc()
    local.on('update', (u: Uint8Array) => room.receive(writer, encodeSync(SYNC_TYPE.update, u)))
    for (let i = 0; i < 6; i++) local.getText('t').insert(i, String(i))
    expect(store.loadUpdates('spec:t1').length).toBe(6)
    await nextTick()
    expect(store.loadUpdates('spec:t1').length).toBe(1)
    expect(textOf(store.loadUpdates('spec:t1'))).toBe('012345')
    for (let i = 6; i < 30; i++) {
      local.getText('t').insert(i, String(i % 10))
      await nextTick()
      expect(store.loadUpdates('spec:t1').length).toBeLessThanOrEqual(5)
    }
    expect(textOf(store.loadUpdates('spec:t1'))).toBe(local.getText('t').toString())
  })

  it('compacts an over-long log when it loads', () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    store.rows.set('spec:t1', ['a', 'b', 'c', 'd'].map(text))
    newRoom(store, { compactAfter: 3 })
    expect(store.loadUpdates('spec:t1').length).toBe(1)
    expect(textOf(store.loadUpdates('spec:t1')).split('').sort().join('')).toBe('abcd')
  })

  it('loads a long update log completely', () => {
    // A log can grow long (a high COMPACT_AFTER, or a crash before compaction); how fast it loads is
    // measured by bench/collab.ts (c), not here.
    const events: Event[] = []
    const store = new MemoryStore(events)
    const local = new Y.Doc()
    const rows: Uint8Array[] = []
    local.on('update', (u: Uint8Array) => rows.push(u))
    for (let i = 0; i < 20_000; i++)
      local.getText('t').insert(i % 7 === 0 ? 0 : local.getText('t').length, 'x')
    store.rows.set('spec:t1', rows)
    const room = newRoom(store, { compactAfter: 1_000_000 })
    expect(room.doc.getText('t').length).toBe(20_000)
  })

  describe('presence', () => {
    function presenceUpdate(
      clientId: number,
      clock: number,
      state: Record<string, unknown> | null
    ): Uint8Array {
      return encodeAwareness(encodeAwarenessUpdate([{ clientId, clock, state }]))
    }

    it('relays presence with the identity the server vouches for, read-only sockets included', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const reviewer = connection(events, 'reviewer', false)
      const writer = connection(events, 'writer')
      room.add(reviewer)
      room.add(writer)
      room.receive(
        reviewer,
        presenceUpdate(11, 1, {
          user: { name: 'I am the coordinator', role: 'coordinator' },
          section: 'why',
        })
      )
      await new Promise((resolve) => setTimeout(resolve, 5))
      const seen = sentTo(events, 'writer').flatMap((e) => presenceIn(e.frame))
      expect(seen).toHaveLength(1)
      expect(seen[0].state).toMatchObject({
        section: 'why',
        user: { name: 'Person reviewer', role: 'reviewer', personId: 'reviewer' },
      })
    })

    it('drops entries for client ids another socket owns', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const a = connection(events, 'a')
      const b = connection(events, 'b')
      room.add(a)
      room.add(b)
      room.receive(a, presenceUpdate(21, 1, { section: 'what' }))
      room.receive(b, presenceUpdate(21, 2, { section: 'hijacked' }))
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(room.awareness.getStates().get(21)).toMatchObject({
        section: 'what',
        user: { personId: 'a' },
      })
    })

    it('withdraws the presence of a socket that leaves', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const a = connection(events, 'a')
      room.add(a)
      room.receive(a, presenceUpdate(31, 1, { section: 'what' }))
      expect(room.awareness.getStates().has(31)).toBe(true)
      room.remove(a)
      expect(room.awareness.getStates().has(31)).toBe(false)
    })

    it('lets a socket announce one client id, whatever else its messages carry (issue 12)', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const a = connection(events, 'a')
      room.add(a)
      const many = Array.from({ length: 10 }, (_, i) => ({
        clientId: 100 + i,
        clock: 1,
        state: { section: 'what' },
      }))
      room.receive(a, encodeAwareness(encodeAwarenessUpdate(many)))
      expect([...room.awareness.getStates().keys()]).toEqual([100])
      room.receive(a, presenceUpdate(200, 1, { section: 'why' }))
      expect([...room.awareness.getStates().keys()]).toEqual([100])
      const flood = Array.from({ length: 10_000 }, (_, i) => ({
        clientId: 1000 + i,
        clock: 1,
        state: { section: 'what' },
      }))
      expect(() => room.receive(a, encodeAwareness(encodeAwarenessUpdate(flood)))).toThrow(
        MalformedMessageError
      )
      expect(room.awareness.getStates().size).toBe(1)
      // A newcomer's first presence holds the one real state.
      const late = connection(events, 'late')
      room.add(late)
      expect(sentTo(events, 'late').flatMap((e) => presenceIn(e.frame))).toHaveLength(1)
    })

    it('keeps a read-only socket to a small state, and sends the audience nobody’s presence', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const reviewer = connection(events, 'reviewer', false)
      const viewer = connection(events, 'viewer', false, false)
      room.add(reviewer)
      room.add(viewer)
      expect(() =>
        room.receive(reviewer, presenceUpdate(51, 1, { pad: 'x'.repeat(2000) }))
      ).toThrow(MalformedMessageError)
      room.receive(reviewer, presenceUpdate(52, 1, { section: 'why' }))
      room.receive(viewer, presenceUpdate(53, 1, { section: 'why' }))
      room.receive(viewer, frames.queryAwareness)
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect([...room.awareness.getStates().keys()]).toEqual([52])
      expect(sentTo(events, 'viewer').flatMap((e) => presenceIn(e.frame))).toEqual([])
      const seenLater = connection(events, 'viewer2', false, false)
      room.add(seenLater)
      expect(sentTo(events, 'viewer2').flatMap((e) => presenceIn(e.frame))).toEqual([])
    })

    it('refuses a presence update over the size cap', () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const a = connection(events, 'a')
      room.add(a)
      expect(() =>
        room.receive(a, presenceUpdate(41, 1, { pad: 'x'.repeat(MAX_AWARENESS_BYTES) }))
      ).toThrow(MalformedMessageError)
      expect(room.awareness.getStates().has(41)).toBe(false)
    })
  })
})
