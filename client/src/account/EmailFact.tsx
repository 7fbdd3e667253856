import { useState } from 'react'
import { ConfirmationSent, SIGNIN_TOKEN_MINUTES } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { useSubmit } from '../ui/useSubmit.ts'

/**
 * The account's address: the confirmed one, or one given but not confirmed yet — which signs nobody in
 * until the mailed link is followed — with a way to mail that link again.
 */
export function EmailFact({
  email,
  unconfirmedEmail,
}: {
  email: string | null
  unconfirmedEmail: string | null
}) {
  const ta = useAccountsText()
  const language = useLanguage()
  const { isSending, error, run } = useSubmit()
  const [isSent, setSent] = useState(false)

  if (email || !unconfirmedEmail)
    return <dd data-testid="account-email">{email ?? ta('account.noEmail')}</dd>

  const resend = () =>
    run(async () => {
      await apiRequest('/api/me/email/confirmation', ConfirmationSent, {
        method: 'POST',
        body: { lang: language },
      })
      setSent(true)
    })

  return (
    <dd className="stack account__unconfirmed">
      <span>
        <span data-testid="account-email">{unconfirmedEmail}</span>{' '}
        <span className="badge badge--pending">{ta('account.unconfirmed')}</span>
      </span>
      <span className="muted small">{ta('account.unconfirmedLead')}</span>
      {isSent ? (
        <span role="status" className="small">
          {ta('account.confirmationSent', {
            email: unconfirmedEmail,
            minutes: SIGNIN_TOKEN_MINUTES,
          })}
        </span>
      ) : (
        <span>
          <button
            type="button"
            className="button"
            disabled={isSending}
            onClick={() => void resend()}
          >
            {isSending ? ta('account.sendingConfirmation') : ta('account.resendConfirmation')}
          </button>
        </span>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </dd>
  )
}
