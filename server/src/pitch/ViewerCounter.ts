import { parseDocumentName } from '@specboard/shared'
import type { CollabHooks, CollabServer } from '../collab/CollabServer.ts'
import type { Connection } from '../collab/Connection.ts'
import type { PitchStore } from '../storage/PitchStore.ts'
import { setViewers } from './stageWrites.ts'

/** Viewer counts are written at most this often per stage, so 250 arrivals make a few updates. */
const SETTLE_MS = 500

/**
 * Counts the audience sockets on each `stage:` document and writes the number into it, so every screen
 * shows how many people are watching; records each pitch's peak audience for the program's figures.
 */
export class ViewerCounter implements CollabHooks {
  private readonly pending = new Map<string, number>()
  private readonly timers = new Map<string, NodeJS.Timeout>()
  /** Stages that had viewers at the last count, so their drop to zero is written too. */
  private readonly watched = new Set<string>()
  private collab: CollabServer | null = null
  /** Peaks already stored, so only a new high is written. */
  private readonly peaks = new Map<string, number>()

  constructor(private readonly pitch: PitchStore) {}

  /** The counter writes through the collab server it observes, which exists only after the hook. */
  attach(collab: CollabServer): void {
    this.collab = collab
  }

  afterConnectionChange(document: string, connections: ReadonlySet<Connection>): void {
    if (parseDocumentName(document)?.kind !== 'stage') return
    let viewers = 0
    const byAudience = new Map<string, { programId: string; count: number }>()
    for (const c of connections) {
      const audience = c.identity.audience
      if (!audience) continue
      viewers++
      const entry = byAudience.get(audience.key) ?? { programId: audience.programId, count: 0 }
      entry.count++
      byAudience.set(audience.key, entry)
    }
    this.recordPeaks(byAudience)
    // Members coming and going on a stage nobody watches change nothing to write.
    if (viewers === 0 && !this.pending.has(document) && !this.watched.has(document)) return
    if (viewers > 0) this.watched.add(document)
    else this.watched.delete(document)
    this.pending.set(document, viewers)
    if (this.timers.has(document)) return
    this.timers.set(
      document,
      setTimeout(() => {
        this.timers.delete(document)
        const count = this.pending.get(document) ?? 0
        this.pending.delete(document)
        this.collab?.change(document, (doc) => setViewers(doc, count))
      }, SETTLE_MS)
    )
  }

  /** A session's viewers all follow the stage on screen, so the largest count seen on one stage is its peak. */
  private recordPeaks(byAudience: Map<string, { programId: string; count: number }>): void {
    for (const [key, { programId, count }] of byAudience) {
      if (count <= (this.peaks.get(key) ?? 0)) continue
      this.peaks.set(key, count)
      this.pitch.recordAudiencePeak(key, programId, count)
    }
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t)
    this.timers.clear()
  }
}
