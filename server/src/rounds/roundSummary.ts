import type { RoundSummary, SectionDiff, Thread } from '@specboard/shared'

/** What a round did, per section: its threads' fate, and whether the text moved while it was open. */
export function summarizeRound(
  roundId: string,
  threads: readonly Thread[],
  diffs: readonly SectionDiff[],
  note: string
): RoundSummary {
  const ofRound = threads.filter((t) => t.roundId === roundId)
  const sections = diffs.map((d) => {
    const here = ofRound.filter((t) => t.sectionKey === d.sectionKey)
    return {
      sectionKey: d.sectionKey,
      threadsOpened: here.length,
      threadsResolved: here.filter((t) => t.status === 'resolved').length,
      threadsStillOpen: here.filter((t) => t.status === 'open').length,
      changed: d.changed,
    }
  })
  return { note, sections, changedSections: sections.filter((s) => s.changed).length }
}
