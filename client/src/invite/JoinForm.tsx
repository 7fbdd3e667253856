import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { EmailAddress, PersonName } from '@specboard/shared'
import { ApiRequestError } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { TextField } from '../ui/TextField.tsx'

interface JoinFormProps {
  initialName: string
  initialEmail: string
  /** Sends name and address; a rejection is shown under the form. */
  onSubmit: (name: string, email: string) => Promise<void>
}

/** Name and email for accepting an invite, checked with the shared rules before sending. */
export function JoinForm({ initialName, initialEmail, onSubmit }: JoinFormProps) {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const [name, setName] = useState(initialName)
  const [email, setEmail] = useState(initialEmail)
  const [error, setError] = useState<unknown>(null)
  const [isSending, setSending] = useState(false)
  const isValid = PersonName.safeParse(name).success && EmailAddress.safeParse(email).success

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!isValid) return
    setSending(true)
    setError(null)
    try {
      await onSubmit(name.trim(), email.trim())
    } catch (e) {
      setError(e)
      setSending(false)
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <TextField
        id="person-name"
        label={t('invite.name')}
        hint={t('invite.nameHint')}
        placeholder={t('invite.namePlaceholder')}
        value={name}
        onValue={setName}
        maxLength={60}
        autoComplete="name"
        required
      />
      <TextField
        id="person-email"
        type="email"
        label={ta('join.email')}
        hint={ta('join.emailHint')}
        placeholder="name@example.jp"
        value={email}
        onValue={setEmail}
        maxLength={254}
        autoComplete="email"
        required
      />
      {error instanceof ApiRequestError && error.code === 'invite_used' ? (
        <p className="notice notice--error" role="alert">
          <strong>{ta('join.usedTitle')}</strong> {ta('join.usedBody')}
        </p>
      ) : (
        error !== null && <ErrorMessage error={error} />
      )}
      <div>
        <button className="button button--primary" type="submit" disabled={!isValid || isSending}>
          {isSending ? t('common.saving') : t('invite.accept')}
        </button>
      </div>
    </form>
  )
}
