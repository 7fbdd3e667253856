import * as Y from 'yjs'
import type { DocumentStore } from './Storage.ts'

/**
 * Builds a document from its stored updates, applied one by one in one transaction: Y.mergeUpdates is
 * quadratic in the number of updates (a 50,000-row log would block the process for over a minute).
 */
export function loadDocument(
  store: DocumentStore,
  name: string,
  origin: unknown = null
): { doc: Y.Doc; updateCount: number } {
  const doc = new Y.Doc()
  const updates = store.loadUpdates(name)
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, origin)
  }, origin)
  return { doc, updateCount: updates.length }
}
