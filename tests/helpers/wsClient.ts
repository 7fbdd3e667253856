/**
 * Clients for the collaboration endpoint:
 * - `connectProvider`: a real y-websocket `WebsocketProvider` over `ws` (no BroadcastChannel, so nothing
 *   can sync except through the server);
 * - `RawSocket`: a bare `ws` socket for hand-made frames and for observing close codes;
 * - `LightClient`: a Y.Doc synced over a bare socket, without a provider's timers (for the bench's many
 *   readers).
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import { MESSAGE_TYPE } from '@specboard/shared'

/** What a client needs to know about the server. */
export interface CollabTarget {
  readonly wsUrl: string
}

export interface Waitable {
  readonly timeoutMs?: number
  readonly intervalMs?: number
  /** Named in the timeout error. */
  readonly what?: string
}

/** Polls `predicate` until it holds; rejects after `timeoutMs` naming `what`. */
export async function waitFor(
  predicate: () => boolean,
  { timeoutMs = 5000, intervalMs = 10, what = 'condition' }: Waitable = {}
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(intervalMs)
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The collaboration URL of `document`, with an optional token. */
export function collabUrl(target: CollabTarget, document: string, token?: string): string {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`
  return `${target.wsUrl}/collab/${document}${query}`
}

export interface ProviderClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Close events the provider saw, oldest first. */
  readonly closes: { code: number; reason: string }[]
  destroy(): void
}

export interface ProviderOptions {
  /** A doc to use (e.g. one that already holds offline edits); a fresh one otherwise. */
  readonly doc?: Y.Doc
  readonly connect?: boolean
}

/** A real y-websocket client for `document`, signed in with `token`. */
export function connectProvider(
  target: CollabTarget,
  document: string,
  token: string | undefined,
  options: ProviderOptions = {}
): ProviderClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(`${target.wsUrl}/collab`, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token === undefined ? {} : { token },
    connect: options.connect ?? true,
  })
  const closes: { code: number; reason: string }[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once the provider has completed the sync handshake. */
export function waitForSync(provider: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync)
      reject(new Error(`provider for ${provider.roomname} did not sync in ${timeoutMs} ms`))
    }, timeoutMs)
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

/** Connects a provider and waits for its first sync. */
export async function syncedProvider(
  target: CollabTarget,
  document: string,
  token: string,
  options?: ProviderOptions
): Promise<ProviderClient> {
  const client = connectProvider(target, document, token, options)
  try {
    await waitForSync(client.provider)
  } catch (error) {
    client.destroy()
    throw error
  }
  return client
}

/** A bare socket: send any bytes or text, record what arrives and how it closes. */
export class RawSocket {
  readonly received: Uint8Array[] = []
  /** Resolves with the close code and reason, whoever closed. */
  readonly closed: Promise<{ code: number; reason: string }>
  private closeInfo: { code: number; reason: string } | null = null

  private constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => this.received.push(new Uint8Array(data)))
    // An abrupt close can surface as an error (e.g. EPIPE while flooding); the close event follows.
    ws.on('error', () => {})
    this.closed = new Promise((resolve) => {
      ws.once('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() }
        resolve(this.closeInfo)
      })
    })
  }

  /** Opens a socket to `document`; resolves when it is open (the server may still close it at once). */
  static open(target: CollabTarget, document: string, token?: string): Promise<RawSocket> {
    const ws = new WebSocket(collabUrl(target, document, token))
    const socket = new RawSocket(ws)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket))
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}`))
      )
      ws.once('error', reject)
    })
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  get closeCode(): number | null {
    return this.closeInfo?.code ?? null
  }

  send(data: Uint8Array | string): void {
    if (this.isOpen) this.ws.send(data)
  }

  /** Waits for the close, failing after `timeoutMs`. */
  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`socket not closed after ${timeoutMs} ms`)),
        timeoutMs
      )
    })
    try {
      return await Promise.race([this.closed, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close()
  }

  /** Stops reading from the TCP socket, like a client that never drains what the server sends. */
  pauseReading(): void {
    ;(this.ws as unknown as { _socket: import('node:net').Socket })._socket.pause()
  }

  terminate(): void {
    this.ws.terminate()
  }
}

/** Opens `document` and returns the close code the server answers with (or null if it stays open). */
export async function closeCodeFor(
  target: CollabTarget,
  document: string,
  token?: string,
  waitMs = 3000
): Promise<number | null> {
  const socket = await RawSocket.open(target, document, token)
  try {
    return (await socket.waitClosed(waitMs)).code
  } catch {
    return null
  } finally {
    socket.terminate()
  }
}

/** Frame builders for hand-made messages, written with lib0 like y-websocket does. */
export const frames = {
  syncStep1(stateVector: Uint8Array): Uint8Array {
    return frame((e) => {
      encoding.writeVarUint(e, MESSAGE_TYPE.sync)
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1)
      encoding.writeVarUint8Array(e, stateVector)
    })
  },
  syncStep2(update: Uint8Array): Uint8Array {
    return frame((e) => {
      encoding.writeVarUint(e, MESSAGE_TYPE.sync)
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(e, update)
    })
  },
  syncUpdate(update: Uint8Array): Uint8Array {
    return frame((e) => {
      encoding.writeVarUint(e, MESSAGE_TYPE.sync)
      syncProtocol.writeUpdate(e, update)
    })
  },
  awareness(update: Uint8Array): Uint8Array {
    return frame((e) => {
      encoding.writeVarUint(e, MESSAGE_TYPE.awareness)
      encoding.writeVarUint8Array(e, update)
    })
  },
  /** An awareness update with hand-written JSON states (which y-protocols would refuse to produce). */
  rawAwareness(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
    const update = frame((e) => {
      encoding.writeVarUint(e, entries.length)
      for (const entry of entries) {
        encoding.writeVarUint(e, entry.clientId)
        encoding.writeVarUint(e, entry.clock)
        encoding.writeVarString(e, entry.json)
      }
    })
    return frames.awareness(update)
  },
  queryAwareness(): Uint8Array {
    return frame((e) => encoding.writeVarUint(e, MESSAGE_TYPE.queryAwareness))
  },
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** The update a fresh doc gets from `edit`: a real Yjs update to send by hand. */
export function updateFrom(edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  edit(doc)
  doc.destroy()
  return Y.mergeUpdates(updates)
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * A Y.Doc kept in sync over a bare socket: answers sync step 1, applies step 2 and updates, and can
 * announce one awareness state. No timers, no reconnects: cheap enough to run hundreds in one process.
 */
export class LightClient {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  synced = false
  private readonly ws: WebSocket
  private readonly opened: Promise<void>
  private syncedResolve: (() => void) | null = null
  readonly syncedPromise: Promise<void>

  constructor(target: CollabTarget, document: string, token: string) {
    this.ws = new WebSocket(collabUrl(target, document, token), { perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.syncedPromise = new Promise((resolve, reject) => {
      this.syncedResolve = resolve
      // A socket the server closes before the handshake never syncs: say why instead of waiting.
      this.ws.once('close', (code: number, reason: Buffer) =>
        reject(new Error(`closed before syncing: ${code} ${reason.toString()}`))
      )
    })
    this.syncedPromise.catch(() => {})
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve())
      this.ws.once('error', reject)
    })
    this.ws.on('error', () => {})
    this.ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data)))
    this.ws.on('open', () => {
      this.send(
        frame((e) => {
          encoding.writeVarUint(e, MESSAGE_TYPE.sync)
          syncProtocol.writeSyncStep1(e, this.doc)
        })
      )
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(frames.syncUpdate(update))
    })
    this.awareness.setLocalState(null)
    // Local changes and the Awareness' own 15 s renewals go to the server, as a provider would send them.
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin !== 'local') return
      const changed = [...added, ...updated, ...removed]
      this.send(frames.awareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)))
    })
  }

  /** Announces a presence state (or clears it with null). */
  setPresence(state: Record<string, unknown> | null): void {
    this.awareness.setLocalState(state)
  }

  ready(): Promise<void> {
    return this.opened.then(() => this.syncedPromise)
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  close(): void {
    this.ws.close()
    this.awareness.destroy()
    this.doc.destroy()
  }

  private send(data: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data)
  }

  private onMessage(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_TYPE.sync) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_TYPE.sync)
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder))
      if (syncType === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true
        this.syncedResolve?.()
      }
    }
    // Awareness from others is not needed by light clients; skipping its decode keeps them cheap.
  }
}
