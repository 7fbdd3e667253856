/**
 * One live document: a Y.Doc and the sockets editing it. Who is here (presence) is RoomPresence's job:
 * it is not stored and touches no document state, so it is handed over at once, outside the queue.
 *
 * Everything that touches the document runs through one ordered queue, so the room works on one frame at
 * a time even though storage is asynchronous. The queue starts with the load (the room subscribes to the
 * relay first, so nothing published meanwhile is missed); frames arriving while it loads wait their turn.
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
import type { CountedState, DocumentLog } from '../ports/DocumentLog.ts'
import type { DocumentMessage, Relay, Unsubscribe } from '../ports/Relay.ts'
import { docFromUpdates, mergeStoredUpdates } from '../storage/loadDocument.ts'
import type { Connection } from './Connection.ts'
import {
  type IncomingMessage,
  MalformedMessageError,
  SYNC_TYPE,
  decodeMessage,
  encodeSync,
} from './messages.ts'
import { RoomPresence } from './RoomPresence.ts'
import type { DocumentRules } from './checks/DocumentRules.ts'
import { UpdateGuard, type Verdict } from './checks/UpdateGuard.ts'

export interface RoomOptions {
  /** Compact the update log into one update once it holds more rows than this. */
  readonly compactAfter: number
  /** Presence changes are batched over this window and sent as one frame. */
  readonly awarenessFlushMs: number
  /** Largest encoded state the document may reach; updates that would pass it are refused. */
  readonly maxDocumentBytes: number
  /** No other instance writes this document's log (no REDIS_URL): see compactBeforeUnload. */
  readonly isSoleWriter?: boolean
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

const LOADED_FROM_STORE = Symbol('loaded from store')

/** Documents up to this size compact after compactAfter rows; larger ones after proportionally more. */
const COMPACT_SCALE_BYTES = 16 * 1024

/** How long a load waits for its early answer to leave before it decodes the row (it never needs to). */
const EARLY_ANSWER_WAIT_MS = 50
/** A stored row this large takes milliseconds to decode (~0.2 ms per KiB): worth waiting for a step 1. */
const EARLY_ANSWER_MIN_BYTES = 64 * 1024
/** How long a load with such a row waits for a joining socket's step 1 to arrive. */
const STEP_ONE_WAIT_MS = 5

/** An update without structs or deletions is encoded as two zero bytes. */
const EMPTY_UPDATE_BYTES = 2

/** A writer's update waiting in the queue, with its sender. */
interface QueuedUpdate {
  readonly connection: Connection
  readonly update: Uint8Array
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

/** A state vector that names no client: `[0]`, what a client with an empty doc sends. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
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
  private storedUpdates = 0
  /**
   * The one stored row the doc was loaded from, while nothing changed it since: a client that has nothing
   * yet gets it as it is, instead of the whole doc encoded again.
   */
  private storedState: Uint8Array | null = null
  /** The stored size of the document when it was last loaded or compacted (see isLogLong). */
  private compactedBytes = 0
  private compacting = false
  private compactionScheduled = false
  private captured: Uint8Array[] | null = null
  /** Writers' updates that arrived since the last batch started; they go through as the next batch. */
  private waitingUpdates: QueuedUpdate[] | null = null
  private unsubscribe: Unsubscribe | null = null
  private isDestroyed = false
  /** Checks clients' updates against the document's rules; made once the document is loaded. */
  private guard: UpdateGuard | null = null
  /**
   * Sockets that asked with an empty state vector before the log was read (null once it was): the load
   * answers them itself, a log of one row even before the doc is built from it.
   */
  private earlyEmptySyncs: Connection[] | null = []
  /** Set while a load waits for a socket's step 1 (see answerEarly). */
  private stepOneArrived: (() => void) | null = null
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
    this.loaded = this.load()
    this.queue = this.loaded.catch(() => {})
  }

  private async load(): Promise<void> {
    this.unsubscribe = await this.relay.subscribe(this.name, this.receiveRelayed)
    const rules = await this.rules
    const { doc, count, bytes, single } = await this.readLog((updates) =>
      updates.length === 1 ? this.answerEarly(updates[0]!) : undefined
    )
    if (this.isDestroyed) return
    this.replaceDoc(doc, bytes)
    this.storedState = single
    this.guard = new UpdateGuard(doc, rules, this.options.maxDocumentBytes, bytes)
    this.applyHeldRelayed()
    // Those that asked meanwhile, or for a log of several rows: answered first in the queue.
    const waiting = this.earlyEmptySyncs ?? []
    this.earlyEmptySyncs = null
    if (waiting.length > 0) {
      const state = this.storedState ?? Y.encodeStateAsUpdate(this.doc)
      const reply = encodeSync(SYNC_TYPE.step2, state)
      for (const connection of waiting) connection.send(reply)
    }
    this.storedUpdates = count
    this.compactedBytes = bytes
    if (this.isLogLong()) this.scheduleCompaction()
    this.presence.ask()
  }

  /**
   * Sends a log of one row (as compaction and unloading leave it) as it is to the sockets that asked with
   * nothing, before the doc is built from it, and waits (briefly) until it left: they apply it while the
   * server decodes it, instead of after. A large row waits up to STEP_ONE_WAIT_MS for a joining socket's
   * step 1 first: on SQLite the load takes no time, so the step 1 arrives only after it (history bench,
   * 245 KB row, at load ~17: fresh load p50 1,199 and 858 ms without the wait, 648 and 560 ms with it).
   */
  private async answerEarly(row: Uint8Array): Promise<void> {
    // Decoding a large row takes long enough to wait briefly for a joining socket's step 1, which is on
    // its way (a provider sends it as soon as the socket opens) when the load itself took no time.
    const isLarge = row.byteLength >= EARLY_ANSWER_MIN_BYTES
    if (isLarge && this.earlyEmptySyncs?.length === 0 && this.connections.size > 0)
      await this.stepOne(STEP_ONE_WAIT_MS)
    const early = this.earlyEmptySyncs ?? []
    this.earlyEmptySyncs = []
    if (early.length === 0) return
    const reply = encodeSync(SYNC_TYPE.step2, row)
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.all(early.map((c) => new Promise<void>((resolve) => c.send(reply, () => resolve())))),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, EARLY_ANSWER_WAIT_MS)
      }),
    ])
    clearTimeout(timer)
  }

  /** Resolves when a socket's sync step 1 arrives, or after `ms`. */
  private stepOne(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.stepOneArrived = null
        resolve()
      }, ms)
      this.stepOneArrived = () => {
        this.stepOneArrived = null
        clearTimeout(timer)
        resolve()
      }
    })
  }

  /**
   * The stored document, its row count, its rows' total size (a bound of the doc's encoded size) and,
   * when the log is one row (as compaction and unloading leave it), that row.
   */
  private async readLog(
    beforeDecoding?: (updates: readonly Uint8Array[]) => Promise<void> | undefined
  ): Promise<{
    doc: Y.Doc
    count: number
    bytes: number
    single: Uint8Array | null
  }> {
    const { updates } = await this.log.load(this.name)
    await beforeDecoding?.(updates)
    let bytes = 0
    for (const update of updates) bytes += update.byteLength
    const doc = docFromUpdates(updates, LOADED_FROM_STORE)
    return { doc, count: updates.length, bytes, single: updates.length === 1 ? updates[0]! : null }
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
    if (message.type === 'syncStep1') this.stepOneArrived?.()
    if (
      this.earlyEmptySyncs &&
      message.type === 'syncStep1' &&
      isEmptyStateVector(message.stateVector)
    ) {
      this.earlyEmptySyncs.push(connection)
      return
    }
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
    applied.forEach(({ origin, update }, i) => {
      if (stored[i]!.status === 'fulfilled') this.afterStored(update, origin)
    })
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
    this.afterStored(update, origin)
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
   * A stored update goes to the other instances and to local sockets (not back to its sender). Published
   * first: the relay's hop is the longer way, and a large room's sends would otherwise delay it.
   */
  private afterStored(update: Uint8Array, origin: unknown): void {
    this.storedUpdates++
    void this.relay.publish(this.name, { type: 'update', update })
    this.broadcast(update, origin)
    if (this.isLogLong()) this.scheduleCompaction()
  }

  private broadcast(update: Uint8Array, origin: unknown): void {
    const message = encodeSync(SYNC_TYPE.update, update)
    for (const c of this.connections) if (c !== origin) c.send(message)
  }

  /** Replaces the doc by what the log holds; a failure here leaves the room unusable (the caller drops it). */
  private async rebuild(): Promise<void> {
    this.heldRelayed ??= []
    const { doc, count, bytes, single } = await this.readLog()
    this.replaceDoc(doc, bytes)
    this.storedState = single
    this.applyHeldRelayed()
    this.storedUpdates = count
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
    for (const change of changes) this.broadcast(change, RELAY_ORIGIN)
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

  /**
   * Merges the stored log into one row, without holding up the queue. When this instance is the log's only
   * writer, the merged row is the doc as it stood between two turns of the queue (it then holds exactly
   * the rows counted), encoded once, and the rows are not even read — unless the log holds other rows than
   * those counted (a batch committed in between): then they are read and merged.
   */
  async compact(): Promise<void> {
    if (this.compacting) return
    this.compacting = true
    try {
      const counted = this.options.isSoleWriter
        ? await this.enqueue(() => this.countedState())
        : null
      let mergedBytes = counted?.state.byteLength ?? 0
      const merged = await this.log.compact(
        this.name,
        (rows) => {
          const update = mergeStoredUpdates(rows)
          mergedBytes = update.byteLength
          return update
        },
        counted ?? undefined
      )
      if (merged > 1) {
        this.storedUpdates = Math.max(1, this.storedUpdates - merged + 1)
        this.compactedBytes = mergedBytes
      }
    } finally {
      this.compacting = false
    }
  }

  /** The doc and the rows it holds, read between two turns of the queue (null: one row, nothing to merge). */
  private countedState(): CountedState | null {
    if (this.storedUpdates <= 1) return null
    return { rows: this.storedUpdates, state: Y.encodeStateAsUpdate(this.doc) }
  }

  /**
   * Whether the log holds enough rows to compact: more than compactAfter, times every COMPACT_SCALE_BYTES
   * of document. Compacting decodes and re-encodes the whole document, so a large one waits for more rows:
   * typing into a 250 KB sheet compacts every ~7,500 edits instead of every 500 (about 13 µs per edit
   * whatever the size), and a load applies at most that many rows.
   */
  private isLogLong(): boolean {
    const scale = Math.max(1, this.compactedBytes / COMPACT_SCALE_BYTES)
    return this.storedUpdates > this.options.compactAfter * scale
  }

  /**
   * Compacts a room about to unload. When this instance is the log's only writer the merged row is the
   * doc itself, encoded in turn with the frames — the doc then holds exactly what is stored (no batch in
   * flight, no refused update awaiting its rebuild) — instead of every row decoded again: a 250 KB sheet
   * with thousands of rows unloads in milliseconds, not a second. With other writers, rows they stored
   * may not have reached this doc yet, so the rows are merged.
   */
  async compactBeforeUnload(): Promise<void> {
    if (!this.options.isSoleWriter) return this.compact()
    if (this.compacting) return
    this.compacting = true
    try {
      // Only rows this room counted may be merged from its doc: any other (a socket that reopened the
      // document in a new room meanwhile) makes the rows be merged after all.
      await this.enqueue(() =>
        this.log.compact(this.name, mergeStoredUpdates, this.countedState() ?? undefined)
      )
    } finally {
      this.compacting = false
    }
  }

  private scheduleCompaction(): void {
    if (this.compacting || this.compactionScheduled) return
    this.compactionScheduled = true
    // After the broadcast, so compaction never adds to anyone's latency. Once: a commit of many rows past
    // the bound asks for it once per row, and on SQLite a compaction can be over before the next callback
    // of the same turn runs — which would then compact a log of one row again, once per row.
    setImmediate(() => {
      this.compactionScheduled = false
      if (!this.isDestroyed && this.isLogLong()) this.compact().catch(() => {})
    })
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
    return this.storedUpdates
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
