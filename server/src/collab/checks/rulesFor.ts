import { parseDocumentName, type SheetTemplate } from '@specboard/shared'
import type { DocumentRules } from './DocumentRules.ts'
import { feedbackRules } from './feedbackRules.ts'
import { specRules } from './specRules.ts'
import { stageRules } from './stageRules.ts'

/** Finds the template of a team's program (undefined for an unknown team). */
export type TemplateOf = (teamId: string) => SheetTemplate | undefined

const REFUSE_ALL: DocumentRules = { check: () => 'unknown document' }

/** The rules clients' updates to `document` must follow. */
export function rulesFor(document: string, templateOf: TemplateOf): DocumentRules {
  const name = parseDocumentName(document)
  if (!name) return REFUSE_ALL
  switch (name.kind) {
    case 'spec':
      return specRules(() => templateOf(name.teamId)?.sections ?? [])
    case 'stage':
      return stageRules
    case 'feedback':
      return feedbackRules
  }
}
