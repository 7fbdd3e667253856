import { EditorContent, useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { useCollabEditor, type CollabEditorOptions } from './useCollabEditor.ts'
import './editor.css'

/** One section's rich-text editor, live with everyone else's edits and carets. */
export function SectionEditor(props: CollabEditorOptions) {
  const { t } = useTranslation()
  const editor = useCollabEditor(props)
  const isEmpty = useEditorState({ editor, selector: ({ editor }) => editor?.isEmpty ?? true })
  return (
    <div className={`section-editor${props.isEditable ? '' : ' section-editor--readonly'}`}>
      {isEmpty && props.isEditable && (
        <p className="section-editor__placeholder" aria-hidden="true">
          {t('board.emptySection')}
        </p>
      )}
      <EditorContent editor={editor} />
    </div>
  )
}
