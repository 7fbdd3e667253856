/**
 * What routes, publishing and the pitch need from live documents, without knowing the collaboration
 * server: read one, change one as the server, who is connected, and closing sockets.
 */
import type * as Y from 'yjs'
import type { ActivePerson } from '@specboard/shared'
import type { SocketMatch } from './Relay.ts'

export interface LiveDocuments {
  /**
   * Runs `read` over the document's current state: the live room's when one is loaded here, else the
   * stored log's (without loading a room). `read` must not keep the doc.
   */
  read<T>(document: string, read: (doc: Y.Doc) => T): Promise<T>
  /**
   * Changes the document on the server's behalf, through its room's queue: stored, then broadcast and
   * relayed like any client's update. `change` must check everything before it writes. Rejects when the
   * change could not be stored (nothing was broadcast then).
   */
  change<T>(document: string, change: (doc: Y.Doc) => T): Promise<T>
  /**
   * Runs `read` over several documents, as `read(document, …)` would, but cheaply for pages that show
   * many (a program's teams): live rooms are read in memory, and the stored ones in one query that tells
   * which have changed since `read` last ran over them under the same `cacheKey`; only those are loaded.
   * `cacheKey` must change whenever `read` would compute differently from the same document.
   */
  readMany<T>(documents: readonly string[], cacheKey: string, read: (doc: Y.Doc) => T): Promise<T[]>
  /**
   * The people connected to each document on any instance, once each per document (every document asked
   * for is a key); the audience is not listed.
   */
  activePeople(documents: readonly string[]): Promise<Map<string, ActivePerson[]>>
  /** Closes matching sockets here and on every other instance. */
  disconnect(match: SocketMatch, code: number, reason: string): Promise<void>
}
