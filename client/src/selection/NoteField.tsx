import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

/** A free-text note with an explicit save (notes are long; saving per keystroke would be noisy). */
export function NoteField({
  value,
  label,
  onSave,
}: {
  value: string
  label: string
  /** Resolves to whether the note was saved (a failure is shown by the card). */
  onSave: (note: string) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const id = useId()
  const [note, setNote] = useState(value)
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const isChanged = note !== value

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState('saving')
    setState((await onSave(note)) ? 'saved' : 'idle')
  }

  return (
    <form className="field note-field" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="input textarea"
        rows={3}
        maxLength={4000}
        value={note}
        onChange={(e) => {
          setNote(e.target.value)
          setState('idle')
        }}
      />
      <div className="row">
        <button
          type="submit"
          className="button button--small"
          disabled={!isChanged || state === 'saving'}
        >
          {state === 'saving' ? t('common.saving') : t('selection.note.save')}
        </button>
        {state === 'saved' && !isChanged && (
          <span className="muted small" role="status">
            {t('selection.note.saved')}
          </span>
        )}
      </div>
    </form>
  )
}
