/**
 * The data store as the server sees it: the document log, the record stores, and a unit of work. SQLite
 * and PostgreSQL implement the same ports; only `main.ts` knows which one runs.
 */
import type { RecordStore } from '../storage/Storage.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import type { PostingStore } from '../storage/PostingStore.ts'
import type { AccountStore } from '../storage/AccountStore.ts'
import type { WebhookStore } from '../storage/WebhookStore.ts'
import type { DigestStore } from '../storage/DigestStore.ts'
import type { MailFailureStore } from '../storage/MailFailureStore.ts'
import type { DocumentLog } from './DocumentLog.ts'

/** Relational records: people, programs, teams, rounds, pitch, postings, selection, the pool and webhooks. */
export interface Stores {
  readonly records: RecordStore
  readonly pitch: PitchStore
  readonly postings: PostingStore
  readonly accounts: AccountStore
  readonly webhooks: WebhookStore
  readonly digests: DigestStore
  readonly mailFailures: MailFailureStore
  /**
   * The unit of work: runs `work` in one transaction over stores bound to it; all of its writes commit,
   * or none (a throw rolls back and rejects with that error). Stores used outside `work` never join it;
   * `tx` on stores that are already bound to a transaction joins that transaction.
   */
  tx<T>(work: (stores: TxStores) => Promise<T>): Promise<T>
}

/** The stores inside a unit of work. */
export interface TxStores extends Stores {
  /**
   * The document log bound to the transaction: appends commit with the records or not at all (the demo
   * seeding). Rooms append through `Storage.log` instead, never inside a transaction.
   */
  readonly documents: DocumentLog
}

export interface Storage extends Stores {
  readonly log: DocumentLog
  close(): Promise<void>
}
