/**
 * Reads a team's sheet — section text, status, assignee, completeness — from the live room when it is
 * loaded, else straight from the update log, without loading a room (LiveDocuments.read).
 */
import type * as Y from 'yjs'
import {
  SECTION_META_MAP,
  computeCompleteness,
  countCharacters,
  fragmentToMarkdown,
  fragmentToPlainText,
  readSectionMeta,
  documentName,
} from '@specboard/shared'
import type { Completeness, SectionStatus, SheetTemplate } from '@specboard/shared'
import type { LiveDocuments } from '../ports/LiveDocuments.ts'

export interface SheetSection {
  readonly key: string
  readonly status: SectionStatus
  readonly assigneeId: string | null
  readonly markdown: string
  readonly text: string
  readonly characters: number
}

export interface Sheet {
  readonly sections: SheetSection[]
  readonly completeness: Completeness
}

/** Runs `read` over the team's spec doc, live or stored. */
export function withSpecDoc<T>(
  live: Pick<LiveDocuments, 'read'>,
  teamId: string,
  read: (doc: Y.Doc) => T
): Promise<T> {
  return live.read(documentName('spec', teamId), read)
}

/**
 * The completeness of many teams' sheets for one template, without loading every sheet on every call:
 * only sheets whose stored log changed since the last call are read again (LiveDocuments.readMany).
 */
export function completenessOfTeams(
  live: LiveDocuments,
  teamIds: readonly string[],
  template: SheetTemplate
): Promise<Completeness[]> {
  const cacheKey = `completeness:${template.sections.map((s) => s.key).join(',')}`
  return live.readMany(
    teamIds.map((id) => documentName('spec', id)),
    cacheKey,
    (doc) => sheetOf(doc, template).completeness
  )
}

/** The sheet as the template orders it. */
export function sheetOf(doc: Y.Doc, template: SheetTemplate): Sheet {
  const meta = doc.getMap(SECTION_META_MAP)
  const sections = template.sections.map((s) => {
    const fragment = doc.getXmlFragment(s.key)
    const m = readSectionMeta(meta.get(s.key))
    return {
      key: s.key,
      status: m.status,
      assigneeId: m.assigneeId,
      markdown: fragmentToMarkdown(fragment),
      text: fragmentToPlainText(fragment),
      characters: countCharacters(fragment),
    }
  })
  // A retired section keeps its text (and exports show it), but no longer counts towards completeness.
  const counted = sections.filter((_, i) => !template.sections[i]?.retired)
  return { sections, completeness: computeCompleteness(counted) }
}
