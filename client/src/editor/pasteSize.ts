/**
 * How large a paste may be. The server refuses any frame over its limit and closes the socket, so a
 * paste that would make an update that large is refused here, before it touches the document, and the
 * person is told why — instead of an edit that silently never reaches anyone.
 */
import type { Slice } from '@tiptap/pm/model'
import { DEFAULT_MAX_FRAME_BYTES } from '@specboard/shared'

/** A quarter of the frame limit, measured generously below: Yjs's encoding never gets near the rest. */
export const MAX_PASTE_BYTES = Math.floor(DEFAULT_MAX_FRAME_BYTES / 4)

/** What Yjs spends per node (its element, attributes and item headers), at most. */
const BYTES_PER_NODE = 48

/** An upper bound of the bytes a pasted slice adds to the Yjs update it becomes. */
export function pastedBytes(slice: Slice): number {
  let nodes = 0
  slice.content.descendants(() => {
    nodes++
  })
  const text = slice.content.textBetween(0, slice.content.size, '\n', '\n')
  return new TextEncoder().encode(text).byteLength + nodes * BYTES_PER_NODE
}
