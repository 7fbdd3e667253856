/**
 * The TipTap extensions of every section editor, in one list.
 *
 * This is the extension point: to give all section editors a behaviour (an IME composition guard, a
 * character counter, …), add it to the array returned by {@link sectionEditorExtensions}. Nothing else
 * builds an extension list for sheet sections.
 */
import type { Extensions } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type * as Y from 'yjs'
import { ImeCompositionGuard } from './imeCompositionGuard.ts'
import { SectionAnnotationsExtension, type SectionAnnotations } from './sectionAnnotations.ts'
import type { WebsocketProvider } from 'y-websocket'
import type { PresenceUser } from '../collab/usePresence.ts'
import { sheetContentExtensions } from '@specboard/shared/editorExtensions'

/** What a section editor is bound to. */
export interface SectionEditorBinding {
  readonly ydoc: Y.Doc
  /** The section key, which names the section's Y.XmlFragment. */
  readonly field: string
  /** With a provider and user, other people's carets are shown and ours is announced. */
  readonly provider?: WebsocketProvider
  readonly user?: PresenceUser
  /** Highlighted ranges (comment threads) and selection reports, for a feature that comments on text. */
  readonly annotations?: SectionAnnotations
}

/** Builds the extension list for one section editor. */
export function sectionEditorExtensions({
  ydoc,
  field,
  provider,
  user,
  annotations,
}: SectionEditorBinding): Extensions {
  return [
    // The sheet's schema, the same list the server renders postings with.
    ...sheetContentExtensions(),
    Collaboration.configure({ document: ydoc, field }),
    // After Collaboration: it wraps the binding that Collaboration's plugin creates.
    ImeCompositionGuard,
    ...(provider && user ? [CollaborationCaret.configure({ provider, user })] : []),
    ...(annotations ? [SectionAnnotationsExtension.configure({ source: annotations, field })] : []),
  ]
}
