import type { CountedState, DocumentLog, LoadedLog, MergeUpdates } from '../ports/DocumentLog.ts'

/** One row to append. */
export interface LogRow {
  readonly document: string
  readonly update: Uint8Array
}

/** A document log that can also append many rows in one commit, resolving with their seqs in order. */
export interface BatchedDocumentLog extends DocumentLog {
  /** Appends every row or none (one commit); resolves once committed. */
  appendAll(rows: readonly LogRow[]): Promise<number[]>
}

interface PendingAppend extends LogRow {
  resolve(seq: number): void
  reject(error: unknown): void
}

/**
 * Group commit: appends that arrive within one event-loop turn (from any room) are written in one
 * commit at the end of the turn, and each resolves only once that commit is done — so an update is still
 * on disk before anyone is told about it, but hundreds of rooms share one commit (and, on PostgreSQL, one
 * round trip) instead of paying one each. If the commit fails, every append in it rejects (none of them
 * was stored).
 */
export class GroupCommitLog implements DocumentLog {
  private pending: PendingAppend[] = []

  constructor(private readonly log: BatchedDocumentLog) {}

  load(document: string): Promise<LoadedLog> {
    return this.log.load(document)
  }

  versions(documents: readonly string[]): Promise<Map<string, string>> {
    return this.log.versions(documents)
  }

  compact(document: string, merge: MergeUpdates, counted?: CountedState): Promise<number> {
    return this.log.compact(document, merge, counted)
  }

  append(document: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ document, update, resolve, reject })
      if (this.pending.length === 1) setImmediate(() => void this.commit())
    })
  }

  private async commit(): Promise<void> {
    const group = this.pending
    this.pending = []
    try {
      const seqs = await this.log.appendAll(group)
      group.forEach((entry, i) => entry.resolve(seqs[i]!))
    } catch (error) {
      for (const entry of group) entry.reject(error)
    }
  }
}
