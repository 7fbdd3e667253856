import * as Y from 'yjs'
import { diffChars } from 'diff'
import { fragmentToPlainText } from '@specboard/shared'
import type { DiffPart, SectionDiff, SheetTemplate } from '@specboard/shared'

/** Section texts of an encoded sheet state, keyed by section. */
export function sectionTexts(state: Uint8Array, template: SheetTemplate): Map<string, string> {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return new Map(
      template.sections.map((s) => [s.key, fragmentToPlainText(doc.getXmlFragment(s.key))])
    )
  } finally {
    doc.destroy()
  }
}

/** Character diff, since Japanese has no spaces for a word diff to split on. */
export function diffText(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((c) => ({
    kind: c.added ? 'insert' : c.removed ? 'delete' : 'same',
    text: c.value,
  }))
}

/** Per-section diffs between two encoded states of a sheet, in template order. */
export function diffSheets(
  before: Uint8Array,
  after: Uint8Array,
  template: SheetTemplate
): SectionDiff[] {
  const a = sectionTexts(before, template)
  const b = sectionTexts(after, template)
  return template.sections.map((s) => {
    const from = a.get(s.key) ?? ''
    const to = b.get(s.key) ?? ''
    return {
      sectionKey: s.key,
      changed: from !== to,
      parts: from === to ? [{ kind: 'same' as const, text: to }] : diffText(from, to),
    }
  })
}
