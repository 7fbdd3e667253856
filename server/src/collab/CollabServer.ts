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
import { CLOSE_CODE } from '@specboard/shared'
import type { DocumentStore } from '../storage/Storage.ts'
import type { Logger } from '../logger.ts'
import type { Config } from '../config.ts'
import { Connection, type ConnectionIdentity } from './Connection.ts'
import { MalformedMessageError } from './messages.ts'
import { RefusedUpdateError, Room } from './Room.ts'
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
export type Admit = (request: IncomingMessage, document: string) => Admission

/** Extension points; each is called synchronously and must not throw. */
export interface CollabHooks {
  /** After a socket joined or left `document` (its room's connections are already updated). */
  afterConnectionChange?(document: string, connections: ReadonlySet<Connection>): void
  /** When a room loads: the rules clients' updates must follow (default: every update is refused). */
  rulesFor?(document: string): DocumentRules
}

/** The collaboration settings of the server's Config (see config.ts for each one's meaning). */
export type CollabServerOptions = Pick<
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

/** The transaction origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol('server')

const REFUSE_EVERY_UPDATE: DocumentRules = { check: () => 'this server accepts no updates' }

export class CollabServer {
  private readonly rooms = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly wss: WebSocketServer
  private readonly heartbeat: NodeJS.Timeout
  private readonly alive = new WeakSet<WebSocket>()

  constructor(
    private readonly store: DocumentStore,
    private readonly admit: Admit,
    private readonly options: CollabServerOptions,
    private readonly log: Logger,
    private readonly hooks: CollabHooks = {}
  ) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes })
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.heartbeatMs)
    this.heartbeat.unref()
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
    this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, request, document))
    return true
  }

  /** The people connected to `document` now, once each; the audience is not listed. */
  activePeople(document: string): ConnectionIdentity[] {
    const room = this.rooms.get(document)
    if (!room) return []
    const byPerson = new Map<string, ConnectionIdentity>()
    for (const c of room.connections)
      if (c.sharesPresence) byPerson.set(c.identity.personId, c.identity)
    return [...byPerson.values()]
  }

  /** Closes every socket, in any room, whose identity matches (e.g. the audience of a revoked link). */
  disconnect(
    matches: (identity: ConnectionIdentity) => boolean,
    code: number,
    reason: string
  ): void {
    for (const room of this.rooms.values()) {
      for (const connection of room.connections)
        if (matches(connection.identity)) connection.close(code, reason)
    }
  }

  /** The loaded room of `document`, if any: for reading live state without loading it. */
  loadedRoom(document: string): Room | undefined {
    return this.rooms.get(document)
  }

  /**
   * Changes `document` on the server's behalf, through its room, so the change is stored and broadcast
   * like any client's. `change` must check everything before it writes: a throw leaves what it wrote.
   */
  change<T>(document: string, change: (doc: Y.Doc) => T): T {
    const room = this.roomFor(document)
    try {
      let result!: T
      room.doc.transact(() => {
        result = change(room.doc)
      }, SERVER_ORIGIN)
      return result
    } finally {
      if (room.connections.size === 0) this.scheduleUnload(document, room)
    }
  }

  /** Closes every socket and frees every room. */
  close(): void {
    clearInterval(this.heartbeat)
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    for (const room of this.rooms.values())
      room.destroy(CLOSE_CODE.shuttingDown, 'server is shutting down')
    this.rooms.clear()
    this.wss.close()
  }

  private open(ws: WebSocket, request: IncomingMessage, document: string): void {
    ws.on('error', (error) => this.log.warn('socket error', { document, error: error.message }))
    const admission = this.admit(request, document)
    if (!admission.ok) {
      ws.close(admission.code, admission.reason)
      return
    }
    let room: Room
    try {
      room = this.roomFor(document)
    } catch (error) {
      this.log.error('document failed to load', { document, error: (error as Error).stack })
      ws.close(CLOSE_CODE.internalError, 'the document could not be loaded')
      return
    }
    const connection = new Connection(
      ws,
      admission.identity,
      admission.canWrite,
      this.options,
      admission.sharesPresence
    )
    this.alive.add(ws)
    ws.on('pong', () => this.alive.add(ws))
    ws.on('message', (data, isBinary) => this.receive(room, connection, data, isBinary))
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
      this.hooks.afterConnectionChange?.(document, room.connections)
    })
    room.add(connection)
    this.hooks.afterConnectionChange?.(document, room.connections)
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
    try {
      room.receive(connection, toBytes(data))
    } catch (error) {
      if (error instanceof RefusedUpdateError) {
        this.log.warn('refused update', {
          document,
          person: connection.identity.personId,
          reason: error.message,
        })
        const { kind } = error.verdict
        connection.close(
          kind === 'quota' ? CLOSE_CODE.documentTooLarge : CLOSE_CODE.refusedUpdate,
          (kind === 'quota' ? 'the document is full' : error.message).slice(0, 120)
        )
        return
      }
      if (error instanceof MalformedMessageError) {
        this.log.warn('malformed message', {
          document,
          person: connection.identity.personId,
          error: error.message,
        })
        connection.close(CLOSE_CODE.malformedMessage, error.message.slice(0, 120))
        return
      }
      // The store or Yjs failed mid-update: the in-memory doc may now differ from disk, so drop the room.
      // Clients reconnect, load what is on disk and send what they still have.
      this.log.error('room failed; unloading it', { document, error: (error as Error).stack })
      this.rooms.delete(document)
      room.destroy(CLOSE_CODE.internalError, 'server error; reconnecting')
    }
  }

  private roomFor(document: string): Room {
    const timer = this.unloadTimers.get(document)
    if (timer) {
      clearTimeout(timer)
      this.unloadTimers.delete(document)
    }
    let room = this.rooms.get(document)
    if (!room) {
      const rules = this.hooks.rulesFor?.(document) ?? REFUSE_EVERY_UPDATE
      room = new Room(document, this.store, this.options, rules)
      this.rooms.set(document, room)
    }
    return room
  }

  private scheduleUnload(document: string, room: Room): void {
    clearTimeout(this.unloadTimers.get(document))
    const timer = setTimeout(() => {
      this.unloadTimers.delete(document)
      if (room.connections.size > 0 || this.rooms.get(document) !== room) return
      this.rooms.delete(document)
      try {
        room.compact()
      } finally {
        room.destroy()
      }
    }, this.options.unloadDelayMs)
    this.unloadTimers.set(document, timer)
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
