/**
 * `sheet.changed` for webhooks, at most once per interval per sheet: the first stored change is told at
 * once, later ones within the interval become one notice at its end. It watches the update log's appends
 * (a decorator on the port), so the collaboration core needs no hook; relayed updates are stored by the
 * instance that received them, so each change is told by that instance alone.
 */
import { parseDocumentName } from '@specboard/shared'
import type { Logger } from '../logger.ts'
import type { DocumentLog } from '../ports/DocumentLog.ts'
import type { RecordStore } from '../storage/Storage.ts'
import type { Webhooks } from './Webhooks.ts'

export class SheetChangeNotices {
  private readonly lastToldAt = new Map<string, number>()
  private readonly trailing = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly records: RecordStore,
    private readonly events: Webhooks,
    private readonly intervalMs: number,
    private readonly log: Logger
  ) {}

  /** The same log, telling this about every stored update. */
  watching(log: DocumentLog): DocumentLog {
    return {
      load: (document) => log.load(document),
      versions: (documents) => log.versions(documents),
      compact: (document, merge, counted) => log.compact(document, merge, counted),
      append: async (document, update) => {
        const seq = await log.append(document, update)
        this.changed(document)
        return seq
      },
    }
  }

  close(): void {
    for (const timer of this.trailing.values()) clearTimeout(timer)
    this.trailing.clear()
  }

  private changed(document: string): void {
    const name = parseDocumentName(document)
    if (name?.kind !== 'spec' || this.trailing.has(name.teamId)) return
    const wait = (this.lastToldAt.get(name.teamId) ?? -Infinity) + this.intervalMs - Date.now()
    if (wait <= 0) {
      this.tell(name.teamId)
      return
    }
    const timer = setTimeout(() => {
      this.trailing.delete(name.teamId)
      this.tell(name.teamId)
    }, wait)
    timer.unref()
    this.trailing.set(name.teamId, timer)
  }

  private tell(teamId: string): void {
    this.lastToldAt.set(teamId, Date.now())
    this.records.getTeam(teamId).then(
      (team) => {
        if (team)
          this.events.emit(team.programId, 'sheet.changed', {
            teamId,
            teamName: team.name,
            changedAt: new Date().toISOString(),
          })
      },
      (error: unknown) =>
        this.log.error('sheet change notice failed', { teamId, error: String(error) })
    )
  }
}
