/**
 * Whether a section's Yjs XML can be shown by the editor: every node and mark is one of the sheet
 * schema's (the TipTap extension list the editor and the posting renderer share), attributes are plain
 * values, and each node holds the kind of children its type allows (blocks in containers, inline content
 * in text blocks, nothing in leaves). Order and count (a list item starting with a paragraph) are not
 * checked: concurrent honest edits can merge into such states, and the editor tolerates them.
 */
import type { NodeType } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { sheetSchema } from './sheetContent.ts'

/** Longest attribute value (a link's href is the longest thing the editor writes). */
const MAX_ATTRIBUTE_CHARS = 4000

/** Why a node cannot be shown, or null when it can. */
export function sectionProblem(fragment: Y.XmlFragment): string | null {
  if (hasLiveMapEntries(fragment)) return 'a section holds keyed values'
  for (const child of liveChildren(fragment)) {
    const problem = blockProblem(child)
    if (problem) return problem
  }
  return null
}

/** Why one child of a section (a block) cannot be shown, or null when it can. */
export function blockProblem(child: unknown): string | null {
  if (!(child instanceof Y.XmlElement)) return 'a section holds something other than blocks'
  const problem = elementProblem(child)
  if (problem) return problem
  // elementProblem has just checked that the node type exists.
  const type = sheetSchema.nodes[child.nodeName]!
  return type.isBlock ? null : `"${child.nodeName}" is not a block`
}

/** The parts of a Yjs type these checks read: its list items and its keyed items. */
export interface ItemsOf {
  readonly _start: Y.Item | null
  readonly _map: Map<string, Y.Item>
}

/** The live (not deleted) children of a type, whatever content they hold. */
export function liveChildren(type: ItemsOf): unknown[] {
  const children: unknown[] = []
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted && item.countable) children.push(...item.content.getContent())
  }
  return children
}

function hasLiveMapEntries(type: ItemsOf): boolean {
  for (const item of type._map.values()) if (!item.deleted) return true
  return false
}

/**
 * Why an item an update added to a node inside a section cannot be shown, or null: a piece of text, a
 * mark, an attribute or a child node, judged against the node it was added to — and a new child node with
 * its whole content, which arrived with it. What was there before is not judged again, so a keystroke
 * costs the same in a long paragraph as in a short one.
 */
export function addedItemProblem(item: Y.Item): string | null {
  if (item.deleted) return null
  const parent = item.parent
  if (parent instanceof Y.XmlText) {
    if (item.parentSub !== null) return 'text holds keyed values'
    return textItemProblem(item)
  }
  if (!(parent instanceof Y.XmlElement)) return null
  const type = sheetSchema.nodes[parent.nodeName]
  if (!type || type.name === 'doc' || type.isText) return `unknown node type "${parent.nodeName}"`
  if (item.parentSub !== null) {
    const [value] = item.content.getContent()
    return isPlainValue(value)
      ? null
      : `attribute "${item.parentSub}" of "${type.name}" is not a plain value`
  }
  if (!item.countable) return null
  for (const child of item.content.getContent()) {
    const problem = childProblem(type, child)
    if (problem) return problem
  }
  return null
}

function elementProblem(element: Y.XmlElement): string | null {
  const type = sheetSchema.nodes[element.nodeName]
  if (!type || type.name === 'doc' || type.isText) return `unknown node type "${element.nodeName}"`
  for (const [name, value] of Object.entries(element.getAttributes())) {
    if (!isPlainValue(value)) return `attribute "${name}" of "${type.name}" is not a plain value`
  }
  for (const child of liveChildren(element)) {
    const problem = childProblem(type, child)
    if (problem) return problem
  }
  return null
}

function childProblem(parent: NodeType, child: unknown): string | null {
  if (parent.isLeaf) return `"${parent.name}" cannot hold content`
  if (child instanceof Y.XmlText) {
    if (!parent.inlineContent) return `text directly inside "${parent.name}"`
    return textProblem(child)
  }
  if (!(child instanceof Y.XmlElement)) return `"${parent.name}" holds something other than nodes`
  const problem = elementProblem(child)
  if (problem) return problem
  const type = sheetSchema.nodes[child.nodeName]!
  if (parent.inlineContent !== type.isInline)
    return `"${child.nodeName}" cannot sit inside "${parent.name}"`
  return null
}

function textProblem(text: Y.XmlText): string | null {
  if (hasLiveMapEntries(text)) return 'text holds keyed values'
  // Walks the text's items instead of building its delta (a new text is checked whole, with its node).
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const problem = textItemProblem(item)
    if (problem) return problem
  }
  return null
}

/** Why one item of a text cannot be shown: only strings and the schema's marks can. */
function textItemProblem(item: Y.Item): string | null {
  if (item.content instanceof Y.ContentString) return null
  if (!(item.content instanceof Y.ContentFormat)) return 'text holds an embedded object'
  const { key: name, value: attrs } = item.content
  if (attrs === null) return null // where a mark ends
  // y-prosemirror names overlapping marks `<mark>--<hash>`.
  const markName = name.split('--')[0] ?? name
  if (!sheetSchema.marks[markName]) return `unknown mark "${name}"`
  if (!isMarkAttrs(attrs)) return `mark "${name}" has attributes that are not plain values`
  return null
}

function isMarkAttrs(value: unknown): boolean {
  if (value === true || value === null) return true
  if (typeof value !== 'object' || Array.isArray(value)) return false
  return Object.values(value as Record<string, unknown>).every(isPlainValue)
}

function isPlainValue(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.length <= MAX_ATTRIBUTE_CHARS
}
