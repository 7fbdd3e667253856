import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { useSession } from './session/SessionContext.tsx'
import { LanguageSwitch } from './ui/LanguageSwitch.tsx'
import { useAccountsText } from './i18n/useAccountsText.ts'

/** The top bar on every screen: home, language, and who is signed in. */
export function AppNav() {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const { me, signOut } = useSession()
  const [, navigate] = useLocation()
  return (
    <header className="app-nav">
      <Link href="/" className="app-nav__brand" aria-label={t('app.home')}>
        <svg className="app-nav__logo" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="currentColor" />
          <path d="M9 10h14M9 16h14M9 22h9" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
        </svg>
        <span className="app-nav__brand-text">Specboard</span>
      </Link>
      <div className="app-nav__end">
        <LanguageSwitch />
        {me && (
          <div className="app-nav__user">
            <Link
              href="/account"
              className="app-nav__name"
              title={t('app.signedInAs', { name: me.person.name })}
            >
              {me.person.name}
            </Link>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => void signOut().then(() => navigate('/'))}
            >
              {t('app.signOut')}
            </button>
          </div>
        )}
        {me === null && (
          <Link href="/signin" className="button button--small">
            {ta('signin.title')}
          </Link>
        )}
      </div>
    </header>
  )
}
