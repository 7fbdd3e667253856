/**
 * The collaboration endpoint: `/collab/<document>` upgrades to a y-websocket connection.
 *
 * Each socket is authenticated and authorised once, when it opens; a refusal closes it with a named code
 * from shared/protocol.ts so clients can tell "retry" from "stop". Rooms are loaded on first use and
 * unloaded a while after their last socket leaves. One socket's bad input closes that socket only.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket, type RawData } from 'ws'
import type * as Y from 'yjs'
import { type ActivePerson, CLOSE_CODE } from '@specboard/shared'
import { type ActivePeopleDirectory, LocalActivePeople } from '../ports/ActivePeople.ts'
import type { DocumentLog } from '../ports/DocumentLog.ts'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'
import type { CloseSockets, Relay, SocketMatch } from '../ports/Relay.ts'
import { docFromUpdates } from '../storage/loadDocument.ts'
import { collectGarbage } from '../collectGarbage.ts'
import type { Logger } from '../logger.ts'
import type { Config } from '../config.ts'
import { Connection, type ConnectionIdentity } from './Connection.ts'
import { MalformedMessageError } from './messages.ts'
import { NotSavedError, RefusedUpdateError, Room } from './Room.ts'
import { StoredReads } from './StoredReads.ts'
import type { DocumentRules } from './checks/DocumentRules.ts'

/** The verdict on one socket: its identity and access, or the code and words to close it with. */
export type Admission =
  | {
      readonly ok: true
      readonly identity: ConnectionIdentity
      readonly canWrite: boolean
      readonly sharesPresence: boolean
    }
  | { readonly ok: false; readonly code: number; readonly reason: string }

/** Decides, from the upgrade request, whether a socket may open `document`. */
export type Admit = (request: IncomingMessage, document: string) => Promise<Admission>

/** Extension points; each is called synchronously and must not throw. */
export interface CollabHooks {
  /** After a socket joined or left `document` (its room's connections are already updated). */
  afterConnectionChange?(document: string, connections: ReadonlySet<Connection>): void
  /** When a room loads: the rules clients' updates must follow (default: every update is refused). */
  rulesFor?(document: string): Promise<DocumentRules>
}

/** The collaboration settings of the server's Config (see config.ts for each one's meaning). */
export type CollabServerOptions = Partial<Pick<Config, 'redisUrl'>> &
  Pick<
    Config,
    | 'maxFrameBytes'
    | 'maxDocumentBytes'
    | 'unloadDelayMs'
    | 'compactAfter'
    | 'awarenessFlushMs'
    | 'messagesPerSecond'
    | 'messageBurst'
    | 'heartbeatMs'
    | 'maxBufferedBytes'
  >

const PATH_PREFIX = '/collab/'

/** Unloads that make a full collection worth it, and the quiet after the last of them it waits for. */
const MIN_UNLOADS_TO_COLLECT = 50
const COLLECT_AFTER_MS = 3000

/** The transaction origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol('server')

const REFUSE_EVERY_UPDATE: DocumentRules = { check: () => 'this server accepts no updates' }

/** Whether a socket's identity (on `document`) matches a close order. */
export function matchesSocket(
  match: SocketMatch,
  identity: ConnectionIdentity,
  document: string
): boolean {
  if (!match.personId && !match.shareLinkId && !match.document) return false
  return (
    (match.personId === undefined || match.personId === identity.personId) &&
    (match.shareLinkId === undefined || match.shareLinkId === identity.shareLinkId) &&
    (match.document === undefined || match.document === document)
  )
}

export class CollabServer implements LiveDocuments {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly wss: WebSocketServer
  private readonly heartbeat: NodeJS.Timeout
  private readonly alive = new WeakSet<WebSocket>()
  private readonly storedReads: StoredReads
  /** Rooms unloaded since the last full collection (see collectAfterUnloads). */
  private unloadedSinceCollection = 0
  private collectionTimer: NodeJS.Timeout | null = null

  constructor(
    private readonly store: DocumentLog,
    private readonly relay: Relay,
    private readonly admit: Admit,
    private readonly options: CollabServerOptions,
    private readonly log: Logger,
    private readonly hooks: CollabHooks = {},
    private readonly people: ActivePeopleDirectory = new LocalActivePeople()
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes })
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.heartbeatMs)
    this.heartbeat.unref()
    this.storedReads = new StoredReads(store)
    relay.onClose((order) => this.closeLocal(order))
    relay.onResync(() => {
      for (const room of this.rooms.values()) room.resync().catch(() => {})
    })
  }

  /** Takes over an HTTP upgrade for `/collab/...`; returns false for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(PATH_PREFIX)) return false
    let document: string
    try {
      document = decodeURIComponent(url.pathname.slice(PATH_PREFIX.length))
    } catch {
      document = ''
    }
    this.wss.handleUpgrade(
      request,
      socket,
      head,
      (ws) => void this.open(ws, socket, request, document)
    )
    return true
  }

  activePeople(documents: readonly string[]): Promise<Map<string, ActivePerson[]>> {
    return this.people.list(documents)
  }

  /** Tells the directory who is on `document` here now, once each; the audience is not listed. */
  private reportPeople(document: string, connections: ReadonlySet<Connection>): void {
    const byPerson = new Map<string, ActivePerson>()
    for (const { sharesPresence, identity } of connections)
      if (sharesPresence)
        byPerson.set(identity.personId, {
          personId: identity.personId,
          name: identity.name,
          role: identity.role,
        })
    this.people.report(document, [...byPerson.values()])
  }

  /** Closes every socket, here and on every other instance, that matches (e.g. a revoked link's). */
  async disconnect(match: SocketMatch, code: number, reason: string): Promise<void> {
    const order: CloseSockets = { match, code, reason }
    this.closeLocal(order)
    await this.relay.publishClose(order)
  }

  private closeLocal({ match, code, reason }: CloseSockets): void {
    for (const room of this.rooms.values()) {
      for (const connection of room.connections)
        if (matchesSocket(match, connection.identity, room.name)) connection.close(code, reason)
    }
  }

  /** The loaded room of `document`, if any (tests check that reads did not load one). */
  loadedRoom(document: string): Room | undefined {
    return this.rooms.get(document)
  }

  async read<T>(document: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = this.rooms.get(document)
    // A room unloaded meanwhile has stored everything: read the log instead.
    if (room) {
      try {
        return await room.read(read)
      } catch (error) {
        if (!room.isClosed) throw error
      }
    }
    const { updates } = await this.store.load(document)
    const doc = docFromUpdates(updates)
    try {
      return read(doc)
    } finally {
      doc.destroy()
    }
  }

  async readMany<T>(
    documents: readonly string[],
    cacheKey: string,
    read: (doc: Y.Doc) => T
  ): Promise<T[]> {
    const live = new Map<string, T>()
    for (const document of documents) {
      const room = this.rooms.get(document)
      if (!room) continue
      try {
        live.set(document, await room.read(read))
      } catch (error) {
        if (!room.isClosed) throw error
      }
    }
    const stored = await this.storedReads.readAll(
      documents.filter((d) => !live.has(d)),
      cacheKey,
      read
    )
    return documents.map((d) => (live.has(d) ? live.get(d)! : stored.get(d)!))
  }

  async change<T>(document: string, change: (doc: Y.Doc) => T): Promise<T> {
    const room = this.roomFor(document)
    try {
      return await room.change(SERVER_ORIGIN, change)
    } finally {
      if (room.connections.size === 0 && this.rooms.get(document) === room)
        this.scheduleUnload(document, room)
    }
  }

  /** Closes every socket and frees every room. */
  close(): void {
    clearInterval(this.heartbeat)
    if (this.collectionTimer) clearTimeout(this.collectionTimer)
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    for (const room of this.rooms.values())
      void room.destroy(CLOSE_CODE.shuttingDown, 'server is shutting down')
    this.rooms.clear()
    this.wss.close()
  }

  private async open(
    ws: WebSocket,
    stream: Duplex,
    request: IncomingMessage,
    document: string
  ): Promise<void> {
    ws.on('error', (error) => this.log.warn('socket error', { document, error: error.message }))
    // Alive from the upgrade on: a heartbeat during a slow admission must not take it for a dead peer.
    this.alive.add(ws)
    ws.on('pong', () => this.alive.add(ws))
    // Frames that arrive while the socket is being admitted wait here, then go to the room in order.
    const early: { data: RawData; isBinary: boolean }[] = []
    const hold = (data: RawData, isBinary: boolean) => early.push({ data, isBinary })
    ws.on('message', hold)
    let admission: Admission
    try {
      admission = await this.admit(request, document)
    } catch (error) {
      this.log.error('socket admission failed', { document, error: (error as Error).stack })
      ws.close(CLOSE_CODE.internalError, 'the server could not check this connection')
      return
    }
    ws.off('message', hold)
    if (!admission.ok) {
      ws.close(admission.code, admission.reason)
      return
    }
    if (ws.readyState !== ws.OPEN) return
    const room = this.roomFor(document)
    const connection = new Connection(
      ws,
      admission.identity,
      admission.canWrite,
      this.options,
      admission.sharesPresence,
      stream
    )
    ws.on('message', (data, isBinary) => this.receive(room, connection, data, isBinary))
    for (const frame of early) this.receive(room, connection, frame.data, frame.isBinary)
    ws.on('close', () => {
      room.remove(connection)
      if (connection.droppedUpdates > 0) {
        this.log.info('dropped updates from a read-only socket', {
          document,
          count: connection.droppedUpdates,
        })
      }
      if (room.connections.size === 0 && this.rooms.get(document) === room)
        this.scheduleUnload(document, room)
      this.afterConnectionChange(document, room.connections)
    })
    room.add(connection)
    this.afterConnectionChange(document, room.connections)
  }

  private afterConnectionChange(document: string, connections: ReadonlySet<Connection>): void {
    this.reportPeople(document, connections)
    this.hooks.afterConnectionChange?.(document, connections)
  }

  private receive(room: Room, connection: Connection, data: RawData, isBinary: boolean): void {
    if (!connection.isOpen) return
    const document = room.name
    if (!isBinary) {
      connection.close(CLOSE_CODE.malformedMessage, 'text frames are not part of the protocol')
      return
    }
    if (!connection.limiter.take(performance.now())) {
      this.log.warn('socket over its message rate', {
        document,
        person: connection.identity.personId,
      })
      connection.close(CLOSE_CODE.rateLimited, 'too many messages')
      return
    }
    room.receive(connection, toBytes(data))
  }

  /** What to do when a room could not handle a socket's frame. */
  private frameFailed(room: Room, connection: Connection, error: unknown): void {
    const document = room.name
    const person = connection.identity.personId
    if (error instanceof RefusedUpdateError) {
      this.log.warn('refused update', { document, person, reason: error.message })
      const { kind } = error.verdict
      connection.close(
        kind === 'quota' ? CLOSE_CODE.documentTooLarge : CLOSE_CODE.refusedUpdate,
        (kind === 'quota' ? 'the document is full' : error.message).slice(0, 120)
      )
      return
    }
    if (error instanceof MalformedMessageError) {
      this.log.warn('malformed message', { document, person, error: error.message })
      connection.close(CLOSE_CODE.malformedMessage, error.message.slice(0, 120))
      return
    }
    if (error instanceof NotSavedError) {
      // Refused visibly: the client keeps the update, shows it as not saved and sends it again.
      this.log.error('update not saved', { document, person, error: error.message })
      if (!error.isRoomLost) {
        connection.close(CLOSE_CODE.notSaved, 'the update could not be saved; retrying')
        return
      }
      this.dropRoom(room, CLOSE_CODE.notSaved, 'the document could not be saved; retrying')
      return
    }
    // Yjs or the room failed mid-update: the in-memory doc may now differ from the log, so drop the room.
    // Clients reconnect, load what is stored and send what they still have.
    this.log.error('room failed; unloading it', { document, error: (error as Error).stack })
    this.dropRoom(room, CLOSE_CODE.internalError, 'server error; reconnecting')
  }

  private dropRoom(room: Room, code: number, reason: string): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name)
    void room.destroy(code, reason)
  }

  private roomFor(document: string): Room {
    const timer = this.unloadTimers.get(document)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(document)
    }
    const existing = this.rooms.get(document)
    if (existing) return existing
    const rules = this.hooks.rulesFor?.(document) ?? Promise.resolve(REFUSE_EVERY_UPDATE)
    const options = { ...this.options, isSoleWriter: this.options.redisUrl === undefined }
    const room: Room = new Room(document, this.store, this.relay, options, rules, (c, error) =>
      this.frameFailed(room, c, error)
    )
    this.rooms.set(document, room)
    room.loaded.catch((error: unknown) => {
      // Nothing was stored over what exists; the sockets waiting for this load reconnect and try again.
      this.log.error('document failed to load', { document, error: (error as Error).stack })
      this.dropRoom(room, CLOSE_CODE.internalError, 'the document could not be loaded')
    })
    return room
  }

  private scheduleUnload(document: string, room: Room): void {
    clearTimeout(this.unloadTimers.get(document))
    const timer = setTimeout(() => {
      this.unloadTimers.delete(document)
      if (room.connections.size > 0 || this.rooms.get(document) !== room) return
      // A server change (a reaction, say) still waiting its turn would fail in a destroyed room.
      if (!room.isIdle) {
        this.scheduleUnload(document, room)
        return
      }
      this.rooms.delete(document)
      room
        .compactBeforeUnload()
        .catch((error: unknown) =>
          this.log.warn('compaction failed', { document, error: (error as Error).message })
        )
        .finally(() => {
          void room.destroy()
          this.collectAfterUnloads()
        })
    }, this.options.unloadDelayMs)
    this.unloadTimers.set(document, timer)
  }

  /**
   * Once at least as many rooms unloaded as are still loaded (and a few dozen at least), collects the
   * garbage they left a few seconds after the last of them: the heap is then mostly garbage, and the
   * collection is short next to the memory it returns.
   */
  private collectAfterUnloads(): void {
    this.unloadedSinceCollection++
    if (this.unloadedSinceCollection < Math.max(MIN_UNLOADS_TO_COLLECT, this.rooms.size)) return
    if (this.collectionTimer) clearTimeout(this.collectionTimer)
    this.collectionTimer = setTimeout(() => {
      this.collectionTimer = null
      if (this.unloadedSinceCollection < Math.max(MIN_UNLOADS_TO_COLLECT, this.rooms.size)) return
      this.unloadedSinceCollection = 0
      collectGarbage()
    }, COLLECT_AFTER_MS)
    this.collectionTimer.unref()
  }

  private checkHeartbeats(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate()
        continue
      }
      this.alive.delete(ws)
      ws.ping()
    }
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}
