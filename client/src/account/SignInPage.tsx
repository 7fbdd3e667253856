import { useState, type FormEvent } from 'react'
import { EmailAddress, SIGNIN_TOKEN_MINUTES, SignInEmailAccepted } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { EmailField } from '../ui/EmailField.tsx'
import './account.css'
import { useSubmit } from '../ui/useSubmit.ts'

/** `/signin`: ask for a one-time sign-in link by email. The answer never says whether an address is known. */
export function SignInPage() {
  const ta = useAccountsText()
  const language = useLanguage()
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const { isSending, error, run } = useSubmit()
  const isValid = EmailAddress.safeParse(email).success

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!isValid) return
    await run(async () => {
      await apiRequest('/api/auth/email', SignInEmailAccepted, {
        method: 'POST',
        body: { email: email.trim(), lang: language },
      })
      setSentTo(email.trim())
    })
  }

  return (
    <div className="page page--narrow">
      <div className="card stack signin">
        <h1>{ta('signin.title')}</h1>
        {sentTo ? (
          <div className="stack" role="status">
            <h2 className="signin__sent-title">{ta('signin.sentTitle')}</h2>
            <p>{ta('signin.sentBody', { email: sentTo, minutes: SIGNIN_TOKEN_MINUTES })}</p>
            <p className="muted small">{ta('signin.noMail')}</p>
            <div>
              <button type="button" className="button" onClick={() => setSentTo(null)}>
                {ta('signin.sentAgain')}
              </button>
            </div>
          </div>
        ) : (
          <form className="stack" onSubmit={submit}>
            <p className="muted">{ta('signin.lead')}</p>
            <EmailField
              id="signin-email"
              label={ta('signin.email')}
              value={email}
              onValue={setEmail}
              required
            />
            {error !== null && <ErrorMessage error={error} />}
            <div>
              <button
                className="button button--primary"
                type="submit"
                disabled={!isValid || isSending}
              >
                {isSending ? ta('signin.sending') : ta('signin.submit')}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  )
}
