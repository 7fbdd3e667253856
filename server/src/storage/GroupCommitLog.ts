import type { DocumentLog, LoadedLog, MergeUpdates } from '../ports/DocumentLog.ts'

/** Runs `work` in one transaction, over a document log bound to it. */
export type LogTransaction = <T>(work: (log: DocumentLog) => Promise<T>) => Promise<T>

interface PendingAppend {
  readonly document: string
  readonly update: Uint8Array
  resolve(seq: number): void
  reject(error: unknown): void
}

/**
 * Group commit: appends that arrive within one event-loop turn (from any room) are written in one
 * transaction at the end of the turn, and each resolves only once that transaction committed — so an
 * update is still on disk before anyone is told about it, but hundreds of rooms share one commit instead
 * of paying one each. If the transaction fails, every append in it rejects (none of them was stored).
 */
export class GroupCommitLog implements DocumentLog {
  private pending: PendingAppend[] = []

  constructor(
    private readonly log: DocumentLog,
    private readonly transaction: LogTransaction
  ) {}

  load(document: string): Promise<LoadedLog> {
    return this.log.load(document)
  }

  versions(documents: readonly string[]): Promise<Map<string, string>> {
    return this.log.versions(documents)
  }

  compact(document: string, merge: MergeUpdates): Promise<number> {
    return this.log.compact(document, merge)
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
      const seqs =
        group.length === 1
          ? [await this.log.append(group[0]!.document, group[0]!.update)]
          : await this.transaction(async (log) => {
              const out: number[] = []
              for (const { document, update } of group) out.push(await log.append(document, update))
              return out
            })
      group.forEach((entry, i) => entry.resolve(seqs[i]!))
    } catch (error) {
      for (const entry of group) entry.reject(error)
    }
  }
}
