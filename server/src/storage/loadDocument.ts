import * as Y from 'yjs'

/**
 * Builds a document from stored updates, applied one by one in one transaction: Y.mergeUpdates is
 * quadratic in the number of updates (a 50,000-row log would block the process for over a minute).
 */
export function docFromUpdates(updates: readonly Uint8Array[], origin: unknown = null): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, origin)
  }, origin)
  return doc
}

/** One update holding everything `updates` hold: what compaction stores in their place. */
export function mergeStoredUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = docFromUpdates(updates)
  try {
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
