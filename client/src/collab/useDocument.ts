import { useEffect, useState, useSyncExternalStore } from 'react'
import {
  acquireDocument,
  releaseDocument,
  type CollabDocument,
  type OpenDocumentOptions,
} from './openDocument.ts'
import type { ConnectionState } from './ConnectionTracker.ts'

/**
 * Opens the collaborative document `name` for as long as the calling component is mounted. Returns null
 * until the effect has run (the document is never created during render).
 */
export function useDocument(
  name: string | undefined,
  { shareToken }: OpenDocumentOptions = {}
): CollabDocument | null {
  const [document, setDocument] = useState<CollabDocument | null>(null)
  useEffect(() => {
    if (!name) return
    const options = { shareToken }
    setDocument(acquireDocument(name, options))
    return () => {
      setDocument(null)
      releaseDocument(name, options)
    }
  }, [name, shareToken])
  return document
}

const NO_CONNECTION: ConnectionState = {
  status: 'connecting',
  hasUnsyncedChanges: false,
  hasSynced: false,
  fatalReason: null,
  refusedReason: null,
}
const noop = () => () => {}

/** The live connection state of a document opened with {@link useDocument}. */
export function useConnection(document: CollabDocument | null): ConnectionState {
  return useSyncExternalStore(
    document?.connection.subscribe ?? noop,
    document?.connection.getState ?? (() => NO_CONNECTION)
  )
}

/**
 * Whether the document has content to show: the server synced, or the offline copy in IndexedDB
 * was loaded (editing offline works from that copy).
 */
export function useDocumentReady(document: CollabDocument | null): boolean {
  const connection = useConnection(document)
  const [isLocalLoaded, setLocalLoaded] = useState(false)
  useEffect(() => {
    if (!document) return
    let isCurrent = true
    void document.whenLocalLoaded.then(() => {
      if (isCurrent) setLocalLoaded(true)
    })
    return () => {
      isCurrent = false
      setLocalLoaded(false)
    }
  }, [document])
  return (
    connection.hasSynced ||
    (isLocalLoaded && (connection.status === 'offline' || hasContent(document)))
  )
}

function hasContent(document: CollabDocument | null): boolean {
  return !!document && document.ydoc.store.clients.size > 0
}
