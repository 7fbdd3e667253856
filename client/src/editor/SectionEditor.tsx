import { useEffect, useState } from 'react'
import { EditorContent, useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { useCollabEditor, type CollabEditorOptions } from './useCollabEditor.ts'
import { MAX_PASTE_BYTES } from './pasteSize.ts'
import './editor.css'

/** One section's rich-text editor, live with everyone else's edits and carets. */
export function SectionEditor(props: CollabEditorOptions) {
  const { t } = useTranslation()
  const [refusedPaste, setRefusedPaste] = useState<number | null>(null)
  const editor = useCollabEditor({ ...props, onPasteTooLarge: setRefusedPaste })
  useEffect(() => {
    if (!editor) return
    const clear = () => setRefusedPaste(null)
    editor.on('update', clear)
    return () => {
      editor.off('update', clear)
    }
  }, [editor])
  const isEmpty = useEditorState({ editor, selector: ({ editor }) => editor?.isEmpty ?? true })
  return (
    <div className={`section-editor${props.isEditable ? '' : ' section-editor--readonly'}`}>
      {isEmpty && props.isEditable && (
        <p className="section-editor__placeholder" aria-hidden="true">
          {t('board.emptySection')}
        </p>
      )}
      <EditorContent editor={editor} />
      {refusedPaste !== null && (
        <p className="notice notice--error section-editor__refused" role="alert">
          {t('board.pasteTooLarge', {
            size: formatBytes(refusedPaste),
            max: formatBytes(MAX_PASTE_BYTES),
          })}
        </p>
      )}
    </div>
  )
}

/** Bytes as people read them: KB up to a megabyte, MB above. */
function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024).toLocaleString()} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
