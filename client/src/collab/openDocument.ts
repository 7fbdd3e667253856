/**
 * The only place that creates Yjs providers. One Y.Doc, WebsocketProvider and IndexedDB cache per
 * document name, shared by every component that asks for it and destroyed after the last one lets go.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import { FATAL_CLOSE_CODES } from '../../../shared/src/index.ts'
import { ConnectionTracker } from './ConnectionTracker.ts'

/** A live collaborative document. */
export interface CollabDocument {
  readonly name: string
  readonly ydoc: Y.Doc
  readonly provider: WebsocketProvider
  readonly persistence: IndexeddbPersistence
  readonly connection: ConnectionTracker
  /** Resolves once the IndexedDB copy (if any) has been applied. */
  readonly whenLocalLoaded: Promise<void>
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

/** Takes a reference to the document `name`, opening it on first use. Pair with {@link releaseDocument}. */
export function acquireDocument(name: string): CollabDocument {
  let entry = entries.get(name)
  if (!entry) {
    entry = { document: open(name), refs: 0 }
    entries.set(name, entry)
  }
  clearTimeout(entry.destroyTimer)
  entry.refs++
  return entry.document
}

/** Drops a reference taken by {@link acquireDocument}; the last one closes the document. */
export function releaseDocument(name: string): void {
  const entry = entries.get(name)
  if (!entry) return
  entry.refs--
  if (entry.refs > 0) return
  entry.destroyTimer = setTimeout(() => {
    if (entry.refs > 0) return
    entries.delete(name)
    close(entry.document)
  }, RELEASE_DELAY_MS)
}

function open(name: string): CollabDocument {
  const ydoc = new Y.Doc()
  const persistence = new IndexeddbPersistence(name, ydoc)
  const provider = new WebsocketProvider(collabBaseUrl(), name, ydoc, {
    connect: navigator.onLine,
    shouldReconnect: (event) => !FATAL_CLOSE_CODES.includes(event.code),
  })
  const connection = new ConnectionTracker(ydoc, provider, [persistence])
  const whenLocalLoaded = persistence.whenSynced.then(
    () => undefined,
    () => undefined
  )
  return { name, ydoc, provider, persistence, connection, whenLocalLoaded }
}

function close({ ydoc, provider, persistence, connection }: CollabDocument): void {
  connection.destroy()
  provider.awareness.setLocalState(null)
  provider.destroy()
  void persistence.destroy()
  ydoc.destroy()
}
