/**
 * Carries what happens to live documents between server instances: document updates, presence, and orders
 * to close sockets. With one instance the local relay carries nothing; with several, a shared one (Redis).
 *
 * Contract for every implementation: a subscriber never receives what its own instance published;
 * messages of one document published by one instance arrive in the order they were published; a relay may
 * lose messages while it is disconnected, and then calls `onResync` handlers once it is back, so rooms
 * catch up from the document log (the truth, since every instance stores before it publishes).
 */

/** Which sockets to close. Every field that is set must match; at least one must be set. */
export interface SocketMatch {
  readonly personId?: string
  readonly shareLinkId?: string
  /** Only sockets on this document. */
  readonly document?: string
}

/** A message about one document. `update` and `presence` carry the encoded Yjs / awareness update. */
export type DocumentMessage =
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'presence'; readonly update: Uint8Array }
  /** A room just loaded on the sender: the others answer with the presence of their own sockets. */
  | { readonly type: 'presenceQuery' }

/** An order to close matching sockets on every instance. */
export interface CloseSockets {
  readonly match: SocketMatch
  readonly code: number
  readonly reason: string
}

export type Unsubscribe = () => Promise<void>

export interface Relay {
  /** Sends a document message to the other instances. Resolves when handed over; never throws. */
  publish(document: string, message: DocumentMessage): Promise<void>
  /**
   * Listens to a document's messages from other instances; resolves once the subscription is active, so a
   * room that subscribes before it loads misses nothing published after its load began.
   */
  subscribe(document: string, onMessage: (message: DocumentMessage) => void): Promise<Unsubscribe>
  /** Asks every other instance to close matching sockets (the caller closes its own). */
  publishClose(order: CloseSockets): Promise<void>
  /** Listens to close orders from other instances. */
  onClose(handler: (order: CloseSockets) => void): void
  /** Tells every other instance that a program's settings (its sheet template) changed. */
  publishProgramChange(programId: string): Promise<void>
  /** Listens to program changes made on other instances. */
  onProgramChange(handler: (programId: string) => void): void
  /** Called after messages may have been lost (the relay reconnected): reload from the document log. */
  onResync(handler: () => void): void
  close(): Promise<void>
}

/** The relay of a single instance: nobody else to tell, nothing ever arrives. */
export class LocalRelay implements Relay {
  async publish(): Promise<void> {}
  async subscribe(): Promise<Unsubscribe> {
    return async () => {}
  }
  async publishClose(): Promise<void> {}
  onClose(): void {}
  async publishProgramChange(): Promise<void> {}
  onProgramChange(): void {}
  onResync(): void {}
  async close(): Promise<void> {}
}
