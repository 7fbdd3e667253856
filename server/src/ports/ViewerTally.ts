/**
 * How many people watch each pitch stage, over every instance: each instance reports the audience sockets
 * it holds, and gets back the totals. With one instance the totals are its own counts.
 */

/** The audience of one pitch (`session:<id>` or `team:<id>`) on one stage, in one program. */
export interface AudienceCount {
  readonly programId: string
  readonly count: number
}

export interface ViewerTally {
  /**
   * Replaces this instance's counts for `document` (audience key → count; empty: none here any more) and
   * resolves with the totals over every live instance. Never rejects: without its shared store an
   * implementation answers with this instance's counts alone.
   */
  report(
    document: string,
    counts: ReadonlyMap<string, AudienceCount>
  ): Promise<Map<string, AudienceCount>>
  close(): Promise<void>
}

/** The tally of a single instance: its own counts are the totals. */
export class LocalViewerTally implements ViewerTally {
  async report(
    _document: string,
    counts: ReadonlyMap<string, AudienceCount>
  ): Promise<Map<string, AudienceCount>> {
    return new Map(counts)
  }
  async close(): Promise<void> {}
}
