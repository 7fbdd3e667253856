/**
 * Ranges of a section as Yjs relative positions, encoded as base64 for the wire: they follow their words
 * while other people type before or inside them.
 */
import * as Y from 'yjs'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
  type ProsemirrorBinding,
} from '@tiptap/y-tiptap'
import type { EditorState } from '@tiptap/pm/state'

/** A range of a section's text by encoded relative positions (the shape of a thread's anchor). */
export interface EncodedRange {
  readonly start: string
  readonly end: string
}

interface SyncState {
  readonly type: Y.XmlFragment
  readonly doc: Y.Doc
  readonly binding: Pick<ProsemirrorBinding, 'mapping'> | null
}

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined
  return sync?.binding ? sync : null
}

/**
 * The editor range `from`–`to` as relative positions: the start sticks to the first selected character
 * (text typed just before the range stays outside it), the end to the last one.
 */
export function encodeRange(state: EditorState, from: number, to: number): EncodedRange | null {
  const sync = syncState(state)
  if (!sync || from >= to) return null
  const { type, doc, binding } = sync
  const startLeft = absolutePositionToRelativePosition(from, type, binding!.mapping)
  const end = absolutePositionToRelativePosition(to, type, binding!.mapping)
  const startAbs = Y.createAbsolutePositionFromRelativePosition(startLeft, doc)
  const start = startAbs
    ? Y.createRelativePositionFromTypeIndex(startAbs.type, startAbs.index, 0)
    : startLeft
  return {
    start: toBase64(Y.encodeRelativePosition(start)),
    end: toBase64(Y.encodeRelativePosition(end)),
  }
}

/** Where an encoded range stands in the editor now; null when its words are gone or it is elsewhere. */
export function resolveRange(
  state: EditorState,
  range: EncodedRange
): { from: number; to: number } | null {
  const sync = syncState(state)
  if (!sync) return null
  const from = toEditorPosition(sync, range.start)
  const to = toEditorPosition(sync, range.end)
  const size = state.doc.content.size
  if (from === null || to === null || from >= to || to > size) return null
  return { from, to }
}

function toEditorPosition(sync: SyncState, encoded: string): number | null {
  const relative = decodePosition(encoded)
  const absolute = relative && Y.createAbsolutePositionFromRelativePosition(relative, sync.doc)
  if (!absolute) return null
  // y-tiptap refuses a position tied to a character at the very start of a section (it takes it for one
  // misplaced by a structural change); the same point expressed by index resolves.
  const byIndex = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1)
  return relativePositionToAbsolutePosition(sync.doc, sync.type, byIndex, sync.binding!.mapping)
}

/** Whether an encoded range still covers text of the fragment `field` in `doc` (no editor needed). */
export function isRangeAlive(doc: Y.Doc, field: string, range: EncodedRange): boolean {
  const start = decodePosition(range.start)
  const end = decodePosition(range.end)
  if (!start || !end) return false
  const fragment = doc.getXmlFragment(field)
  const a = Y.createAbsolutePositionFromRelativePosition(start, doc)
  const b = Y.createAbsolutePositionFromRelativePosition(end, doc)
  if (!a || !b || rootOf(a.type) !== fragment || rootOf(b.type) !== fragment) return false
  return !(a.type === b.type && a.index >= b.index)
}

function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let t = type
  while (t._item) t = t._item.parent as Y.AbstractType<unknown>
  return t
}

function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded))
  } catch {
    return null
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(encoded: string): Uint8Array {
  const binary = atob(encoded)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
