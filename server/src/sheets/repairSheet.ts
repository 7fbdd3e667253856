/**
 * Removes from a sheet what the editor cannot show — content written before every update was checked —
 * and keeps everything else: blocks that are not valid sheet nodes, keyed values on sections, section
 * meta that is malformed or names no section, and whatever sits in roots outside the template.
 */
import type * as Y from 'yjs'
import { SECTION_META_MAP, SectionMeta } from '@specboard/shared'
import { blockProblem, type ItemsOf } from '@specboard/shared/sheetNodes'

/** Repairs `doc` in one transaction (the caller's); returns how many parts were removed. */
export function repairSheet(doc: Y.Doc, sectionKeys: readonly string[]): number {
  const sections = new Set(sectionKeys)
  let removed = 0
  const transaction = doc._transaction
  if (!transaction) throw new Error('repairSheet runs inside a transaction')
  for (const [name, type] of doc.share) {
    if (name === SECTION_META_MAP) continue
    if (!sections.has(name)) {
      removed += deleteAll(type, transaction)
      continue
    }
    const fragment = doc.getXmlFragment(name)
    removed += deleteKeyed(fragment, transaction)
    for (let item = fragment._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue
      if (item.content.getContent().some((child) => blockProblem(child) !== null)) {
        item.delete(transaction)
        removed++
      }
    }
  }
  const meta = doc.getMap(SECTION_META_MAP)
  for (let item = meta._start; item !== null; item = item.right) {
    if (!item.deleted) {
      item.delete(transaction)
      removed++
    }
  }
  for (const [key, value] of [...meta.entries()]) {
    if (!sections.has(key) || !SectionMeta.safeParse(value).success) {
      meta.delete(key)
      removed++
    }
  }
  return removed
}

function deleteKeyed(type: ItemsOf, transaction: Y.Transaction): number {
  let removed = 0
  for (const item of type._map.values()) {
    if (!item.deleted) {
      item.delete(transaction)
      removed++
    }
  }
  return removed
}

function deleteAll(type: ItemsOf, transaction: Y.Transaction): number {
  let removed = deleteKeyed(type, transaction)
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted) {
      item.delete(transaction)
      removed++
    }
  }
  return removed
}
