/**
 * One live document: a Y.Doc and the sockets editing it. Who is here (presence) is RoomPresence's job:
 * it is not stored and touches no document state, so it is handed over at once, outside the queue.
 *
 * Everything that touches the document runs through one ordered queue, so the room works on one frame at
 * a time even though storage is asynchronous. The queue starts with the load (the room subscribes to the
 * relay first, so nothing published meanwhile is missed); frames arriving while it loads wait their turn.
 * Reading the log while answering sockets that join meanwhile (RoomLoad) and compacting it (LogCompaction)
 * are modules of their own, handed what they need; compaction encodes the doc only in the queue's turn.
 *
 * An accepted update: check → apply, holding back what it changed → append that to the log (await the
 * commit) → publish to the relay and broadcast to local sockets. Writers' updates that arrive while the
 * queue is busy go through together as one batch, whose appends share one commit. Applying before appending means an update
 * Yjs cannot integrate never reaches the log, and what is stored is what the doc integrated (a duplicate
 * stores nothing); nothing is sent to anyone before the commit, and the queue lets no other frame read the
 * doc in between. When the append fails the doc is rebuilt from the log and the sender is told its update
 * was not saved.
 *
 * A relayed update (another instance's, stored there) is applied and broadcast with the relay origin at
 * once, outside the queue, and never stored again: waiting behind this room's appends would add this
 * instance's commit latency to every cross-instance edit. That is safe because
 * - it is committed already: its origin stored it before publishing, so sending it on breaks no promise;
 * - Yjs updates commute: the doc converges whether it lands before or after a local batch's commit;
 * - the steps that must not interleave (check, then apply) run synchronously, so it lands between
 *   batches or while a batch awaits its commit, never between a check and its apply;
 * - what it broadcasts is what its own transaction changed (captured), never a local update still
 *   awaiting its commit: that one is integrated already (an accepted update leaves nothing pending), so
 *   it is not part of the relayed update's transaction.
 * Relayed updates are held, then applied to the new doc, from the moment the doc holds a refused update
 * (which may have left structs pending that a relayed update would integrate, and so broadcast) and
 * while the doc is being replaced by what the log holds (the load, a rebuild: the log read may have
 * begun before they were committed).
 */
import * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { DocumentLog } from '../ports/DocumentLog.ts'
import type { DocumentMessage, Relay, Unsubscribe } from '../ports/Relay.ts'
import type { Connection } from './Connection.ts'
import { type CompactionOptions, LogCompaction } from './LogCompaction.ts'
import {
  type IncomingMessage,
  MalformedMessageError,
  SYNC_TYPE,
  decodeMessage,
  encodeSync,
} from './messages.ts'
import { LOADED_FROM_STORE, RoomLoad, isEmptyStateVector, readLog } from './RoomLoad.ts'
import { RoomPresence } from './RoomPresence.ts'
import type { DocumentRules } from './checks/DocumentRules.ts'
import { UpdateGuard, type Verdict } from './checks/UpdateGuard.ts'

export interface RoomOptions extends CompactionOptions {
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

/**
 * The update could not be stored: nobody saw it, and its sender must be told. `isRoomLost`: the doc could
 * not be rebuilt from the log either, so the room must be dropped (its clients keep their edits).
 */
export class NotSavedError extends Error {
  constructor(
    message: string,
    readonly isRoomLost: boolean
  ) {
    super(message)
  }
}

/** The transaction origin of updates that came from another instance through the relay. */
export const RELAY_ORIGIN = Symbol('relay')

/** An update without structs or deletions is encoded as two zero bytes. */
const EMPTY_UPDATE_BYTES = 2

/** A writer's update waiting in the queue, with its sender. */
interface QueuedUpdate {
  readonly connection: Connection
  readonly update: Uint8Array
}

/** An update to send to every socket but its sender's. */
interface Outgoing {
  readonly update: Uint8Array
  readonly origin: unknown
}

/** `apply` threw; `isPartial`: it had changed part of the doc by then (which must be rebuilt). */
class ApplyError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly isPartial: boolean
  ) {
    super('the change could not be applied')
  }
}

function isUpdate(
  message: IncomingMessage
): message is Extract<IncomingMessage, { type: 'syncStep2' | 'syncUpdate' }> {
  return message.type === 'syncStep2' || message.type === 'syncUpdate'
}

/** What happened to a queued frame, for the caller to act on (close the socket, drop the room). */
export type FrameFailure = (connection: Connection, error: unknown) => void

export class Room {
  /** The live document; replaced only when it must be rebuilt from the log. */
  doc = new Y.Doc()
  private readonly presence: RoomPresence
  readonly connections = new Set<Connection>()
  /** Resolves once the document is loaded; rejects when the load failed (the room is then unusable). */
  readonly loaded: Promise<void>
  private queue: Promise<unknown>
  /** Tasks queued and not yet finished; a room with work pending is not unloaded. */
  private queued = 0
  /**
   * The one stored row the doc was loaded from, while nothing changed it since: a client that has nothing
   * yet gets it as it is, instead of the whole doc encoded again.
   */
  private storedState: Uint8Array | null = null
  private captured: Uint8Array[] | null = null
  /** Writers' updates that arrived since the last batch started; they go through as the next batch. */
  private waitingUpdates: QueuedUpdate[] | null = null
  private unsubscribe: Unsubscribe | null = null
  private isDestroyed = false
  /** Checks clients' updates against the document's rules; made once the document is loaded. */
  private guard: UpdateGuard | null = null
  /** The load, and the sockets' step 1 it holds meanwhile. */
  private readonly loading: RoomLoad
  private readonly compaction: LogCompaction
  /** Relayed updates that arrived while the doc is being replaced from the log (null: apply at once). */
  private heldRelayed: Uint8Array[] | null = []

  constructor(
    readonly name: string,
    private readonly log: DocumentLog,
    private readonly relay: Relay,
    private readonly options: RoomOptions,
    private readonly rules: Promise<DocumentRules>,
    private readonly onFrameFailure: FrameFailure
  ) {
    this.doc.on('update', this.capture)
    this.presence = new RoomPresence(
      name,
      this.doc,
      relay,
      this.connections,
      options.awarenessFlushMs,
      RELAY_ORIGIN
    )
    this.loading = new RoomLoad(name, log, this.connections)
    this.compaction = new LogCompaction(name, log, options, {
      inTurn: (task) => this.enqueue(task),
      encodeDoc: () => Y.encodeStateAsUpdate(this.doc),
      isClosed: () => this.isDestroyed,
    })
    this.loaded = this.load()
    this.queue = this.loaded.catch(() => {})
  }

  private async load(): Promise<void> {
    this.unsubscribe = await this.relay.subscribe(this.name, this.receiveRelayed)
    const rules = await this.rules
    const { doc, count, bytes, single } = await this.loading.read()
    if (this.isDestroyed) return
    this.replaceDoc(doc, bytes)
    this.storedState = single
    this.guard = new UpdateGuard(doc, rules, this.options.maxDocumentBytes, bytes)
    this.applyHeldRelayed()
    // Those that asked meanwhile, or for a log of several rows: answered first in the queue.
    this.loading.finish(() => this.storedState ?? Y.encodeStateAsUpdate(this.doc))
    this.compaction.loaded(count, bytes)
    this.presence.ask()
  }

  /** Swaps in `doc`; presence stays, since it only knew the old doc's client id. */
  private replaceDoc(doc: Y.Doc, storedBytes: number): void {
    this.doc.off('update', this.capture)
    this.doc = doc
    this.doc.on('update', this.capture)
    this.guard?.replaceLive(doc, storedBytes)
  }

  /** Runs `task` after everything queued before it; its failure is the caller's, not the queue's. */
  private enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    this.queued++
    const run = this.queue.then(() => {
      if (this.isDestroyed) throw new Error('the room was closed')
      return task()
    })
    this.queue = run.catch(() => {}).finally(() => this.queued--)
    return run
  }

  /** Registers a socket and, once the document is loaded, starts the sync handshake with it. */
  add(connection: Connection): void {
    this.connections.add(connection)
    void this.enqueue(() => {
      connection.send(encodeSync(SYNC_TYPE.step1, Y.encodeStateVector(this.doc)))
      this.presence.sendAll(connection, true)
    }).catch(() => {})
  }

  /** Forgets a socket and withdraws the presence it announced. */
  remove(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.presence.remove(connection)
  }

  /**
   * Takes one binary frame from `connection`. Presence is handled at once; everything else waits its turn
   * in the queue. Failures go to `onFrameFailure`: MalformedMessageError (bad input), NotSavedError (the
   * log refused the update), anything else (the room can no longer be trusted).
   */
  receive(connection: Connection, frame: Uint8Array): void {
    let message: ReturnType<typeof decodeMessage>
    try {
      message = decodeMessage(frame)
      if (message.type === 'awareness') {
        this.presence.apply(connection, message.update)
        return
      }
    } catch (error) {
      this.onFrameFailure(connection, error)
      return
    }
    if (isUpdate(message) && connection.canWrite) {
      this.queueUpdate(connection, message.update)
      return
    }
    if (message.type === 'syncStep1' && this.loading.holdStepOne(connection, message.stateVector))
      return
    const decoded = message
    this.enqueue(() => this.handle(connection, decoded)).catch((error) => {
      // Frames still queued when the room closes (shutdown, unload) have nobody left to answer.
      if (!this.isDestroyed) this.onFrameFailure(connection, error)
    })
  }

  /**
   * Queues a client's update. Updates that arrive while the queue is busy wait together and go through as
   * one batch, so a busy room pays for one commit per batch instead of one per keystroke.
   */
  private queueUpdate(connection: Connection, update: Uint8Array): void {
    if (this.waitingUpdates) {
      this.waitingUpdates.push({ connection, update })
      return
    }
    const batch = [{ connection, update }]
    this.waitingUpdates = batch
    this.enqueue(() => {
      this.waitingUpdates = null
      return this.commitBatch(batch)
    }).catch((error) => {
      if (this.isDestroyed) return
      for (const sender of new Set(batch.map((u) => u.connection)))
        this.onFrameFailure(sender, error)
    })
  }

  /**
   * Checks and applies each update of a batch (a refused or undecodable one fails its sender only), stores
   * what they changed — the appends of one turn share one commit — then broadcasts and publishes each
   * stored update. Nothing is sent before its commit. An update refused or broken mid-apply has left
   * something in the doc: the updates before it are stored, the doc is rebuilt from the log, and the rest
   * of the batch (but its sender's) goes through as a batch of its own.
   */
  private async commitBatch(batch: readonly QueuedUpdate[]): Promise<void> {
    const applied: { origin: Connection; update: Uint8Array }[] = []
    let rest: readonly QueuedUpdate[] = []
    let isDocDamaged = false
    for (const [i, { connection, update }] of batch.entries()) {
      const outcome = this.applyClientUpdate(connection, update)
      if (outcome instanceof Uint8Array) applied.push({ origin: connection, update: outcome })
      else if (outcome !== null) {
        this.onFrameFailure(connection, outcome)
        isDocDamaged = true
        // Until the rebuild, a relayed update could integrate structs the refused one left pending.
        this.heldRelayed ??= []
        rest = batch.slice(i + 1).filter((u) => u.connection !== connection)
        break
      }
    }
    const stored = await Promise.allSettled(
      applied.map(({ update }) => this.log.append(this.name, update))
    )
    this.afterStored(applied.filter((_, i) => stored[i]!.status === 'fulfilled'))
    const failed = applied.filter((_, i) => stored[i]!.status === 'rejected')
    // The doc holds what was not stored (or what was refused): rebuild it from the log, which holds the rest.
    if (failed.length === 0 && !isDocDamaged) return
    const isRoomLost = await this.rebuild().then(
      () => false,
      () => true
    )
    for (const { origin } of failed)
      this.onFrameFailure(origin, new NotSavedError('the update could not be stored', isRoomLost))
    // The doc may hold a refused update and cannot be trusted: dropping the room closes every socket.
    if (isRoomLost && failed.length === 0)
      throw new NotSavedError('the document could not be rebuilt', true)
    if (rest.length > 0) await this.commitBatch(rest)
  }

  /**
   * Applies one client update through the guard. Returns what it changed (null: nothing new), or the
   * error to fail its sender with — the doc then holds the update, or part of it, and must be rebuilt.
   */
  private applyClientUpdate(connection: Connection, update: Uint8Array): Uint8Array | null | Error {
    const guard = this.guard
    if (!guard) return new MalformedMessageError('the room is not loaded')
    let verdict = { ok: true } as Verdict
    let change: Uint8Array | null
    try {
      change = this.applyCaptured(() => {
        verdict = guard.apply(update, connection)
      })
    } catch (error) {
      const reason = ((error as ApplyError).cause as Error).message
      return new MalformedMessageError(`Yjs could not apply it: ${reason}`)
    }
    if (!verdict.ok) return new RefusedUpdateError(verdict)
    return change
  }

  private async handle(
    connection: Connection,
    message: Exclude<ReturnType<typeof decodeMessage>, { type: 'awareness' }>
  ): Promise<void> {
    switch (message.type) {
      case 'syncStep1': {
        let update: Uint8Array
        try {
          update =
            this.storedState && isEmptyStateVector(message.stateVector)
              ? this.storedState
              : Y.encodeStateAsUpdate(this.doc, message.stateVector)
        } catch {
          throw new MalformedMessageError('invalid state vector')
        }
        connection.send(encodeSync(SYNC_TYPE.step2, update))
        return
      }
      case 'syncStep2':
      case 'syncUpdate':
        // Writers' updates go through queueUpdate. Every provider answers the server's step 1 with a
        // step 2, empty (two zero bytes) when it has nothing of its own; only content counts as dropped.
        if (message.update.byteLength > EMPTY_UPDATE_BYTES) connection.droppedUpdates++
        return
      case 'queryAwareness':
        this.presence.sendAll(connection, false)
        return
    }
  }

  /**
   * Changes the document on the server's behalf, in turn with every socket's frames: stored, broadcast
   * and relayed like a client's update. Rejects with NotSavedError when it could not be stored.
   */
  change<T>(origin: unknown, change: (doc: Y.Doc) => T): Promise<T> {
    return this.enqueue(async () => {
      let result!: T
      await this.commit(origin, () => {
        this.doc.transact(() => {
          result = change(this.doc)
        }, origin)
      })
      return result
    })
  }

  /**
   * Reads the document in turn with every socket's frames: a refused update lies in the doc until the
   * rebuild its batch waits for, so only the queue knows when the doc holds exactly what is stored.
   */
  async read<T>(read: (doc: Y.Doc) => T): Promise<T> {
    await this.loaded
    return this.enqueue(() => read(this.doc))
  }

  /** Whether the room was destroyed (unloaded, dropped or shut down). */
  get isClosed(): boolean {
    return this.isDestroyed
  }

  /** Applies (capturing what changed), stores, then broadcasts and publishes. Runs inside the queue. */
  private async commit(origin: unknown, apply: () => void): Promise<void> {
    let update: Uint8Array | null
    try {
      update = this.applyCaptured(apply)
    } catch (error) {
      // The doc may hold a fragment of the change; the log and every client do not. Rebuild from the log,
      // so the room carries on as if the change never came.
      if (!(error instanceof ApplyError)) throw error
      if (error.isPartial) await this.rebuild()
      throw error.cause
    }
    if (!update) return
    try {
      await this.log.append(this.name, update)
    } catch (error) {
      const isRoomLost = await this.rebuild().then(
        () => false,
        () => true
      )
      throw new NotSavedError(`not stored: ${(error as Error).message}`, isRoomLost)
    }
    this.afterStored([{ update, origin }])
  }

  /**
   * Runs `apply` and returns what it changed in the doc, as one update (null: nothing). Throws ApplyError
   * when `apply` throws, saying whether it had changed part of the doc by then.
   */
  private applyCaptured(apply: () => void): Uint8Array | null {
    const changes: Uint8Array[] = []
    this.captured = changes
    try {
      apply()
    } catch (error) {
      throw new ApplyError(error, changes.length > 0)
    } finally {
      this.captured = null
    }
    if (changes.length === 0) return null
    return changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes)
  }

  /**
   * Stored updates go to the other instances and to local sockets (not back to their senders). Published
   * first: the relay's hop is the longer way, and a large room's sends would otherwise delay it.
   */
  private afterStored(stored: readonly Outgoing[]): void {
    if (stored.length === 0) return
    for (const { update } of stored) void this.relay.publish(this.name, { type: 'update', update })
    this.broadcast(stored)
    this.compaction.stored(stored.length)
  }

  /**
   * Sends updates, in order, to every socket but each one's sender, with the presence waiting for its
   * flush: all of it in one write per socket — a write is most of a send's cost, and a batch's updates,
   * or a keystroke and the caret that moved with it, would otherwise take one each.
   */
  private broadcast(updates: readonly Outgoing[]): void {
    const frames = updates.map(({ update }) => encodeSync(SYNC_TYPE.update, update))
    const presence = this.presence.takeQueued()
    if (frames.length === 1 && !presence) {
      const frame = frames[0]!
      const origin = updates[0]!.origin
      for (const c of this.connections) if (c !== origin) c.send(frame)
      return
    }
    for (const c of this.connections) {
      const out: Uint8Array[] = []
      updates.forEach(({ origin }, i) => {
        if (origin !== c) out.push(frames[i]!)
      })
      if (presence && c.sharesPresence) out.push(presence)
      if (out.length > 0) c.sendAll(out)
    }
  }

  /** Replaces the doc by what the log holds; a failure here leaves the room unusable (the caller drops it). */
  private async rebuild(): Promise<void> {
    this.heldRelayed ??= []
    const { doc, count, bytes, single } = await readLog(this.log, this.name)
    this.replaceDoc(doc, bytes)
    this.storedState = single
    this.applyHeldRelayed()
    this.compaction.rebuilt(count)
  }

  private applyHeldRelayed(): void {
    const held = this.heldRelayed ?? []
    this.heldRelayed = null
    for (const update of held) this.applyRelayed(update)
  }

  private readonly capture = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOADED_FROM_STORE) return
    this.storedState = null
    if (this.captured) this.captured.push(update)
  }

  private readonly receiveRelayed = (message: DocumentMessage): void => {
    if (this.isDestroyed) return
    if (message.type === 'presence') {
      this.presence.applyRelayed(message.update)
      return
    }
    if (message.type === 'presenceQuery') {
      this.presence.answerQuery()
      return
    }
    if (this.heldRelayed) this.heldRelayed.push(message.update)
    else this.applyRelayed(message.update)
  }

  private applyRelayed(update: Uint8Array): void {
    const changes: Uint8Array[] = []
    this.captured = changes
    try {
      Y.applyUpdate(this.doc, update, RELAY_ORIGIN)
    } catch {
      // Only instances of this service publish here; what Yjs cannot apply is dropped, and the next
      // resync or load brings whatever the log holds.
      return
    } finally {
      this.captured = null
    }
    if (changes.length > 0)
      this.broadcast(changes.map((update) => ({ update, origin: RELAY_ORIGIN })))
  }

  /**
   * Catches up after the relay may have lost messages: applies what the log holds (Yjs ignores what the
   * doc already has) and broadcasts what was new.
   */
  resync(): Promise<void> {
    return this.enqueue(async () => {
      const { updates } = await this.log.load(this.name)
      for (const update of updates) this.applyRelayed(update)
      this.presence.ask()
    })
  }

  /** Merges the stored log into one row, without holding up the queue (see LogCompaction). */
  compact(): Promise<void> {
    return this.compaction.compact()
  }

  /** Compacts the log of a room about to unload (see LogCompaction). */
  compactBeforeUnload(): Promise<void> {
    return this.compaction.compactBeforeUnload()
  }

  /** Waits for every queued frame, then closes every socket (with `code`) and frees the document. */
  async destroy(code?: number, reason?: string): Promise<void> {
    if (code !== undefined) for (const c of this.connections) c.close(code, reason ?? '')
    this.connections.clear()
    this.isDestroyed = true
    const unsubscribe = this.unsubscribe
    this.unsubscribe = null
    this.doc.off('update', this.capture)
    this.guard?.destroy()
    this.presence.destroy()
    this.doc.destroy()
    await unsubscribe?.()
  }

  get storedUpdateCount(): number {
    return this.compaction.storedUpdateCount
  }

  /** Whether nothing is queued: no frame, read or server change waits its turn. */
  get isIdle(): boolean {
    return this.queued === 0
  }

  /** Resolves once every frame queued so far has been handled. */
  settled(): Promise<void> {
    return this.queue.then(() => {})
  }

  /** Who is here: the presence the room's sockets and other instances announced. */
  get awareness(): Awareness {
    return this.presence.awareness
  }
}
