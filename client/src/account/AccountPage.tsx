import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { SESSION_IDLE_DAYS, SessionList, type SessionInfo } from '@specboard/shared'
import { apiRequest, apiSend } from '../api.ts'
import { formatDateTime } from '../i18n/format.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { useSession } from '../session/SessionContext.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import { deviceLabel } from './deviceLabel.ts'
import { EmailFact } from './EmailFact.tsx'
import './account.css'
import { useSubmit } from '../ui/useSubmit.ts'

/** `/account`: who you are here, where you are a member, and the devices signed in as you. */
export function AccountPage() {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const { me, signOut } = useSession()
  const [, navigate] = useLocation()
  const sessions = useApi('/api/me/sessions', (signal) =>
    apiRequest('/api/me/sessions', SessionList, { signal })
  )
  const { error, run } = useSubmit()

  if (me === undefined)
    return (
      <div className="page page--narrow">
        <Loading />
      </div>
    )
  if (me === null)
    return (
      <div className="page page--narrow">
        <p className="notice">
          <Link href="/signin">{ta('signin.title')}</Link>
        </p>
      </div>
    )

  const endSession = (session: SessionInfo) =>
    run(async () => {
      await apiSend(`/api/me/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' })
      if (session.current) {
        await signOut()
        navigate('/')
      } else sessions.reload()
    })

  const endAll = async () => {
    if (!window.confirm(ta('account.signOutEverywhereConfirm'))) return
    await run(async () => {
      await apiSend('/api/auth/logout-everywhere', { method: 'POST' })
      await signOut()
      navigate('/')
    })
  }

  return (
    <div className="page page--narrow stack">
      <h1 className="page-title">{ta('account.title')}</h1>
      <section className="card stack" aria-labelledby="account-person">
        <h2 id="account-person" className="visually-hidden">
          {ta('account.title')}
        </h2>
        <dl className="account__facts">
          <dt>{ta('account.name')}</dt>
          <dd>{me.person.name}</dd>
          <dt>{ta('account.email')}</dt>
          <EmailFact email={me.person.email} unconfirmedEmail={me.person.unconfirmedEmail} />
        </dl>
      </section>
      <section className="card stack" aria-labelledby="account-memberships">
        <h2 id="account-memberships">{ta('account.memberships')}</h2>
        <ul className="stack" data-testid="account-memberships">
          {me.memberships.map((m) => (
            <li key={m.memberId}>
              <Link
                href={
                  m.teamId
                    ? `/teams/${encodeURIComponent(m.teamId)}`
                    : `/programs/${encodeURIComponent(m.programId)}`
                }
              >
                {m.teamName ?? m.programName}
              </Link>{' '}
              <span className="muted small">
                {m.teamName ? `${m.programName}・` : ''}
                {t(`roles.${m.role}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="account-devices">
        <div>
          <h2 id="account-devices">{ta('account.devices')}</h2>
          <p className="muted small">{ta('account.devicesLead', { days: SESSION_IDLE_DAYS })}</p>
        </div>
        {sessions.error !== undefined && (
          <ErrorMessage error={sessions.error} onRetry={sessions.reload} />
        )}
        {error !== null && <ErrorMessage error={error} />}
        {sessions.isLoading && !sessions.data && <Loading />}
        {sessions.data && (
          <ul className="session-list plain-list" data-testid="session-list">
            {sessions.data.sessions.map((s) => (
              <SessionRow key={s.id} session={s} onEnd={() => void endSession(s)} />
            ))}
          </ul>
        )}
        <div>
          <button type="button" className="button button--danger" onClick={() => void endAll()}>
            {ta('account.signOutEverywhere')}
          </button>
        </div>
      </section>
    </div>
  )
}

function SessionRow({ session, onEnd }: { session: SessionInfo; onEnd: () => void }) {
  const ta = useAccountsText()
  const language = useLanguage()
  return (
    <li className="session-list__item" data-testid="session-item">
      <div className="session-list__main">
        <span className="session-list__device">
          {deviceLabel(session.device) ?? ta('account.unknownDevice')}
          {session.current && <span className="badge">{ta('account.thisDevice')}</span>}
        </span>
        <span className="muted small">
          {ta('account.lastUsed')} {formatDateTime(session.lastUsedAt, language)}・
          {ta('account.since')} {formatDateTime(session.createdAt, language)}
        </span>
      </div>
      <button type="button" className="button button--small button--quiet" onClick={onEnd}>
        {ta('account.signOutDevice')}
      </button>
    </li>
  )
}
