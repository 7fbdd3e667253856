/**
 * Shortens the unchanged text of a section diff to some context around each change, so a long section
 * with one edited sentence reads as that sentence.
 */
import type { DiffPart } from '@specboard/shared'

/** A diff run to show: the server's parts, plus gaps where unchanged text was left out. */
export type ShownPart = DiffPart | { readonly kind: 'gap' }

/** Characters of unchanged text kept on each side of a change. */
export const CONTEXT_CHARS = 60

export function condenseDiff(parts: readonly DiffPart[], context = CONTEXT_CHARS): ShownPart[] {
  const shown: ShownPart[] = []
  parts.forEach((part, i) => {
    if (part.kind !== 'same') return shown.push(part)
    const isFirst = i === 0
    const isLast = i === parts.length - 1
    const chars = [...part.text]
    const keepHead = isFirst ? 0 : context
    const keepTail = isLast ? 0 : context
    // Only cut where it saves a good deal: a gap that hides a few characters is noise.
    if (chars.length <= keepHead + keepTail + context / 2) return shown.push(part)
    if (keepHead > 0) shown.push({ kind: 'same', text: chars.slice(0, keepHead).join('') })
    shown.push({ kind: 'gap' })
    if (keepTail > 0)
      shown.push({ kind: 'same', text: chars.slice(chars.length - keepTail).join('') })
  })
  return shown
}
