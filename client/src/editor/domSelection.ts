/**
 * What the browser shows that ProseMirror has not read yet. ProseMirror reads DOM changes and caret
 * moves a moment late (a MutationObserver, the selectionchange event); code that redraws the editor in
 * that moment must read them first, or it writes the old state back over what the person just did.
 * These helpers reach into prosemirror-view internals (`domObserver`, `domSelectionRange`), in one place.
 */
import type { EditorView } from '@tiptap/pm/view'

interface ViewInternals {
  domObserver?: {
    flush(): void
    pendingRecords(): unknown[]
    currentSelection?: { eq(range: unknown): boolean }
  }
  domSelectionRange?: () => unknown
}

/** Reads pending DOM changes and caret moves into the editor state now. */
export function readPendingDomChanges(view: EditorView): void {
  ;(view as unknown as ViewInternals).domObserver?.flush()
}

/** Whether the DOM holds changes (typed text) ProseMirror has not read yet. */
export function hasPendingDomChanges(view: EditorView): boolean {
  return ((view as unknown as ViewInternals).domObserver?.pendingRecords().length ?? 0) > 0
}

/** Whether the browser moved the caret in the focused editor and ProseMirror has not read it yet. */
export function hasUnreadDomSelection(view: EditorView): boolean {
  const internal = view as unknown as ViewInternals
  const seen = internal.domObserver?.currentSelection
  if (!seen || !internal.domSelectionRange || !view.hasFocus()) return false
  return !seen.eq(internal.domSelectionRange())
}

/** The caret the browser shows, as editor positions, when ProseMirror has not read it yet. */
export function unreadDomCaret(view: EditorView): { anchor: number; head: number } | null {
  if (!hasUnreadDomSelection(view)) return null
  const selection = view.dom.ownerDocument.getSelection()
  const { anchorNode, focusNode } = selection ?? {}
  if (!selection || !anchorNode || !focusNode) return null
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return null
  try {
    return {
      anchor: view.posAtDOM(anchorNode, selection.anchorOffset),
      head: view.posAtDOM(focusNode, selection.focusOffset),
    }
  } catch {
    return null
  }
}
