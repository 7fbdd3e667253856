/**
 * The rules of a `spec:` document: one XML fragment per template section, holding only what the sheet
 * schema can show, and the `sectionMeta` map with one valid SectionMeta per section key. No other root.
 * A retired section's text is kept as it was: no update may change it (exports still include it).
 */
import type * as Y from 'yjs'
import { SECTION_META_MAP, SectionMeta, type TemplateSection } from '@specboard/shared'
import type { DocumentRules, RootChange, UpdateChanges } from './DocumentRules.ts'
import { blockProblem, liveChildren } from '@specboard/shared/sheetNodes'

/** What the rules need of a template section. */
export type SectionRef = Pick<TemplateSection, 'key' | 'retired'>

/**
 * The rules of a sheet whose template has `templateSections`. A function, read at each check: a
 * coordinator may add or retire sections while the sheet is open.
 */
export function specRules(templateSections: () => readonly SectionRef[]): DocumentRules {
  return {
    check(changes) {
      const current = templateSections()
      const sections = new Set(current.map((s) => s.key))
      const retired = new Set(current.filter((s) => s.retired).map((s) => s.key))
      for (const [name, change] of changes.roots) {
        const problem =
          name === SECTION_META_MAP
            ? metaProblem(changes.doc.getMap(SECTION_META_MAP), change, sections)
            : retired.has(name)
              ? `"${name}" is a retired section: its text can no longer change`
              : sections.has(name)
                ? sectionProblemIn(changes, changes.doc.getXmlFragment(name), change)
                : `"${name}" is not a section of this sheet`
        if (problem) return problem
      }
      return null
    },
  }
}

// Only what the update brought is judged: a section that already held something odd (written before the
// checks existed) stays editable until a coordinator repairs it.
function sectionProblemIn(
  changes: UpdateChanges,
  fragment: Y.XmlFragment,
  change: RootChange
): string | null {
  for (const key of change.keys) {
    if (key !== null && fragment._map.get(key)?.deleted === false)
      return 'a section holds keyed values'
  }
  if (change.keys.has(null)) {
    for (let item = fragment._start; item !== null; item = item.right) {
      if (item.deleted || !changes.isNew(item)) continue
      for (const child of item.content.getContent()) {
        const problem = blockProblem(child)
        if (problem) return problem
      }
    }
  }
  for (const block of change.nested) {
    if (block._item?.deleted || block._item?.parent !== fragment) continue
    if (block._item.parentSub !== null) return 'a section holds keyed values'
    const problem = blockProblem(block)
    if (problem) return problem
  }
  return null
}

function metaProblem(
  meta: Y.Map<unknown>,
  change: RootChange,
  sections: ReadonlySet<string>
): string | null {
  if (change.nested.size > 0) return 'section meta values must be plain'
  for (const key of change.keys) {
    if (key === null) {
      if (liveChildren(meta).length > 0) return 'section meta holds a list'
      continue
    }
    if (!meta.has(key)) continue
    if (!sections.has(key)) return `section meta for "${key}", which is not a section`
    if (!SectionMeta.safeParse(meta.get(key)).success) return `invalid section meta for "${key}"`
  }
  return null
}
