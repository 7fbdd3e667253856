import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { AcceptInviteResponse, InviteInfo } from '@specboard/shared'
import { ApiRequestError, apiRequest } from '../api.ts'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { useSession } from '../session/SessionContext.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { NameForm } from '../ui/NameForm.tsx'
import { useApi } from '../ui/useApi.ts'
import './invite.css'

/** `/invite/:token`: what you are joining, your name, and in. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [, navigate] = useLocation()
  const { me, refresh } = useSession()
  const path = `/api/invites/${encodeURIComponent(token)}`
  const invite = useApi(path, (signal) => apiRequest(path, InviteInfo, { signal }))

  if (invite.error instanceof ApiRequestError && invite.error.kind === 'notFound') {
    return <InviteProblem title={t('invite.unknownTitle')} body={t('invite.unknownBody')} />
  }
  if (invite.error !== undefined) {
    return (
      <div className="page page--narrow">
        <ErrorMessage error={invite.error} onRetry={invite.reload} />
      </div>
    )
  }
  if (!invite.data || me === undefined) {
    return (
      <div className="page page--narrow">
        <Loading />
      </div>
    )
  }
  const info = invite.data
  if (info.status === 'expired')
    return <InviteProblem title={t('invite.expiredTitle')} body={t('invite.expiredBody')} />
  if (info.status === 'revoked')
    return <InviteProblem title={t('invite.revokedTitle')} body={t('invite.revokedBody')} />

  const accept = async (name: string) => {
    const joined = await apiRequest(`${path}/accept`, AcceptInviteResponse, {
      method: 'POST',
      body: { name },
    })
    await refresh()
    navigate(`/teams/${encodeURIComponent(joined.teamId)}`)
  }

  return (
    <div className="page page--narrow">
      <div className="card stack invite">
        <div>
          <p className="invite__kicker">{t('invite.title')}</p>
          <h1 className="invite__team">{info.teamName}</h1>
          <p className="muted">{t('invite.lead')}</p>
        </div>
        <dl className="invite__facts">
          <dt>{t('invite.program')}</dt>
          <dd>{info.programName}</dd>
          <dt>{t('invite.region')}</dt>
          <dd>{info.region}</dd>
          <dt>{t('invite.role')}</dt>
          <dd>
            <span className="badge invite__role">{t(`roles.${info.role}`)}</span>
          </dd>
          <dt>{t('invite.expires')}</dt>
          <dd>{formatDateTime(info.expiresAt, language)}</dd>
        </dl>
        {me && <p className="notice">{t('invite.existingAccount', { name: me.person.name })}</p>}
        <NameForm
          label={t('invite.name')}
          hint={t('invite.nameHint')}
          placeholder={t('invite.namePlaceholder')}
          submitLabel={t('invite.accept')}
          initialName={me?.person.name ?? ''}
          onSubmit={accept}
        />
      </div>
    </div>
  )
}

function InviteProblem({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation()
  return (
    <div className="page page--narrow">
      <div className="card stack" role="alert">
        <h1>{title}</h1>
        <p className="muted">{body}</p>
        <div>
          <Link className="button" href="/">
            {t('common.backHome')}
          </Link>
        </div>
      </div>
    </div>
  )
}
