/**
 * The only place that creates Yjs providers. One Y.Doc, WebsocketProvider and IndexedDB cache per
 * document name, shared by every component that asks for it and destroyed after the last one lets go.
 *
 * A member authenticates by cookie and keeps an offline copy. The audience of a pitch opens documents
 * with a share-link token instead: read-only on the server, with no local copy and no cross-tab channel.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { FATAL_CLOSE_CODES, REFUSED_EDIT_CLOSE_CODES } from '@specboard/shared'
import { ConnectionTracker } from './ConnectionTracker.ts'

/** A live collaborative document. */
export interface CollabDocument {
  readonly name: string
  readonly ydoc: Y.Doc
  readonly provider: WebsocketProvider
  /** The offline copy; null for documents opened with a share token. */
  readonly persistence: IndexeddbPersistence | null
  readonly connection: ConnectionTracker
  /** Resolves once the IndexedDB copy (if any) has been applied. */
  readonly whenLocalLoaded: Promise<void>
}

/** How a document is opened. */
export interface OpenDocumentOptions {
  /** A pitch share-link token: open read-only as the audience, with no offline copy. */
  readonly shareToken?: string
}

interface Entry {
  readonly document: CollabDocument
  refs: number
  destroyTimer?: ReturnType<typeof setTimeout>
}

const entries = new Map<string, Entry>()

// StrictMode unmounts and remounts at once, and route changes may hand a document from one screen to the
// next: a short grace period keeps the socket open across both.
const RELEASE_DELAY_MS = 1500

/** The WebSocket base URL on this origin; the HttpOnly cookie authenticates the upgrade. */
export function collabBaseUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/collab`
}

// A member's copy and an audience copy of one document never share a Y.Doc.
function keyOf(name: string, { shareToken }: OpenDocumentOptions): string {
  return shareToken ? `${name}\u0000${shareToken}` : name
}

/** Takes a reference to the document `name`, opening it on first use. Pair with {@link releaseDocument}. */
export function acquireDocument(name: string, options: OpenDocumentOptions = {}): CollabDocument {
  const key = keyOf(name, options)
  let entry = entries.get(key)
  if (!entry) {
    entry = { document: open(name, options), refs: 0 }
    entries.set(key, entry)
  }
  clearTimeout(entry.destroyTimer)
  entry.refs++
  return entry.document
}

/** Drops a reference taken by {@link acquireDocument}; the last one closes the document. */
export function releaseDocument(name: string, options: OpenDocumentOptions = {}): void {
  const key = keyOf(name, options)
  const entry = entries.get(key)
  if (!entry) return
  entry.refs--
  if (entry.refs > 0) return
  entry.destroyTimer = setTimeout(() => {
    if (entry.refs > 0) return
    entries.delete(key)
    close(entry.document)
  }, RELEASE_DELAY_MS)
}

function open(name: string, { shareToken }: OpenDocumentOptions): CollabDocument {
  const ydoc = new Y.Doc()
  const persistence = shareToken ? null : new IndexeddbPersistence(name, ydoc)
  const provider = new WebsocketProvider(collabBaseUrl(), name, ydoc, {
    connect: navigator.onLine,
    // After a refused edit the provider would send the same edit again on every reconnect.
    shouldReconnect: (event) =>
      !FATAL_CLOSE_CODES.includes(event.code) && !REFUSED_EDIT_CLOSE_CODES.includes(event.code),
    ...(shareToken ? { params: { token: shareToken }, disableBc: true } : {}),
  })
  const connection = new ConnectionTracker(ydoc, provider, persistence ? [persistence] : [])
  const whenLocalLoaded = persistence
    ? persistence.whenSynced.then(
        () => undefined,
        () => undefined
      )
    : Promise.resolve()
  return { name, ydoc, provider, persistence, connection, whenLocalLoaded }
}

/**
 * Drops the edits the server refused: the offline copy is deleted and the page reloads with the
 * server's state. Everything the server had stored stays.
 */
export async function discardUnsavedChanges(document: CollabDocument): Promise<void> {
  await document.persistence?.clearData()
  location.reload()
}

function close({ ydoc, provider, persistence, connection }: CollabDocument): void {
  connection.destroy()
  provider.awareness.setLocalState(null)
  provider.destroy()
  void persistence?.destroy()
  ydoc.destroy()
}
