/**
 * A bare y-websocket client that speaks to any of the three servers: Specboard and @y/websocket-server
 * use the plain y-websocket protocol on a per-document URL; Hocuspocus prefixes every frame with the
 * document name and wants an auth message first. The same client code (and cost) runs against each,
 * so differences in the figures are the servers'.
 *
 * Readers do not apply what they receive: they scan the raw frames for the `[writer:seq]` tokens the
 * writers insert (a Yjs update carries inserted text verbatim), so 2,000 readers cost the bench little.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

export type Dialect = 'specboard' | 'yws' | 'hocuspocus'

/** Where one client connects: a server of some dialect, a document, and (Specboard) a token. */
export interface Endpoint {
  readonly dialect: Dialect
  readonly wsUrl: string
  readonly token?: string
}

const SYNC = 0
const AWARENESS = 1
const AUTH = 2
const SYNC_REPLY = 4
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
const TOKEN = /\[(\d+):(\d+)\]/g

function urlOf(endpoint: Endpoint, document: string): string {
  switch (endpoint.dialect) {
    case 'specboard':
      return `${endpoint.wsUrl}/collab/${document}?token=${encodeURIComponent(endpoint.token ?? '')}`
    case 'yws':
      return `${endpoint.wsUrl}/${document}`
    case 'hocuspocus':
      return endpoint.wsUrl
  }
}

export interface ClientOptions {
  /** Keep a Y.Doc in step with the server (writers and loaders); readers only scan frames. */
  readonly applyUpdates?: boolean
  /** Called with each `[writer:seq]` token found in an incoming frame. */
  readonly onToken?: (writer: number, seq: number) => void
}

export class BenchClient {
  readonly doc = new Y.Doc()
  /** Opened by the first `ready()`, so a scenario can open thousands of clients in batches. */
  private ws: WebSocket | null = null
  private readonly prefix: Uint8Array
  private syncedResolve!: () => void
  /** Resolves when the server answered this client's sync step 1 (the client holds the document). */
  private synced: Promise<void>
  private awarenessClock = 0
  private readonly awarenessId = Math.floor(Math.random() * 2 ** 31)

  constructor(
    readonly endpoint: Endpoint,
    readonly document: string,
    private readonly options: ClientOptions = {}
  ) {
    this.prefix = endpoint.dialect === 'hocuspocus' ? prefixOf(document) : new Uint8Array(0)
    this.synced = new Promise((resolve) => (this.syncedResolve = resolve))
    if (options.applyUpdates) {
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== this) this.sendSync(UPDATE, update)
      })
    }
  }

  /** Opens the socket (once), then resolves once synced; rejects if it fails or closes first. */
  ready(timeoutMs = 60_000): Promise<void> {
    const ws = this.open()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync in ${timeoutMs} ms`)), timeoutMs)
      ws.once('close', (code) => reject(new Error(`closed (${code}) before sync`)))
      void this.synced.then(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  private open(): WebSocket {
    if (this.ws) return this.ws
    const ws = new WebSocket(urlOf(this.endpoint, this.document), { perMessageDeflate: false })
    ws.binaryType = 'nodebuffer'
    ws.on('error', () => {})
    ws.on('open', () => this.greet())
    ws.on('message', (data: Buffer) => this.onFrame(data))
    this.ws = ws
    return ws
  }

  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0
  }

  /** Sends a prepared sync update (the bytes of a Yjs update). */
  sendUpdate(update: Uint8Array): void {
    this.sendSync(UPDATE, update)
  }

  /** Asks the server for what this client lacks; resolves when the answer came (all before it is handled). */
  roundTrip(): Promise<void> {
    this.synced = new Promise((resolve) => (this.syncedResolve = resolve))
    this.sendSync(STEP1, Y.encodeStateVector(this.doc))
    return this.synced
  }

  /** Announces (or changes) this client's presence. */
  setPresence(state: Record<string, unknown>): void {
    const inner = frame((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, this.awarenessId)
      encoding.writeVarUint(e, ++this.awarenessClock)
      encoding.writeVarString(e, JSON.stringify(state))
    })
    this.send(
      frame((e) => {
        encoding.writeVarUint(e, AWARENESS)
        encoding.writeVarUint8Array(e, inner)
      })
    )
  }

  close(): void {
    this.ws?.close()
    this.doc.destroy()
  }

  private greet(): void {
    if (this.endpoint.dialect === 'hocuspocus') {
      this.send(
        frame((e) => {
          encoding.writeVarUint(e, AUTH)
          encoding.writeVarUint(e, 0) // token
          encoding.writeVarString(e, 'bench')
        })
      )
    }
    this.sendSync(STEP1, Y.encodeStateVector(this.doc))
  }

  private onFrame(data: Buffer): void {
    if (this.options.onToken) {
      const text = data.toString('latin1')
      for (const match of text.matchAll(TOKEN))
        this.options.onToken(Number(match[1]), Number(match[2]))
    }
    const decoder = decoding.createDecoder(data)
    if (this.prefix.length > 0) decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type !== SYNC && type !== SYNC_REPLY) return
    const syncType = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (syncType === STEP1) {
      // Answer as a provider would: with what the server lacks (nothing, for readers).
      const update = this.options.applyUpdates
        ? Y.encodeStateAsUpdate(this.doc, payload)
        : new Uint8Array([0, 0])
      this.sendSync(STEP2, update)
      return
    }
    if (this.options.applyUpdates) Y.applyUpdate(this.doc, payload, this)
    if (syncType === STEP2) this.syncedResolve()
  }

  private sendSync(syncType: number, payload: Uint8Array): void {
    this.send(
      frame((e) => {
        encoding.writeVarUint(e, SYNC)
        encoding.writeVarUint(e, syncType)
        encoding.writeVarUint8Array(e, payload)
      })
    )
  }

  private send(inner: Uint8Array): void {
    const ws = this.ws
    if (ws?.readyState !== WebSocket.OPEN) return
    if (this.prefix.length === 0) ws.send(inner)
    else ws.send(Buffer.concat([this.prefix, inner]))
  }
}

function prefixOf(document: string): Uint8Array {
  return frame((e) => encoding.writeVarString(e, document))
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * A typist's document: text goes into a paragraph of a section fragment, as the TipTap editor writes
 * it, so the updates pass Specboard's schema checks and the references see the same bytes.
 */
export function typingTarget(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment('what')
  let paragraph = fragment.get(0) as Y.XmlElement | undefined
  if (!paragraph) {
    paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText()])
    fragment.insert(0, [paragraph])
  }
  return paragraph.get(0) as Y.XmlText
}
