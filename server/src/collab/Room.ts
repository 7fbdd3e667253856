/**
 * One live document: a Y.Doc, its presence, and the sockets editing it.
 *
 * Order of work for an accepted update: validate → apply → (the doc's update event) append to the
 * update log → broadcast. The append is synchronous, so an update that any other client receives is
 * already on disk. Read-only connections may ask for state and announce presence, but their document
 * updates are dropped before they touch the doc, the log or anyone else.
 */
import * as Y from 'yjs'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeFullAwareness,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import { MAX_AWARENESS_BYTES, MAX_READONLY_AWARENESS_BYTES } from '@specboard/shared'
import type { DocumentStore } from '../storage/Storage.ts'
import { loadDocument } from '../storage/loadDocument.ts'
import type { Connection } from './Connection.ts'
import {
  MalformedMessageError,
  SYNC_TYPE,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessUpdate,
  encodeSync,
} from './messages.ts'
import { stampIdentity } from './presence.ts'
import type { DocumentRules } from './checks/DocumentRules.ts'
import { UpdateGuard, type Verdict } from './checks/UpdateGuard.ts'

export interface RoomOptions {
  /** Compact the update log into one update once it holds more rows than this. */
  readonly compactAfter: number
  /** Presence changes are batched over this window and sent as one frame. */
  readonly awarenessFlushMs: number
  /** Largest encoded state the document may reach; updates that would pass it are refused. */
  readonly maxDocumentBytes: number
}

/** Thrown for an update the document's rules or quota refuse; the caller closes that socket. */
export class RefusedUpdateError extends Error {
  readonly code = 'refused_update'
  constructor(readonly verdict: Extract<Verdict, { ok: false }>) {
    super(verdict.reason)
  }
}

const LOADED_FROM_STORE = Symbol('loaded from store')

/** A y-websocket provider announces one awareness client id (its doc's) for its whole life. */
const MAX_PRESENCE_IDS_PER_SOCKET = 1
/** Room for entries of people who just left, in a relay of everyone's presence. */
const MAX_PRESENCE_ENTRIES_SLACK = 16

/** An update without structs or deletions is encoded as two zero bytes. */
const EMPTY_UPDATE_BYTES = 2

export class Room {
  /** The live document; replaced only when a damaging update forces a reload from disk. */
  doc: Y.Doc
  readonly awareness: Awareness
  readonly connections = new Set<Connection>()
  private storedUpdates = 0
  private readonly awarenessOwners = new Map<number, Connection>()
  private readonly changedPresence = new Set<number>()
  private presenceTimer: NodeJS.Timeout | null = null
  private compactionScheduled = false
  private heldChanges: Uint8Array[] | null = null
  private readonly guard: UpdateGuard

  /** Loads the document completely from the store before any socket can reach it. */
  constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly options: RoomOptions,
    rules: DocumentRules
  ) {
    this.doc = this.load()
    if (this.storedUpdates > options.compactAfter) this.compact()
    this.guard = new UpdateGuard(this.doc, rules, options.maxDocumentBytes)
    this.doc.on('update', this.persistAndBroadcast)
    this.awareness = new Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.queuePresence)
  }

  private load(): Y.Doc {
    const { doc, updateCount } = loadDocument(this.store, this.name, LOADED_FROM_STORE)
    this.storedUpdates = updateCount
    return doc
  }

  /** Swaps in `doc`; presence stays, since it only knew the old doc's client id. */
  private replaceDoc(doc: Y.Doc): void {
    this.doc.off('update', this.persistAndBroadcast)
    this.doc = doc
    this.doc.on('update', this.persistAndBroadcast)
    this.guard.replaceLive(doc)
  }

  /** Registers a socket and starts the sync handshake with it. */
  add(connection: Connection): void {
    this.connections.add(connection)
    connection.send(encodeSync(SYNC_TYPE.step1, Y.encodeStateVector(this.doc)))
    const states = [...this.awareness.getStates().keys()]
    // The anonymous audience sees the pitch, not who of the team (or its reviewers) is around.
    if (states.length > 0 && connection.sharesPresence)
      connection.send(encodeAwareness(encodeFullAwareness(this.awareness, states)))
  }

  /** Forgets a socket and withdraws the presence it announced. */
  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    const ids = [...connection.clientIds].filter(
      (id) => this.awarenessOwners.get(id) === connection
    )
    for (const id of ids) this.awarenessOwners.delete(id)
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, connection)
  }

  /**
   * Handles one binary frame from `connection`. Throws MalformedMessageError for bad input (the caller
   * closes that socket); any other error means the room can no longer be trusted.
   */
  receive(connection: Connection, frame: Uint8Array): void {
    const message = decodeMessage(frame)
    switch (message.type) {
      case 'syncStep1': {
        let update: Uint8Array
        try {
          update = Y.encodeStateAsUpdate(this.doc, message.stateVector)
        } catch {
          throw new MalformedMessageError('invalid state vector')
        }
        connection.send(encodeSync(SYNC_TYPE.step2, update))
        return
      }
      case 'syncStep2':
      case 'syncUpdate':
        if (!connection.canWrite) {
          // Every provider answers the server's step 1 with a step 2, empty (two zero bytes) when it
          // has nothing of its own; only real content counts as a dropped write.
          if (message.update.byteLength > EMPTY_UPDATE_BYTES) connection.droppedUpdates++
          return
        }
        // The check applies the update to the guard's shadow first, so it also refuses undecodable bytes.
        this.assertAccepted(message.update)
        this.guard.applyChecked(() => this.applyFrom(connection, message.update))
        return
      case 'awareness':
        this.applyPresence(connection, message.update)
        return
      case 'queryAwareness':
        if (!connection.sharesPresence) return
        connection.send(
          encodeAwareness(
            encodeFullAwareness(this.awareness, [...this.awareness.getStates().keys()])
          )
        )
        return
    }
  }

  /** Merges the whole update log into one row. The in-memory doc holds exactly what the log holds. */
  compact(): void {
    this.compactionScheduled = false
    if (this.storedUpdates <= 1) return
    this.store.replaceUpdates(this.name, Y.encodeStateAsUpdate(this.doc))
    this.storedUpdates = 1
  }

  /** Closes every socket (with `code`) and frees the document. */
  destroy(code?: number, reason?: string): void {
    if (code !== undefined) for (const c of this.connections) c.close(code, reason ?? '')
    this.connections.clear()
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.doc.off('update', this.persistAndBroadcast)
    this.guard.destroy()
    this.awareness.destroy()
    this.doc.destroy()
  }

  get storedUpdateCount(): number {
    return this.storedUpdates
  }

  /** The check step: the update must keep the document within its schema and its quota. */
  private assertAccepted(update: Uint8Array): void {
    let verdict: Verdict
    try {
      verdict = this.guard.check(update)
    } catch (error) {
      throw new MalformedMessageError(`Yjs could not apply the update: ${(error as Error).message}`)
    }
    if (!verdict.ok) throw new RefusedUpdateError(verdict)
  }

  /**
   * Applies a client's update, holding back what it changes until Yjs has finished: an update that
   * decodes but fails half-way through integration must leave no trace on disk or at other clients.
   */
  private applyFrom(connection: Connection, update: Uint8Array): void {
    const changes: Uint8Array[] = []
    this.heldChanges = changes
    try {
      Y.applyUpdate(this.doc, update, connection)
    } catch (error) {
      // The doc may hold a fragment of the update; disk and every client do not. Reload from disk, so the
      // room carries on as if the update never came.
      this.heldChanges = null
      this.replaceDoc(this.load())
      throw new MalformedMessageError(`Yjs could not apply the update: ${(error as Error).message}`)
    }
    this.heldChanges = null
    for (const change of changes) this.commit(change, connection)
  }

  private readonly persistAndBroadcast = (update: Uint8Array, origin: unknown): void => {
    if (this.heldChanges) this.heldChanges.push(update)
    else this.commit(update, origin)
  }

  private commit(update: Uint8Array, origin: unknown): void {
    this.store.appendUpdate(this.name, update)
    this.storedUpdates++
    const message = encodeSync(SYNC_TYPE.update, update)
    for (const c of this.connections) if (c !== origin) c.send(message)
    if (this.storedUpdates > this.options.compactAfter && !this.compactionScheduled) {
      // After the broadcast, so compaction never adds to anyone's latency.
      this.compactionScheduled = true
      setImmediate(() => this.compactIfAlive())
    }
  }

  private compactIfAlive(): void {
    if (!this.doc.isDestroyed) this.compact()
  }

  /**
   * Applies a socket's presence. Clients relay every awareness change they see, including other
   * people's, so entries for client ids that another socket owns are dropped rather than refused: a
   * socket may only announce, change or withdraw its own presence — one client id, claimed by its first
   * state — so the presence a newcomer receives is never more than one state per member's socket.
   */
  private applyPresence(connection: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    // The audience is counted, not shown: its presence would only multiply traffic by the crowd's size.
    if (!connection.sharesPresence) return
    // A relay of everyone's presence holds at most the room's states and a few that just left.
    if (entries.length > 2 * this.awareness.getStates().size + MAX_PRESENCE_ENTRIES_SLACK)
      throw new MalformedMessageError('more presence entries than there are people here')
    const own: typeof entries = []
    let claims = connection.clientIds.size
    for (const entry of entries) {
      const owner = this.awarenessOwners.get(entry.clientId)
      if (owner) {
        if (owner === connection) own.push(entry)
        continue
      }
      // An unowned id is claimed only by a newer, non-empty state (echoes of old states carry old
      // clocks), and only by a socket that has no id yet.
      const isNewer = entry.clock > (this.awareness.meta.get(entry.clientId)?.clock ?? 0)
      if (entry.state !== null && isNewer && claims < MAX_PRESENCE_IDS_PER_SOCKET) {
        claims++
        own.push(entry)
      }
    }
    if (own.length === 0) return
    // Clients relay everyone's presence in one message, so the cap is per state, not per message. A
    // read-only socket (a reviewer) shows a name and a caret: a much smaller state.
    const maxBytes = connection.canWrite ? MAX_AWARENESS_BYTES : MAX_READONLY_AWARENESS_BYTES
    if (own.some((e) => JSON.stringify(e.state).length > maxBytes)) {
      throw new MalformedMessageError('presence state too large')
    }
    for (const entry of own) {
      this.awarenessOwners.set(entry.clientId, connection)
      connection.clientIds.add(entry.clientId)
    }
    const stamped = own.map((e) => ({
      ...e,
      state: e.state && stampIdentity(e.state, connection.identity),
    }))
    applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(stamped), connection)
  }

  private readonly queuePresence = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }): void => {
    for (const id of [...added, ...updated, ...removed]) this.changedPresence.add(id)
    if (this.presenceTimer) return
    this.presenceTimer = setTimeout(() => this.flushPresence(), this.options.awarenessFlushMs)
  }

  private flushPresence(): void {
    this.presenceTimer = null
    if (this.changedPresence.size === 0 || this.doc.isDestroyed) return
    const message = encodeAwareness(encodeFullAwareness(this.awareness, [...this.changedPresence]))
    this.changedPresence.clear()
    for (const c of this.connections) if (c.sharesPresence) c.send(message)
  }
}
