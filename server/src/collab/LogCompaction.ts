/**
 * Keeps one room's update log short: counts the rows the room stored and, past a bound, merges them into
 * one row, without holding up the room's queue. It reaches the room only through what it is handed: a way
 * to run a task in the room's turn, the doc's encoded state and whether the room closed.
 */
import type { CountedState, DocumentLog } from '../ports/DocumentLog.ts'
import { mergeStoredUpdates } from '../storage/loadDocument.ts'

/** Documents up to this size compact after compactAfter rows; larger ones after proportionally more. */
const COMPACT_SCALE_BYTES = 16 * 1024

export interface CompactionOptions {
  /** Compact the update log into one update once it holds more rows than this. */
  readonly compactAfter: number
  /** No other instance writes this document's log (no REDIS_URL): see compactBeforeUnload. */
  readonly isSoleWriter?: boolean
}

/** What compaction needs of its room. */
export interface CompactionRoom {
  /** Runs `task` in the room's queue, between two frames: the doc then holds exactly what is stored. */
  inTurn<T>(task: () => T | Promise<T>): Promise<T>
  /** The doc's state as one update (called in turn, so it holds exactly the rows counted). */
  encodeDoc(): Uint8Array
  isClosed(): boolean
}

export class LogCompaction {
  private storedUpdates = 0
  /** The stored size of the document when it was last loaded or compacted (see isLogLong). */
  private compactedBytes = 0
  private compacting = false
  private compactionScheduled = false

  constructor(
    private readonly name: string,
    private readonly log: DocumentLog,
    private readonly options: CompactionOptions,
    private readonly room: CompactionRoom
  ) {}

  /** The room loaded a log of `count` rows, `bytes` in all. */
  loaded(count: number, bytes: number): void {
    this.storedUpdates = count
    this.compactedBytes = bytes
    if (this.isLogLong()) this.schedule()
  }

  /** The room rebuilt its doc from a log of `count` rows. */
  rebuilt(count: number): void {
    this.storedUpdates = count
  }

  /** The room stored `rows` more rows (a batch's appends). */
  stored(rows: number): void {
    this.storedUpdates += rows
    if (this.isLogLong()) this.schedule()
  }

  get storedUpdateCount(): number {
    return this.storedUpdates
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
        ? await this.room.inTurn(() => this.countedState())
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
      await this.room.inTurn(() =>
        this.log.compact(this.name, mergeStoredUpdates, this.countedState() ?? undefined)
      )
    } finally {
      this.compacting = false
    }
  }

  /** The doc and the rows it holds, read between two turns of the queue (null: one row, nothing to merge). */
  private countedState(): CountedState | null {
    if (this.storedUpdates <= 1) return null
    return { rows: this.storedUpdates, state: this.room.encodeDoc() }
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

  private schedule(): void {
    if (this.compacting || this.compactionScheduled) return
    this.compactionScheduled = true
    // After the broadcast, so compaction never adds to anyone's latency. Once: a commit of many rows past
    // the bound asks for it once per row, and on SQLite a compaction can be over before the next callback
    // of the same turn runs — which would then compact a log of one row again, once per row.
    setImmediate(() => {
      this.compactionScheduled = false
      if (!this.room.isClosed() && this.isLogLong()) this.compact().catch(() => {})
    })
  }
}
