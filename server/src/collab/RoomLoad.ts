/**
 * Reading a room's document from its log, and answering the sockets that join while it loads. A socket
 * that asks with nothing (an empty state vector) before the log was read is held here: the load answers
 * it itself, with the stored row as it is when the log is one row (as compaction and unloading leave it),
 * before the room decodes that row.
 */
import type * as Y from 'yjs'
import type { DocumentLog } from '../ports/DocumentLog.ts'
import { docFromUpdates } from '../storage/loadDocument.ts'
import type { Connection } from './Connection.ts'
import { SYNC_TYPE, encodeSync } from './messages.ts'

/** The transaction origin of what the room applies from its log (not a change: nothing to store). */
export const LOADED_FROM_STORE = Symbol('loaded from store')

/** How long a load waits for its early answer to leave before it decodes the row (it never needs to). */
const EARLY_ANSWER_WAIT_MS = 50
/** A stored row this large takes milliseconds to decode (~0.2 ms per KiB): worth waiting for a step 1. */
const EARLY_ANSWER_MIN_BYTES = 64 * 1024
/** How long a load with such a row waits for a joining socket's step 1 to arrive. */
const STEP_ONE_WAIT_MS = 5

/**
 * The stored document, its row count, its rows' total size (a bound of the doc's encoded size) and,
 * when the log is one row, that row.
 */
export interface StoredDocument {
  readonly doc: Y.Doc
  readonly count: number
  readonly bytes: number
  readonly single: Uint8Array | null
}

/** A state vector that names no client: `[0]`, what a client with an empty doc sends. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
}

/** Reads `document`'s log and builds the doc from it; `beforeDecoding` sees the rows first. */
export async function readLog(
  log: DocumentLog,
  document: string,
  beforeDecoding?: (updates: readonly Uint8Array[]) => Promise<void> | undefined
): Promise<StoredDocument> {
  const { updates } = await log.load(document)
  await beforeDecoding?.(updates)
  let bytes = 0
  for (const update of updates) bytes += update.byteLength
  const doc = docFromUpdates(updates, LOADED_FROM_STORE)
  return { doc, count: updates.length, bytes, single: updates.length === 1 ? updates[0]! : null }
}

export class RoomLoad {
  /**
   * Sockets that asked with an empty state vector before the log was read (null once the load finished):
   * the load answers them itself, a log of one row even before the doc is built from it.
   */
  private earlyEmptySyncs: Connection[] | null = []
  /** Set while the load waits for a socket's step 1 (see answerEarly). */
  private stepOneArrived: (() => void) | null = null

  constructor(
    private readonly name: string,
    private readonly log: DocumentLog,
    private readonly connections: ReadonlySet<Connection>
  ) {}

  /** Takes a socket's sync step 1; true when the load holds it and will answer it itself. */
  holdStepOne(connection: Connection, stateVector: Uint8Array): boolean {
    this.stepOneArrived?.()
    if (!this.earlyEmptySyncs || !isEmptyStateVector(stateVector)) return false
    this.earlyEmptySyncs.push(connection)
    return true
  }

  /** Reads the log, sending a log of one row at once to the sockets held so far. */
  read(): Promise<StoredDocument> {
    return readLog(this.log, this.name, (updates) =>
      updates.length === 1 ? this.answerEarly(updates[0]!) : undefined
    )
  }

  /** The room holds the loaded doc: those still held get `state()` and nothing is held from now on. */
  finish(state: () => Uint8Array): void {
    const waiting = this.earlyEmptySyncs ?? []
    this.earlyEmptySyncs = null
    if (waiting.length === 0) return
    const reply = encodeSync(SYNC_TYPE.step2, state())
    for (const connection of waiting) connection.send(reply)
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
}
