/** Small facts about rounds that several review screens show. */
import type { Round, RoundSummary, SheetTemplate } from '@specboard/shared'
import type { Language } from '../i18n/index.ts'

/** A section's title in the UI language; the key itself if the template no longer has it. */
export function sectionTitle(template: SheetTemplate, key: string, language: Language): string {
  return template.sections.find((s) => s.key === key)?.title[language] ?? key
}

/** The number of the round that was open at `iso`, or null when none was. */
export function roundAt(rounds: readonly Round[], iso: string): number | null {
  const at = Date.parse(iso)
  const round = rounds.find(
    (r) => Date.parse(r.openedAt) <= at && (r.closedAt === null || at < Date.parse(r.closedAt))
  )
  return round?.number ?? null
}

/** A summary's counts over all sections. */
export function summaryTotals(summary: RoundSummary): {
  opened: number
  resolved: number
  stillOpen: number
} {
  let opened = 0
  let resolved = 0
  let stillOpen = 0
  for (const s of summary.sections) {
    opened += s.threadsOpened
    resolved += s.threadsResolved
    stillOpen += s.threadsStillOpen
  }
  return { opened, resolved, stillOpen }
}
