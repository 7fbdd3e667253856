import { useState } from 'react'
import { ConfirmationSent, SIGNIN_TOKEN_MINUTES } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'

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
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')
  const [error, setError] = useState<unknown>(null)

  if (email || !unconfirmedEmail)
    return <dd data-testid="account-email">{email ?? ta('account.noEmail')}</dd>

  const resend = async () => {
    setState('sending')
    setError(null)
    try {
      await apiRequest('/api/me/email/confirmation', ConfirmationSent, {
        method: 'POST',
        body: { lang: language },
      })
      setState('sent')
    } catch (e) {
      setError(e)
      setState('idle')
    }
  }

  return (
    <dd className="stack account__unconfirmed">
      <span>
        <span data-testid="account-email">{unconfirmedEmail}</span>{' '}
        <span className="badge badge--pending">{ta('account.unconfirmed')}</span>
      </span>
      <span className="muted small">{ta('account.unconfirmedLead')}</span>
      {state === 'sent' ? (
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
            disabled={state === 'sending'}
            onClick={() => void resend()}
          >
            {state === 'sending'
              ? ta('account.sendingConfirmation')
              : ta('account.resendConfirmation')}
          </button>
        </span>
      )}
      {error !== null && <ErrorMessage error={error} />}
    </dd>
  )
}
