/**
 * The update log behind every collaborative document: one row per accepted update, numbered by `seq`.
 * Both engines implement it; rooms and routes see only this port.
 */

/** A document's stored updates, oldest first, and the highest `seq` among them (0 when there are none). */
export interface LoadedLog {
  readonly updates: readonly Uint8Array[]
  readonly upTo: number
}

/** Merges a document's stored updates into one (see `mergeStoredUpdates`). */
export type MergeUpdates = (updates: readonly Uint8Array[]) => Uint8Array

/**
 * What a document's log merges into when it holds exactly `rows` rows: the state of a writer that counted
 * them (the only writer), so a compaction that finds that many rows stores it without reading them.
 */
export interface CountedState {
  readonly rows: number
  readonly state: Uint8Array
}

export interface DocumentLog {
  /** Every stored update of `document`. */
  load(document: string): Promise<LoadedLog>
  /**
   * A version of each document's stored log, in one query: it changes whenever rows are added or
   * compacted (row count and highest seq). Documents with no rows are absent.
   */
  versions(documents: readonly string[]): Promise<Map<string, string>>
  /**
   * Appends one update and resolves with its `seq` only after the row is committed (it survives a crash of
   * this process). A rejection means nothing may have been stored: the caller must not acknowledge it.
   */
  append(document: string, update: Uint8Array): Promise<number>
  /**
   * Replaces the rows it reads (`seq ≤ upTo`) by one row holding `merge(rows)`, in one transaction that
   * reads and deletes from the same snapshot. The merge happens inside the transaction because `seq` is
   * handed out before commit: with several writers, a row with a lower `seq` can commit after a higher one
   * was read, and merging from anything but the rows deleted could drop it. Rows appended meanwhile stay.
   * Resolves with the number of rows merged (0: nothing to do, or another writer compacted concurrently).
   * With `counted`, a log of exactly `counted.rows` rows becomes `counted.state` without being read.
   */
  compact(document: string, merge: MergeUpdates, counted?: CountedState): Promise<number>
}
