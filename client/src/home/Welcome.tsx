import { useTranslation } from 'react-i18next'
import { SetupStatus } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { useApi } from '../ui/useApi.ts'
import { Link } from 'wouter'
import { useAccountsText } from '../i18n/useAccountsText.ts'

/** What signed-out visitors see: what this is, and that access comes from an invite or setup link. */
export function Welcome() {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const setup = useApi('/api/setup/status', (signal) =>
    apiRequest('/api/setup/status', SetupStatus, { signal })
  )
  return (
    <div className="page page--narrow welcome">
      <p className="welcome__brand">Specboard</p>
      <h1 className="welcome__title">{t('home.welcomeTitle')}</h1>
      <p className="welcome__lead">{t('home.welcomeLead')}</p>
      {setup.data?.needed && (
        <p className="notice notice--warn" role="status">
          {t('home.setupNeeded')}
        </p>
      )}
      <section className="card welcome__join" aria-labelledby="join-title">
        <h2 id="join-title">{t('home.howToJoin')}</h2>
        <ol>
          <li>{t('home.howToJoinInvite')}</li>
          <li>{t('home.howToJoinSetup')}</li>
        </ol>
        <div>
          <Link className="button button--primary" href="/signin">
            {ta('signin.title')}
          </Link>
        </div>
      </section>
    </div>
  )
}
