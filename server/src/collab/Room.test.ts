import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { MAX_AWARENESS_BYTES } from '@specboard/shared'
import type { CountedState, DocumentLog, LoadedLog, MergeUpdates } from '../ports/DocumentLog.ts'
import { LocalRelay, type DocumentMessage, type Relay } from '../ports/Relay.ts'
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
import { NotSavedError, RELAY_ORIGIN, RefusedUpdateError, Room } from './Room.ts'
import type { DocumentRules } from './checks/DocumentRules.ts'

const frames = { queryAwareness: Uint8Array.from([3]) }
const ACCEPT_ALL = Promise.resolve<DocumentRules>({ check: () => null })

/** What happened, in order, across the store and every socket: the test reads persist-then-broadcast off it. */
type Event =
  | { kind: 'append'; update: Uint8Array }
  | { kind: 'replace' }
  | { kind: 'send'; to: string; frame: Uint8Array }

/** The document log in memory; `failAppends` makes it refuse like an unreachable database. */
class MemoryStore implements DocumentLog {
  readonly rows = new Map<string, Uint8Array[]>()
  failAppends = false
  /** Resolved before each load completes: a test can hold the load back. */
  loadGate: Promise<void> = Promise.resolve()
  /** Resolved before each append completes: a test can hold a commit back. */
  appendGate: Promise<void> = Promise.resolve()
  constructor(private readonly events: Event[]) {}
  loadUpdates(document: string) {
    return [...(this.rows.get(document) ?? [])]
  }
  async load(document: string): Promise<LoadedLog> {
    await this.loadGate
    const updates = this.loadUpdates(document)
    return { updates, upTo: updates.length }
  }
  async versions(documents: readonly string[]): Promise<Map<string, string>> {
    return new Map(documents.map((d) => [d, String(this.loadUpdates(d).length)]))
  }
  async append(document: string, update: Uint8Array): Promise<number> {
    if (this.failAppends) throw new Error('database unreachable')
    this.events.push({ kind: 'append', update })
    await this.appendGate
    this.rows.set(document, [...this.loadUpdates(document), update])
    return this.loadUpdates(document).length
  }
  /** Compactions asked for, including those that found nothing to merge. */
  compactCalls = 0
  async compact(document: string, merge: MergeUpdates, counted?: CountedState): Promise<number> {
    this.compactCalls++
    const rows = this.loadUpdates(document)
    if (rows.length <= 1) return 0
    this.events.push({ kind: 'replace' })
    this.rows.set(document, [rows.length === counted?.rows ? counted.state : merge(rows)])
    return rows.length
  }
}

/** A relay that records what the room publishes and lets a test deliver messages to it. */
class TestRelay implements Relay {
  readonly published: DocumentMessage[] = []
  /** Presence queries the room sent: one when it has loaded, one after each resync. */
  presenceQueries = 0
  private listener: ((m: DocumentMessage) => void) | null = null
  async publish(_document: string, message: DocumentMessage): Promise<void> {
    if (message.type === 'presenceQuery') this.presenceQueries++
    else this.published.push(message)
  }
  async subscribe(_document: string, onMessage: (m: DocumentMessage) => void) {
    this.listener = onMessage
    return async () => {}
  }
  async publishClose(): Promise<void> {}
  onClose(): void {}
  async publishProgramChange(): Promise<void> {}
  onProgramChange(): void {}
  onResync(): void {}
  async close(): Promise<void> {}
  deliver(message: DocumentMessage): void {
    this.listener?.(message)
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
    send: (frame: Uint8Array, sent?: () => void) => {
      events.push({ kind: 'send', to: name, frame })
      sent?.()
    },
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
/** What the room reported as failed frames, in order. */
let failures: unknown[] = []
function newRoom(
  store: MemoryStore,
  options: Partial<{ compactAfter: number; awarenessFlushMs: number; isSoleWriter: boolean }> = {},
  relay: Relay = new LocalRelay(),
  rules: Promise<DocumentRules> = ACCEPT_ALL
): Room {
  const room = new Room(
    'spec:t1',
    store,
    relay,
    { compactAfter: 500, awarenessFlushMs: 0, maxDocumentBytes: 1 << 20, ...options },
    rules,
    (_connection, error) => failures.push(error)
  )
  rooms.push(room)
  return room
}

/** Hands a frame to the room and waits until the room has handled it. */
async function receive(room: Room, from: Connection, frame: Uint8Array): Promise<void> {
  room.receive(from, frame)
  await room.settled()
}

afterEach(async () => {
  failures = []
  for (const room of rooms.splice(0)) await room.destroy()
})

describe('Room', () => {
  it('loads every stored update before a socket joins, and starts the handshake with its state vector', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    store.rows.set('spec:t1', [text('b'), text('a')])
    const room = newRoom(store)
    room.add(connection(events, 'x'))
    await room.settled()
    expect(room.doc.getText('t').length).toBe(2)
    const [first] = sentTo(events, 'x')
    expect(decodeMessage(first.frame)).toEqual({
      type: 'syncStep1',
      stateVector: Y.encodeStateVector(room.doc),
    })
  })

  it('holds frames that arrive while the document loads, then handles them in order', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const stored = text('stored ')
    store.rows.set('spec:t1', [stored])
    let release!: () => void
    store.loadGate = new Promise((resolve) => {
      release = resolve
    })
    const room = newRoom(store)
    const writer = connection(events, 'writer')
    room.add(writer)
    const base = new Y.Doc()
    Y.applyUpdate(base, stored)
    const edits: Uint8Array[] = []
    base.on('update', (u: Uint8Array) => edits.push(u))
    base.getText('t').insert(7, 'one ')
    base.getText('t').insert(11, 'two')
    for (const edit of edits) room.receive(writer, encodeSync(SYNC_TYPE.update, edit))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(store.loadUpdates('spec:t1')).toHaveLength(1)
    release()
    await room.settled()
    expect(room.doc.getText('t').toString()).toBe('stored one two')
    expect(store.loadUpdates('spec:t1')).toHaveLength(3)
  })

  it('stores an update before any other socket receives it, then publishes it, and does not echo it to its sender', async () => {
    const events: Event[] = []
    const relay = new TestRelay()
    const room = newRoom(new MemoryStore(events), {}, relay)
    const writer = connection(events, 'writer')
    const reader = connection(events, 'reader')
    room.add(writer)
    room.add(reader)
    await room.settled()
    events.length = 0
    const update = text('hello')
    await receive(room, writer, encodeSync(SYNC_TYPE.update, update))
    expect(events.map((e) => (e.kind === 'send' ? `send:${e.to}` : e.kind))).toEqual([
      'append',
      'send:reader',
    ])
    expect(decodeMessage((events[1] as Extract<Event, { kind: 'send' }>).frame).type).toBe(
      'syncUpdate'
    )
    expect(room.doc.getText('t').toString()).toBe('hello')
    expect(relay.published.map((m) => m.type)).toEqual(['update'])
    expect(relay.presenceQueries).toBe(1)
  })

  it('refuses an update the log cannot store: nothing applied, sent or published, NotSavedError', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    store.rows.set('spec:t1', [text('kept')])
    const relay = new TestRelay()
    const room = newRoom(store, {}, relay)
    const writer = connection(events, 'writer')
    room.add(writer)
    room.add(connection(events, 'other'))
    await room.settled()
    events.length = 0
    store.failAppends = true
    await receive(room, writer, encodeSync(SYNC_TYPE.update, text('lost? ')))
    expect(failures).toHaveLength(1)
    expect(failures[0]).toBeInstanceOf(NotSavedError)
    expect((failures[0] as NotSavedError).isRoomLost).toBe(false)
    expect(events).toEqual([])
    expect(relay.published).toEqual([])
    expect(room.doc.getText('t').toString()).toBe('kept')
    store.failAppends = false
    await receive(room, writer, encodeSync(SYNC_TYPE.update, text('again ')))
    const saved = textOf(store.loadUpdates('spec:t1'))
    expect(saved).toContain('again ')
    expect(saved).not.toContain('lost?')
  })

  it('batches the updates that arrive during a commit: stored together, then broadcast in order', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const room = newRoom(store)
    const writer = connection(events, 'writer')
    const reader = connection(events, 'reader')
    room.add(writer)
    room.add(reader)
    await room.settled()
    let release!: () => void
    store.appendGate = new Promise((resolve) => {
      release = resolve
    })
    const client = new Y.Doc()
    const edits: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => edits.push(u))
    for (const word of ['one ', 'two ', 'three'])
      client.getText('t').insert(client.getText('t').length, word)
    room.receive(writer, encodeSync(SYNC_TYPE.update, edits[0]!))
    await nextTick()
    // The first commit is held; the next two updates arrive meanwhile and wait as one batch.
    room.receive(writer, encodeSync(SYNC_TYPE.update, edits[1]!))
    room.receive(writer, encodeSync(SYNC_TYPE.update, edits[2]!))
    await nextTick()
    release()
    await room.settled()
    const order = events
      .filter((e) => e.kind === 'append' || (e.kind === 'send' && e.to === 'reader'))
      .slice(-6)
      .map((e) => e.kind)
    expect(order).toEqual(['append', 'send', 'append', 'append', 'send', 'send'])
    const sent = sentTo(events, 'reader').slice(-3)
    expect(sent.map((e) => decodeMessage(e.frame))).toEqual(
      edits.map((update) => ({ type: 'syncUpdate', update }))
    )
    expect(textOf(store.loadUpdates('spec:t1'))).toBe('one two three')
  })

  it('refuses an update in the middle of a batch: nothing of it stored, sent or readable; the others go through', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const noBad = Promise.resolve<DocumentRules>({
      check: ({ doc }) => (doc.getText('t').toString().includes('bad') ? 'no bad words' : null),
    })
    const room = newRoom(store, {}, new LocalRelay(), noBad)
    const [a, b, reader] = ['a', 'b', 'reader'].map((name) => connection(events, name))
    for (const c of [a!, b!, reader!]) room.add(c)
    await room.settled()
    let release!: () => void
    store.appendGate = new Promise((resolve) => {
      release = resolve
    })
    room.receive(a!, encodeSync(SYNC_TYPE.update, text('one ')))
    await nextTick()
    // Held behind the first commit, these three go through as one batch.
    room.receive(a!, encodeSync(SYNC_TYPE.update, text('ok ')))
    room.receive(b!, encodeSync(SYNC_TYPE.update, text('bad ')))
    room.receive(b!, encodeSync(SYNC_TYPE.update, text('more ')))
    room.receive(a!, encodeSync(SYNC_TYPE.update, text('after ')))
    const read = room.read((doc) => doc.getText('t').toString())
    release()
    await room.settled()
    expect(failures).toHaveLength(1)
    expect(failures[0]).toBeInstanceOf(RefusedUpdateError)
    const stored = textOf(store.loadUpdates('spec:t1'))
    for (const word of ['one', 'ok', 'after']) expect(stored).toContain(word)
    expect(stored).not.toContain('bad')
    expect(stored).not.toContain('more')
    expect(room.doc.getText('t').toString()).toBe(stored)
    expect(await read).not.toContain('bad')
    const seen = sentTo(events, 'reader').map((e) => decodeMessage(e.frame))
    const seenText = new Y.Doc()
    for (const m of seen) if (m.type === 'syncUpdate') Y.applyUpdate(seenText, m.update)
    expect(seenText.getText('t').toString()).toBe(stored)
  })

  it('applies and broadcasts a relayed update without storing or publishing it again', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const relay = new TestRelay()
    const room = newRoom(store, {}, relay)
    room.add(connection(events, 'reader'))
    await room.settled()
    events.length = 0
    relay.deliver({ type: 'update', update: text('from B') })
    await room.settled()
    expect(room.doc.getText('t').toString()).toBe('from B')
    expect(events.map((e) => (e.kind === 'send' ? `send:${e.to}` : e.kind))).toEqual([
      'send:reader',
    ])
    expect(store.loadUpdates('spec:t1')).toEqual([])
    expect(relay.published).toEqual([])
    expect(RELAY_ORIGIN).toBeTypeOf('symbol')
  })

  it('broadcasts a relayed update at once, while this room’s own commit is still pending (issue 9)', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const relay = new TestRelay()
    const room = newRoom(store, {}, relay)
    const writer = connection(events, 'writer')
    const reader = connection(events, 'reader')
    room.add(writer)
    room.add(reader)
    await room.settled()
    let release!: () => void
    store.appendGate = new Promise((resolve) => {
      release = resolve
    })
    room.receive(writer, encodeSync(SYNC_TYPE.update, text('local ')))
    await nextTick()
    events.length = 0
    const fromB = text('from B ')
    relay.deliver({ type: 'update', update: fromB })
    // The local update is applied but not committed: nobody may see it yet; the relayed one goes out.
    expect(sentTo(events, 'reader').map((e) => decodeMessage(e.frame))).toEqual([
      { type: 'syncUpdate', update: fromB },
    ])
    expect(sentTo(events, 'writer')).toHaveLength(1)
    release()
    await room.settled()
    expect(sentTo(events, 'reader')).toHaveLength(2)
    expect(textOf(store.loadUpdates('spec:t1'))).toBe('local ')
    expect(room.doc.getText('t').toString()).toContain('from B ')
  })

  it('holds relayed updates while the doc holds a refused update, so none carries it out', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const relay = new TestRelay()
    const room = newRoom(store, {}, relay)
    const [writer, reader] = ['writer', 'reader'].map((name) => connection(events, name))
    for (const c of [writer!, reader!]) room.add(c)
    await room.settled()
    // A client's update that depends on one the server has not got: refused, its structs left pending
    // in the doc until the rebuild. The relayed update is that dependency.
    const client = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    client.getText('t').insert(0, 'base ')
    client.getText('t').insert(5, 'pending ')
    const [dependency, dependent] = updates as [Uint8Array, Uint8Array]
    let release!: () => void
    store.appendGate = new Promise((resolve) => {
      release = resolve
    })
    room.receive(writer!, encodeSync(SYNC_TYPE.update, text('first ')))
    await nextTick()
    room.receive(writer!, encodeSync(SYNC_TYPE.update, text('second ')))
    room.receive(writer!, encodeSync(SYNC_TYPE.update, dependent))
    release()
    let releaseSecond!: () => void
    store.appendGate = new Promise((resolve) => {
      releaseSecond = resolve
    })
    // The second batch refuses `dependent` and waits for its commit: the relayed update arrives now.
    await nextTick()
    relay.deliver({ type: 'update', update: dependency })
    releaseSecond()
    await room.settled()
    const seen = new Y.Doc()
    for (const e of sentTo(events, 'reader')) {
      const m = decodeMessage(e.frame)
      if (m.type === 'syncUpdate') Y.applyUpdate(seen, m.update)
    }
    expect(seen.getText('t').toString()).toContain('base ')
    expect(seen.getText('t').toString()).not.toContain('pending')
    expect(room.doc.getText('t').toString()).not.toContain('pending')
    expect(failures).toHaveLength(1)
  })

  it('holds relayed updates that arrive while the document loads, then applies them to it', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    store.rows.set('spec:t1', [text('stored ')])
    let release!: () => void
    store.loadGate = new Promise((resolve) => {
      release = resolve
    })
    const relay = new TestRelay()
    const room = newRoom(store, {}, relay)
    await nextTick()
    relay.deliver({ type: 'update', update: text('early ') })
    release()
    await room.settled()
    expect(room.doc.getText('t').toString()).toContain('early ')
    expect(room.doc.getText('t').toString()).toContain('stored ')
  })

  it('applies and stores a writer’s sync step 2 like an update', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const room = newRoom(store)
    const writer = connection(events, 'writer')
    room.add(writer)
    await receive(room, writer, encodeSync(SYNC_TYPE.step2, text('offline')))
    expect(textOf(store.loadUpdates('spec:t1'))).toBe('offline')
  })

  it('answers an empty client with the one stored row as it is, until the document changes', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const base = new Y.Doc()
    base.getText('t').insert(0, 'abc')
    const row = Y.encodeStateAsUpdate(base)
    store.rows.set('spec:t1', [row])
    const room = newRoom(store)
    const [first, writer, late] = ['first', 'writer', 'late'].map((name) =>
      connection(events, name)
    )
    for (const c of [first!, writer!, late!]) room.add(c)
    const emptyStep1 = encodeSync(SYNC_TYPE.step1, Y.encodeStateVector(new Y.Doc()))
    await receive(room, first!, emptyStep1)
    const reply = sentTo(events, 'first')
      .map((e) => decodeMessage(e.frame))
      .find((m) => m.type === 'syncStep2') as { update: Uint8Array }
    expect(reply.update).toEqual(row)
    await receive(room, writer!, encodeSync(SYNC_TYPE.update, text('x')))
    await receive(room, late!, emptyStep1)
    const later = decodeMessage(sentTo(events, 'late').at(-1)!.frame) as { update: Uint8Array }
    const doc = new Y.Doc()
    Y.applyUpdate(doc, later.update)
    expect(doc.getText('t').toString()).toContain('abc')
    expect(doc.getText('t').length).toBe(4)
  })

  it('sends a one-row log to a client that asked with nothing during the load before the doc is built; several rows once built', async () => {
    for (const rows of [['abc'], ['a', 'b', 'c']]) {
      const events: Event[] = []
      const store = new MemoryStore(events)
      store.rows.set('spec:t1', rows.map(text))
      let release!: () => void
      store.loadGate = new Promise((resolve) => (release = resolve))
      const room = newRoom(store)
      const client = connection(events, 'client')
      room.add(client)
      room.receive(client, encodeSync(SYNC_TYPE.step1, Y.encodeStateVector(new Y.Doc())))
      release()
      await room.settled()
      const [first, second] = sentTo(events, 'client').map((e) => decodeMessage(e.frame))
      // The answer comes before the server's own step 1, which needs the built doc.
      expect(first?.type).toBe('syncStep2')
      expect(second?.type).toBe('syncStep1')
      const update = (first as { update: Uint8Array }).update
      if (rows.length === 1) expect(update).toEqual(store.loadUpdates('spec:t1')[0])
      expect(textOf([update]).split('').sort().join('')).toBe('abc')
    }
  })

  it('waits briefly for a joining socket’s step 1 before decoding a large row, and answers it with the row first', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const row = text('x'.repeat(80 * 1024))
    store.rows.set('spec:t1', [row])
    const room = newRoom(store)
    const client = connection(events, 'client')
    room.add(client)
    // Arrives after the load read the log (which takes no time here, as on SQLite).
    setTimeout(
      () => room.receive(client, encodeSync(SYNC_TYPE.step1, Y.encodeStateVector(new Y.Doc()))),
      3
    )
    await room.loaded
    await room.settled()
    const first = decodeMessage(sentTo(events, 'client')[0]!.frame)
    expect(first.type).toBe('syncStep2')
    expect((first as { update: Uint8Array }).update).toEqual(row)
  })

  it('answers sync step 1 with exactly what the client lacks', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const base = new Y.Doc()
    base.getText('t').insert(0, 'abc')
    store.rows.set('spec:t1', [Y.encodeStateAsUpdate(base)])
    const room = newRoom(store)
    const client = connection(events, 'client')
    room.add(client)
    await receive(room, client, encodeSync(SYNC_TYPE.step1, Y.encodeStateVector(new Y.Doc())))
    const reply = sentTo(events, 'client')
      .map((e) => decodeMessage(e.frame))
      .find((m) => m.type === 'syncStep2')!
    expect(reply.type).toBe('syncStep2')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, (reply as { update: Uint8Array }).update)
    expect(doc.getText('t').toString()).toBe('abc')
  })

  it('drops sync step 2 and updates from a read-only socket: nothing applied, stored or sent', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    const room = newRoom(store)
    const reviewer = connection(events, 'reviewer', false)
    const writer = connection(events, 'writer')
    room.add(reviewer)
    room.add(writer)
    await room.settled()
    events.length = 0
    await receive(room, reviewer, encodeSync(SYNC_TYPE.update, text('forged')))
    await receive(room, reviewer, encodeSync(SYNC_TYPE.step2, text('forged too')))
    expect(events).toEqual([])
    expect(room.doc.getText('t').length).toBe(0)
    expect(reviewer.droppedUpdates).toBe(2)
    await receive(room, reviewer, encodeSync(SYNC_TYPE.step2, Y.encodeStateAsUpdate(new Y.Doc())))
    expect(reviewer.droppedUpdates).toBe(2)
  })

  it('reports MalformedMessageError and stores nothing for bytes that are no Yjs update', async () => {
    const events: Event[] = []
    const room = newRoom(new MemoryStore(events))
    const writer = connection(events, 'writer')
    room.add(writer)
    await room.settled()
    events.length = 0
    await receive(
      room,
      writer,
      encodeSync(SYNC_TYPE.update, Uint8Array.from([1, 1, 255, 255, 255, 255, 15, 0, 40, 1, 0]))
    )
    expect(failures[0]).toBeInstanceOf(MalformedMessageError)
    expect(events).toEqual([])
  })

  // Y.decodeUpdate accepts this update, but Y.applyUpdate integrates its first item (a new type in the
  // 'what' fragment) and then throws; the room must keep none of it.
  it('stores and relays nothing of an update that Yjs decodes but cannot apply, and refuses it as malformed', async () => {
    const events: Event[] = []
    const room = newRoom(new MemoryStore(events))
    const writer = connection(events, 'writer')
    room.add(writer)
    room.add(connection(events, 'other'))
    await room.settled()
    events.length = 0
    const inconsistent = Uint8Array.from([
      1, 2, 219, 192, 128, 142, 2, 0, 7, 1, 4, 119, 104, 97, 116, 6, 4, 0, 219, 192, 128, 142, 2,
      16, 11, 104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 0,
    ])
    expect(() => Y.decodeUpdate(inconsistent)).not.toThrow()
    await receive(room, writer, encodeSync(SYNC_TYPE.update, inconsistent))
    expect(events).toEqual([])
    expect(failures[0]).toBeInstanceOf(MalformedMessageError)
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
    await room.settled()
    expect(store.loadUpdates('spec:t1').length).toBe(6)
    await nextTick()
    await nextTick()
    expect(store.loadUpdates('spec:t1').length).toBe(1)
    expect(textOf(store.loadUpdates('spec:t1'))).toBe('012345')
    for (let i = 6; i < 30; i++) {
      local.getText('t').insert(i, String(i % 10))
      await room.settled()
      await nextTick()
      await nextTick()
      expect(store.loadUpdates('spec:t1').length).toBeLessThanOrEqual(5)
    }
    expect(textOf(store.loadUpdates('spec:t1'))).toBe(local.getText('t').toString())
  })

  it('compacts from its doc before unloading when it is the only writer, and from the rows when a row is not its own', async () => {
    for (const foreign of [false, true]) {
      const events: Event[] = []
      const store = new MemoryStore(events)
      const room = newRoom(store, { isSoleWriter: true })
      const writer = connection(events, 'writer')
      room.add(writer)
      for (const word of ['a', 'b', 'c'])
        await receive(room, writer, encodeSync(SYNC_TYPE.update, text(word)))
      if (foreign) store.rows.set('spec:t1', [...store.loadUpdates('spec:t1'), text('z')])
      await room.compactBeforeUnload()
      const rows = store.loadUpdates('spec:t1')
      expect(rows).toHaveLength(1)
      const sorted = textOf(rows).split('').sort().join('')
      expect(sorted, foreign ? 'with a foreign row' : 'its own rows').toBe(foreign ? 'abcz' : 'abc')
    }
  })

  it('compacts from its doc between turns of the queue when it is the only writer, from the rows when a row is not its own', async () => {
    for (const foreign of [false, true]) {
      const events: Event[] = []
      const store = new MemoryStore(events)
      const room = newRoom(store, { compactAfter: 3, isSoleWriter: true })
      const writer = connection(events, 'writer')
      room.add(writer)
      for (const word of ['a', 'b', 'c'])
        await receive(room, writer, encodeSync(SYNC_TYPE.update, text(word)))
      if (foreign) store.rows.set('spec:t1', [...store.loadUpdates('spec:t1'), text('z')])
      // The fourth row makes the log long: compaction follows the broadcast.
      await receive(room, writer, encodeSync(SYNC_TYPE.update, text('d')))
      for (let i = 0; i < 10 && store.loadUpdates('spec:t1').length > 1; i++) await nextTick()
      const rows = store.loadUpdates('spec:t1')
      expect(rows).toHaveLength(1)
      const sorted = textOf(rows).split('').sort().join('')
      expect(sorted, foreign ? 'with a foreign row' : 'its own rows').toBe(
        foreign ? 'abcdz' : 'abcd'
      )
      expect(room.storedUpdateCount).toBe(1)
    }
  })

  it('compacts once after a commit that carries the log past its bound, however many rows it stored', async () => {
    for (const isSoleWriter of [false, true]) {
      const events: Event[] = []
      const store = new MemoryStore(events)
      const room = newRoom(store, { compactAfter: 3, isSoleWriter })
      const writer = connection(events, 'writer')
      room.add(writer)
      await room.loaded
      // Held back, so the ten updates wait in one batch and commit together.
      let release!: () => void
      store.appendGate = new Promise((resolve) => (release = resolve))
      for (const word of 'abcdefghij')
        room.receive(writer, encodeSync(SYNC_TYPE.update, text(word)))
      await nextTick()
      release()
      await room.settled()
      for (let i = 0; i < 20; i++) await nextTick()
      expect(store.loadUpdates('spec:t1')).toHaveLength(1)
      expect(store.compactCalls, isSoleWriter ? 'sole writer' : 'shared log').toBe(1)
    }
  })

  it('compacts an over-long log when it loads', async () => {
    const events: Event[] = []
    const store = new MemoryStore(events)
    store.rows.set('spec:t1', ['a', 'b', 'c', 'd'].map(text))
    const room = newRoom(store, { compactAfter: 3 })
    await room.loaded
    await nextTick()
    await nextTick()
    expect(store.loadUpdates('spec:t1').length).toBe(1)
    expect(textOf(store.loadUpdates('spec:t1')).split('').sort().join('')).toBe('abcd')
  })

  // 20,000 rows: seconds on a busy machine.
  it('loads a long update log completely', { timeout: 30_000 }, async () => {
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
    await room.loaded
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
      await room.settled()
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

    it('sends a caret that moved with a keystroke right after the keystroke, not at its flush', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events), { awarenessFlushMs: 60_000 })
      const typist = connection(events, 'typist')
      const reader = connection(events, 'reader')
      room.add(typist)
      room.add(reader)
      await room.settled()
      const before = events.length
      room.receive(typist, presenceUpdate(61, 1, { section: 'why' }))
      await receive(room, typist, encodeSync(SYNC_TYPE.update, text('x')))
      const sent = events.slice(before).filter((e) => e.kind === 'send')
      const toReader = sent.filter((e) => e.to === 'reader').map((e) => decodeMessage(e.frame).type)
      expect(toReader).toEqual(['syncUpdate', 'awareness'])
      const toTypist = sent.filter((e) => e.to === 'typist').map((e) => decodeMessage(e.frame).type)
      expect(toTypist).toEqual(['awareness'])
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
      await room.settled()
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
      room.receive(a, encodeAwareness(encodeAwarenessUpdate(flood)))
      expect(failures.at(-1)).toBeInstanceOf(MalformedMessageError)
      expect(room.awareness.getStates().size).toBe(1)
      // A newcomer's first presence holds the one real state.
      const late = connection(events, 'late')
      room.add(late)
      await room.settled()
      expect(sentTo(events, 'late').flatMap((e) => presenceIn(e.frame))).toHaveLength(1)
    })

    it('keeps a read-only socket to a small state, and sends the audience nobody’s presence', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const reviewer = connection(events, 'reviewer', false)
      const viewer = connection(events, 'viewer', false, false)
      room.add(reviewer)
      room.add(viewer)
      await room.settled()
      room.receive(reviewer, presenceUpdate(51, 1, { pad: 'x'.repeat(2000) }))
      expect(failures.at(-1)).toBeInstanceOf(MalformedMessageError)
      room.receive(reviewer, presenceUpdate(52, 1, { section: 'why' }))
      room.receive(viewer, presenceUpdate(53, 1, { section: 'why' }))
      room.receive(viewer, frames.queryAwareness)
      await room.settled()
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect([...room.awareness.getStates().keys()]).toEqual([52])
      expect(sentTo(events, 'viewer').flatMap((e) => presenceIn(e.frame))).toEqual([])
      const seenLater = connection(events, 'viewer2', false, false)
      room.add(seenLater)
      await room.settled()
      expect(sentTo(events, 'viewer2').flatMap((e) => presenceIn(e.frame))).toEqual([])
    })

    it('refuses a presence update over the size cap', async () => {
      const events: Event[] = []
      const room = newRoom(new MemoryStore(events))
      const a = connection(events, 'a')
      room.add(a)
      room.receive(a, presenceUpdate(41, 1, { pad: 'x'.repeat(MAX_AWARENESS_BYTES) }))
      expect(failures[0]).toBeInstanceOf(MalformedMessageError)
      expect(room.awareness.getStates().has(41)).toBe(false)
    })
  })
})
