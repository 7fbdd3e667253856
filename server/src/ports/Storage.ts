/**
 * The data store as the server sees it: the document log, the record stores, and a unit of work. SQLite
 * and PostgreSQL implement the same ports; only `main.ts` knows which one runs.
 */
import type { RecordStore } from '../storage/Storage.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import type { PostingStore } from '../storage/PostingStore.ts'
import type { DocumentLog } from './DocumentLog.ts'

/** The same interface with every method resolving asynchronously. */
type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<R>
    : Async<T[K]>
}

/** Relational records: people, programs, teams, rounds, pitch, postings, selection and the pool. */
export interface Stores {
  readonly records: Async<Omit<RecordStore, 'transaction'>>
  readonly pitch: Async<PitchStore>
  readonly postings: Async<Omit<PostingStore, 'transaction'>>
}

export interface Storage extends Stores {
  readonly log: DocumentLog
  /**
   * Runs `work` in one transaction over stores bound to it: all of its writes commit, or none (a throw
   * rolls back and rejects with that error). Stores outside `work` never join the transaction.
   */
  tx<T>(work: (stores: Stores) => Promise<T>): Promise<T>
  close(): Promise<void>
}
