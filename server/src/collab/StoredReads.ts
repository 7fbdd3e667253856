import type * as Y from 'yjs'
import type { DocumentLog } from '../ports/DocumentLog.ts'
import { docFromUpdates } from '../storage/loadDocument.ts'

/** Results kept at most; the oldest go first, so a scan over many programs cannot grow memory. */
const MAX_ENTRIES = 2_000

/**
 * What a read computed from a stored (not live) document, kept with the log version it was computed
 * from: pages that show many documents load only those whose log changed since. The version comes from
 * the database, so a write on any instance makes the next read load the document again.
 */
export class StoredReads {
  private readonly results = new Map<string, { version: string; value: unknown }>()

  constructor(private readonly log: DocumentLog) {}

  async readAll<T>(
    documents: readonly string[],
    cacheKey: string,
    read: (doc: Y.Doc) => T
  ): Promise<Map<string, T>> {
    const versions = await this.log.versions(documents)
    const out = new Map<string, T>()
    for (const document of documents) {
      const key = `${cacheKey}\u0000${document}`
      const version = versions.get(document) ?? 'empty'
      const hit = this.results.get(key)
      if (hit && hit.version === version) {
        out.set(document, hit.value as T)
        continue
      }
      const { updates } = await this.log.load(document)
      const doc = docFromUpdates(updates)
      let value: T
      try {
        value = read(doc)
      } finally {
        doc.destroy()
      }
      this.results.delete(key)
      this.results.set(key, { version, value })
      if (this.results.size > MAX_ENTRIES) this.results.delete(this.results.keys().next().value!)
      out.set(document, value)
    }
    return out
  }
}
