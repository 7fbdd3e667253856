/**
 * Where every position of the document the editor showed has gone in the one Yjs holds now, after other
 * people's edits arrived and were held back (imeCompositionGuard.ts). Yjs keeps every item it ever had
 * in order, deleted ones included, so walking a section's items once tells, for each, whether it was
 * shown then (a snapshot taken before the first held change) and whether it is shown now; the result is
 * a ProseMirror StepMap, which maps a held edit's positions with ProseMirror's own rules for text
 * inserted at a boundary.
 */
import { StepMap } from '@tiptap/pm/transform'
import type { Node as PMNode } from '@tiptap/pm/model'
import * as Y from 'yjs'

/** Ranges `[start, oldSize, newSize]` in order of the old document, as StepMap takes them. */
class RangeList {
  ranges: number[] = []
  oldPos = 0

  same(size: number): void {
    this.oldPos += size
  }

  change(oldSize: number, newSize: number): void {
    if (oldSize === 0 && newSize === 0) return
    const [start, size, added] = this.ranges.slice(-3)
    // Adjacent changes join into one range, as StepMap expects them apart.
    if (
      start !== undefined &&
      size !== undefined &&
      added !== undefined &&
      start + size === this.oldPos
    )
      this.ranges.splice(-2, 2, size + oldSize, added + newSize)
    else this.ranges.push(this.oldPos, oldSize, newSize)
    this.oldPos += oldSize
  }
}

/**
 * The map from `shown` (the section as the editor showed it when `then` was taken, equal to Yjs then)
 * to `now` (the section as Yjs holds it now, rendered to ProseMirror by the binding).
 */
export function remoteChangeMap(
  fragment: Y.XmlFragment,
  then: Y.Snapshot,
  shown: PMNode,
  sizeNow: (type: Y.XmlElement) => number | undefined
): StepMap {
  const list = new RangeList()
  const wasShown = (client: number, clock: number) =>
    clock < (then.sv.get(client) ?? 0) && !Y.isDeleted(then.ds, { client, clock })
  const isLeaf = (type: Y.XmlElement) => shown.type.schema.nodes[type.nodeName]?.isLeaf ?? true

  const walkText = (text: Y.XmlText) => {
    for (let item = text._start; item; item = item.right) {
      if (!item.countable) continue
      // One item may hold characters from before and after the snapshot (Yjs merges a person's typing).
      for (let i = 0; i < item.length; i++) {
        const before = wasShown(item.id.client, item.id.clock + i)
        if (before && !item.deleted) list.same(1)
        else list.change(before ? 1 : 0, item.deleted ? 0 : 1)
      }
    }
  }

  /** Walks the children of `parent`, whose node as shown is `node` (null when it was not shown). */
  const walk = (parent: Y.XmlFragment | Y.XmlElement, node: PMNode | null) => {
    let index = 0
    for (let item = parent._start; item; item = item.right) {
      const before = wasShown(item.id.client, item.id.clock)
      if (!before && item.deleted) continue
      const type = item.content instanceof Y.ContentType ? item.content.type : null
      // The child as shown: blocks are one to one with their elements; inline nodes are leaves.
      const shownChild = before && node && !node.isTextblock ? node.maybeChild(index) : null
      if (before) index++
      if (type instanceof Y.XmlText) {
        if (before && !item.deleted) walkText(type)
        else
          list.change(before ? shownTextLength(type, wasShown) : 0, item.deleted ? 0 : type.length)
      } else if (type instanceof Y.XmlElement && before && !item.deleted) {
        if (isLeaf(type)) list.same(1)
        else {
          list.same(1)
          walkContent(type, shownChild)
          list.same(1)
        }
      } else {
        // Deleted since (its content may be gone) or new: it went or came whole.
        const oldSize = before ? (shownChild?.nodeSize ?? 1) : 0
        const newSize = item.deleted || !(type instanceof Y.XmlElement) ? 0 : (sizeNow(type) ?? 1)
        list.change(oldSize, newSize)
      }
    }
  }

  /**
   * An element's content. Inside a paragraph, a piece deleted since may have lost what it was (Yjs keeps
   * only its length); if the walk then disagrees with the paragraph as shown, its content counts as
   * replaced whole.
   */
  const walkContent = (element: Y.XmlElement, node: PMNode | null) => {
    const ranges = list.ranges.slice()
    const start = list.oldPos
    walk(element, node)
    if (!node || list.oldPos - start === node.content.size) return
    list.ranges = ranges
    list.oldPos = start
    list.change(node.content.size, Math.max((sizeNow(element) ?? 2) - 2, 0))
  }

  walk(fragment, shown)
  return new StepMap(list.ranges)
}

function shownTextLength(
  text: Y.XmlText,
  wasShown: (client: number, clock: number) => boolean
): number {
  let length = 0
  for (let item = text._start; item; item = item.right)
    if (item.countable)
      for (let i = 0; i < item.length; i++)
        if (wasShown(item.id.client, item.id.clock + i)) length++
  return length
}
