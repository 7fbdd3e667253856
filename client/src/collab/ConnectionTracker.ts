/**
 * Follows one provider's connection and says what the person should see: connected, (re)connecting,
 * offline, or refused for good, and whether local edits are waiting to reach the server.
 */
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { CLOSE_CODE, FATAL_CLOSE_CODES, REFUSED_EDIT_CLOSE_CODES } from '@specboard/shared'

/** Why the server refused the connection for good. */
export type FatalReason = 'unauthorized' | 'forbidden' | 'unknownDocument'

/** Why the server refused this client's edits: `tooLarge` — over the document's or a frame's size. */
export type RefusedReason = 'tooLarge' | 'invalid'

/** A snapshot of a document's connection, for rendering. */
export interface ConnectionState {
  readonly status: 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed' | 'refused'
  /** Local edits were made while disconnected and the server has not synced since. */
  readonly hasUnsyncedChanges: boolean
  /** The server's state has been received at least once in this session. */
  readonly hasSynced: boolean
  readonly fatalReason: FatalReason | null
  /**
   * The server refused an edit of ours: it is not saved, and sending it again would be refused again,
   * so the connection stays closed until the person discards what was not saved.
   */
  readonly refusedReason: RefusedReason | null
}

const FATAL_REASON: Record<number, FatalReason> = {
  [CLOSE_CODE.unauthorized]: 'unauthorized',
  [CLOSE_CODE.forbidden]: 'forbidden',
  [CLOSE_CODE.unknownDocument]: 'unknownDocument',
}

/** Subscribable connection state of one provider; `destroy()` detaches every listener. */
export class ConnectionTracker {
  private state: ConnectionState
  private readonly listeners = new Set<() => void>()
  private wasConnected = false
  private readonly cleanups: (() => void)[] = []

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly localOrigins: readonly unknown[]
  ) {
    this.state = {
      status: navigator.onLine ? 'connecting' : 'offline',
      hasUnsyncedChanges: false,
      hasSynced: false,
      fatalReason: null,
      refusedReason: null,
    }
    this.listen()
  }

  /** The current state; the same object until something changes. */
  getState = (): ConnectionState => this.state

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup()
    this.listeners.clear()
  }

  private set(patch: Partial<ConnectionState>): void {
    const next = { ...this.state, ...patch }
    if (Object.entries(patch).every(([k, v]) => this.state[k as keyof ConnectionState] === v))
      return
    this.state = next
    for (const listener of this.listeners) listener()
  }

  /** Refused for good, or holding refused edits: nothing may reconnect until the page reloads. */
  private get isStopped(): boolean {
    return this.state.fatalReason !== null || this.state.refusedReason !== null
  }

  private listen(): void {
    const { provider, ydoc } = this
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (this.isStopped) return
      if (status === 'connected') {
        this.wasConnected = true
        this.set({ status: 'connected' })
      } else if (!navigator.onLine) {
        this.set({ status: 'offline' })
      } else {
        this.set({ status: this.wasConnected ? 'reconnecting' : 'connecting' })
      }
    }
    const onSync = (isSynced: boolean) => {
      if (isSynced) this.set({ hasSynced: true, hasUnsyncedChanges: false })
    }
    const onClose = (event: CloseEvent | null) => {
      // The server could not store an edit (its database was unreachable): nobody saw it. The edit
      // stays here, shown as not saved, and the provider's reconnect sends it again.
      if (event?.code === CLOSE_CODE.notSaved) {
        this.set({ hasUnsyncedChanges: true })
        return
      }
      if (event && REFUSED_EDIT_CLOSE_CODES.includes(event.code)) {
        provider.disconnect()
        const reason: RefusedReason =
          event.code === CLOSE_CODE.refusedUpdate ? 'invalid' : 'tooLarge'
        this.set({ status: 'refused', refusedReason: reason, hasUnsyncedChanges: true })
        return
      }
      if (!event || !FATAL_CLOSE_CODES.includes(event.code)) return
      // Retrying with the same cookie cannot succeed; stop instead of hammering the server.
      provider.disconnect()
      this.set({ status: 'failed', fatalReason: FATAL_REASON[event.code] ?? 'unauthorized' })
    }
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider || this.localOrigins.includes(origin)) return
      if (!provider.wsconnected || this.state.refusedReason) this.set({ hasUnsyncedChanges: true })
    }
    // The browser knows it is offline before the socket notices (a dead socket can take 30 s to time
    // out), so follow its signal: drop the socket now and reconnect as soon as the network is back.
    const onOffline = () => {
      if (this.isStopped) return
      provider.disconnect()
      this.set({ status: 'offline' })
    }
    const onOnline = () => {
      if (this.isStopped) return
      this.set({ status: this.wasConnected ? 'reconnecting' : 'connecting' })
      provider.connect()
    }

    provider.on('status', onStatus)
    provider.on('sync', onSync)
    provider.on('connection-close', onClose)
    ydoc.on('update', onUpdate)
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    this.cleanups.push(
      () => provider.off('status', onStatus),
      () => provider.off('sync', onSync),
      () => provider.off('connection-close', onClose),
      () => ydoc.off('update', onUpdate),
      () => window.removeEventListener('offline', onOffline),
      () => window.removeEventListener('online', onOnline)
    )
  }
}
