/**
 * The rules of a `spec:` document: one XML fragment per template section, holding only what the sheet
 * schema can show, and the `sectionMeta` map with one valid SectionMeta per section key. No other root.
 * A retired section's text is kept as it was: no update may change it (exports still include it).
 */
import * as Y from 'yjs'
import { SECTION_META_MAP, SectionMeta, type TemplateSection } from '@specboard/shared'
import type { DocumentRules, RootChange, SharedType } from './DocumentRules.ts'
import { addedItemProblem, blockProblem, liveChildren } from '@specboard/shared/sheetNodes'

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
                ? keyedProblem(changes.doc.getXmlFragment(name), change)
                : `"${name}" is not a section of this sheet`
        if (problem) return problem
      }
      // Every root the update touched is now a current section or the meta map: judge what it added.
      for (const item of changes.added) {
        const problem = addedProblem(item)
        if (problem) return problem
      }
      return null
    },
  }
}

function keyedProblem(fragment: Y.XmlFragment, change: RootChange): string | null {
  for (const key of change.keys) {
    if (key !== null && fragment._map.get(key)?.deleted === false)
      return 'a section holds keyed values'
  }
  return null
}

// Only what the update brought is judged: a section that already held something odd (written before the
// checks existed) stays editable until a coordinator repairs it.
function addedProblem(item: Y.Item): string | null {
  if (item.deleted) return null
  const parent = item.parent as SharedType
  if (parent._item === null) {
    // A block at a section's top level (the meta map's entries are metaProblem's; keyed entries of a
    // section were refused above).
    if (!(parent instanceof Y.XmlFragment) || item.parentSub !== null) return null
    for (const child of item.content.getContent()) {
      const problem = blockProblem(child)
      if (problem) return problem
    }
    return null
  }
  // Inside a deleted block nothing shows.
  for (let type: SharedType = parent; type._item !== null; type = type._item.parent as SharedType)
    if (type._item.deleted) return null
  return addedItemProblem(item)
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
