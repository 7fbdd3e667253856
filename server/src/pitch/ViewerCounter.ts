import { parseDocumentName } from '@specboard/shared'
import type { CollabHooks, CollabServer } from '../collab/CollabServer.ts'
import type { Connection } from '../collab/Connection.ts'
import type { Logger } from '../logger.ts'
import type { AudienceCount, ViewerTally } from '../ports/ViewerTally.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import { setViewers } from './stageWrites.ts'

/** Viewer counts are written at most this often per stage, so 250 arrivals make a few updates. */
const SETTLE_MS = 500
/**
 * Watched stages are counted again this often: with several instances, two writing at once can leave the
 * older total in the document, and a crashed instance's viewers must stop counting.
 */
const RECOUNT_MS = 5_000

/**
 * Counts the audience sockets on each `stage:` document and writes the number — over every instance —
 * into it, so every screen shows how many people are watching; records each pitch's peak audience for
 * the program's figures.
 */
export class ViewerCounter implements CollabHooks {
  /** This instance's audience per stage, waiting to be reported. */
  private readonly pending = new Map<string, Map<string, AudienceCount>>()
  private readonly timers = new Map<string, NodeJS.Timeout>()
  /** Stages with viewers here at the last count (and what they were), so a drop to zero is reported too. */
  private readonly watched = new Map<string, Map<string, AudienceCount>>()
  private collab: CollabServer | null = null
  /** Peaks already stored, so only a new high is written. */
  private readonly peaks = new Map<string, number>()
  private readonly recount: NodeJS.Timeout

  constructor(
    private readonly pitch: PitchStore,
    private readonly tally: ViewerTally,
    private readonly log: Logger
  ) {
    this.recount = setInterval(() => {
      for (const [document, counts] of this.watched) this.schedule(document, counts)
    }, RECOUNT_MS)
    this.recount.unref()
  }

  /** The counter writes through the collab server it observes, which exists only after the hook. */
  attach(collab: CollabServer): void {
    this.collab = collab
  }

  afterConnectionChange(document: string, connections: ReadonlySet<Connection>): void {
    if (parseDocumentName(document)?.kind !== 'stage') return
    const counts = new Map<string, AudienceCount>()
    for (const c of connections) {
      const audience = c.identity.audience
      if (!audience) continue
      const count = (counts.get(audience.key)?.count ?? 0) + 1
      counts.set(audience.key, { programId: audience.programId, count })
    }
    // Members coming and going on a stage nobody here watches change nothing to report.
    if (counts.size === 0 && !this.pending.has(document) && !this.watched.has(document)) return
    if (counts.size > 0) this.watched.set(document, counts)
    else this.watched.delete(document)
    this.schedule(document, counts)
  }

  close(): void {
    clearInterval(this.recount)
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }

  private schedule(document: string, counts: Map<string, AudienceCount>): void {
    this.pending.set(document, counts)
    if (this.timers.has(document)) return
    this.timers.set(
      document,
      setTimeout(() => {
        this.timers.delete(document)
        const latest = this.pending.get(document) ?? new Map()
        this.pending.delete(document)
        this.write(document, latest).catch((error: unknown) =>
          this.log.warn('viewer count not written', {
            document,
            error: (error as Error).message,
          })
        )
      }, SETTLE_MS)
    )
  }

  private async write(document: string, counts: Map<string, AudienceCount>): Promise<void> {
    const totals = await this.tally.report(document, counts)
    let viewers = 0
    for (const { count } of totals.values()) viewers += count
    await this.collab?.change(document, (doc) => setViewers(doc, viewers))
    this.recordPeaks(totals)
  }

  /** A session's viewers all follow the stage on screen, so the largest count seen on one stage is its peak. */
  private recordPeaks(totals: Map<string, AudienceCount>): void {
    for (const [key, { programId, count }] of totals) {
      if (count <= (this.peaks.get(key) ?? 0)) continue
      this.peaks.set(key, count)
      // A peak that could not be written is written again with the next count above the stored one.
      this.pitch.recordAudiencePeak(key, programId, count).catch(() => this.peaks.delete(key))
    }
  }
}
