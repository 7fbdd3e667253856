import { useState, type FormEvent } from 'react'
import { EmailAddress, PersonName } from '@specboard/shared'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { ErrorMessage } from './ErrorMessage.tsx'
import { TextField } from './TextField.tsx'
import { EmailField } from './EmailField.tsx'
import { useSubmit } from './useSubmit.ts'
import { SubmitButton } from './SubmitButton.tsx'

interface PersonFormProps {
  nameLabel: string
  nameHint?: string
  namePlaceholder?: string
  submitLabel: string
  initialName?: string
  initialEmail?: string
  /** Sends name and address; a rejection is shown under the form. */
  onSubmit: (name: string, email: string) => Promise<void>
}

/**
 * Your name and the address you sign in with (joining a team, setting up the server), checked with the
 * shared rules before sending.
 */
export function PersonForm({
  nameLabel,
  nameHint,
  namePlaceholder,
  submitLabel,
  initialName = '',
  initialEmail = '',
  onSubmit,
}: PersonFormProps) {
  const ta = useAccountsText()
  const [name, setName] = useState(initialName)
  const [email, setEmail] = useState(initialEmail)
  const { isSending, error, run } = useSubmit({ busyAfterSuccess: true })
  const isValid = PersonName.safeParse(name).success && EmailAddress.safeParse(email).success

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!isValid) return
    await run(async () => {
      await onSubmit(name.trim(), email.trim())
    })
  }

  return (
    <form className="stack" onSubmit={submit}>
      <TextField
        id="person-name"
        label={nameLabel}
        hint={nameHint}
        placeholder={namePlaceholder}
        value={name}
        onValue={setName}
        maxLength={60}
        autoComplete="name"
        required
      />
      <EmailField
        id="person-email"
        label={ta('join.email')}
        hint={ta('join.emailHint')}
        value={email}
        onValue={setEmail}
        required
      />
      {error !== null && <ErrorMessage error={error} />}
      <div>
        <SubmitButton label={submitLabel} isSending={isSending} disabled={!isValid} />
      </div>
    </form>
  )
}
