/**
 * The TipTap extensions that define a section's rich text: its nodes and marks, and how they render to
 * HTML. The client's section editor builds on this list (adding collaboration, carets, the IME guard);
 * the server renders published postings with exactly the same list, so a posting shows what the editor
 * showed.
 *
 * Not exported from index.ts on purpose: it pulls TipTap in, and the client keeps the editor stack out of
 * its first bundle. Import this file directly.
 */
import type { Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'

/** The schema-level extensions of sheet sections. */
export function sheetContentExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings Yjs undo; TipTap's own history would fight it (and means nothing on the server).
      undoRedo: false,
      // TrailingNode appends an empty paragraph to a section that ends in a list, on every client that
      // opens it; y-prosemirror writes each one to the shared document, so the copies pile up.
      trailingNode: false,
    }),
  ]
}
