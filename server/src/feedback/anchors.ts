import * as Y from 'yjs'
import type { Anchor } from '@specboard/shared'

/** Decodes one base64 relative position; null for bytes that are not one. */
function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(Buffer.from(encoded, 'base64'))
  } catch {
    return null
  }
}

function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let t = type
  while (t._item) t = t._item.parent as Y.AbstractType<unknown>
  return t
}

/** Where an anchor stands in the live sheet. */
export type AnchorCheck = 'valid' | 'malformed' | 'gone'

/**
 * Checks that both ends of `anchor` decode, resolve inside the section's fragment, and still cover some
 * text: a range whose words were all deleted resolves to one point and counts as gone.
 */
export function checkAnchor(spec: Y.Doc, sectionKey: string, anchor: Anchor): AnchorCheck {
  const start = decodePosition(anchor.start)
  const end = decodePosition(anchor.end)
  if (!start || !end) return 'malformed'
  const fragment = spec.getXmlFragment(sectionKey)
  const a = Y.createAbsolutePositionFromRelativePosition(start, spec)
  const b = Y.createAbsolutePositionFromRelativePosition(end, spec)
  if (!a || !b || rootOf(a.type) !== fragment || rootOf(b.type) !== fragment) return 'gone'
  if (a.type === b.type && a.index >= b.index) return 'gone'
  return 'valid'
}
