import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { PersonName } from '@specboard/shared'
import { ErrorMessage } from './ErrorMessage.tsx'

interface NameFormProps {
  label: string
  hint?: string
  placeholder?: string
  submitLabel: string
  initialName?: string
  /** Sends the name; a rejection is shown under the form. */
  onSubmit: (name: string) => Promise<void>
}

/** A single "your name" field with submit, validated with the shared PersonName rule. */
export function NameForm({
  label,
  hint,
  placeholder,
  submitLabel,
  initialName = '',
  onSubmit,
}: NameFormProps) {
  const { t } = useTranslation()
  const [name, setName] = useState(initialName)
  const [error, setError] = useState<unknown>(null)
  const [isSending, setSending] = useState(false)
  const isValid = PersonName.safeParse(name).success

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!isValid) return
    setSending(true)
    setError(null)
    try {
      await onSubmit(name.trim())
    } catch (e) {
      setError(e)
      setSending(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <div className="field">
        <label htmlFor="person-name">{label}</label>
        <input
          id="person-name"
          className="input"
          value={name}
          maxLength={60}
          autoComplete="name"
          placeholder={placeholder}
          onChange={(e) => setName(e.target.value)}
          required
        />
        {hint && <span className="field-hint">{hint}</span>}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div>
        <button className="button button--primary" type="submit" disabled={!isValid || isSending}>
          {isSending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  )
}
