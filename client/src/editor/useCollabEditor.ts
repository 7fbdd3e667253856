import { useEffect } from 'react'
import { useEditor, type Editor } from '@tiptap/react'
import type { Slice } from '@tiptap/pm/model'
import { sectionEditorExtensions, type SectionEditorBinding } from './extensions.ts'
import { MAX_PASTE_BYTES, pastedBytes } from './pasteSize.ts'

/** Options of {@link useCollabEditor}. */
export interface CollabEditorOptions extends SectionEditorBinding {
  readonly isEditable: boolean
  /** Accessible name of the editing area. */
  readonly label: string
  readonly onFocus?: () => void
  readonly onBlur?: () => void
  /** A paste or drop was refused for its size (see pasteSize.ts); nothing was inserted. */
  readonly onPasteTooLarge?: (bytes: number) => void
}

/**
 * A TipTap editor bound to one section's Y.XmlFragment. It never writes initial content: the server
 * seeds documents, and text inserted by each client would be duplicated by the CRDT.
 */
export function useCollabEditor(options: CollabEditorOptions): Editor | null {
  const { ydoc, field, provider, user, annotations, isEditable, label, onFocus, onBlur } = options
  const { onPasteTooLarge } = options
  // Returning true tells ProseMirror the paste or drop is handled: here, by inserting nothing.
  const refuseIfTooLarge = (slice: Slice): boolean => {
    const bytes = pastedBytes(slice)
    if (bytes <= MAX_PASTE_BYTES) return false
    onPasteTooLarge?.(bytes)
    return true
  }
  const editor = useEditor(
    {
      extensions: sectionEditorExtensions({ ydoc, field, provider, user, annotations }),
      editable: isEditable,
      editorProps: {
        handlePaste: (_view, _event, slice) => refuseIfTooLarge(slice),
        handleDrop: (_view, _event, slice) => refuseIfTooLarge(slice),
        attributes: {
          class: 'section-editor__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(!isEditable),
          'data-section': field,
        },
      },
    },
    [ydoc, field, provider, user?.personId, user?.name, user?.color, annotations]
  )

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.setEditable(isEditable, false)
    editor.view.dom.setAttribute('aria-readonly', String(!isEditable))
  }, [editor, isEditable])

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    editor.view.dom.setAttribute('aria-label', label)
  }, [editor, label])

  useEffect(() => {
    if (!editor) return
    const handleFocus = () => onFocus?.()
    const handleBlur = () => onBlur?.()
    editor.on('focus', handleFocus)
    editor.on('blur', handleBlur)
    return () => {
      editor.off('focus', handleFocus)
      editor.off('blur', handleBlur)
    }
  }, [editor, onFocus, onBlur])

  return editor
}
