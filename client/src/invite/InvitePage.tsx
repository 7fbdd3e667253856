import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { useState } from 'react'
import { z } from 'zod'
import { AcceptInvitePending, AcceptInviteResponse, InviteInfo } from '@specboard/shared'
import { ApiRequestError, apiRequest } from '../api.ts'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { useSession } from '../session/SessionContext.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { PersonForm } from '../ui/PersonForm.tsx'
import { useApi } from '../ui/useApi.ts'
import './invite.css'

const AcceptOutcome = z.union([AcceptInviteResponse, AcceptInvitePending])

/** `/invite/:token`: what you are joining, your name and address, and in. */
export function InvitePage({ token }: { token: string }) {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const [pendingEmail, setPendingEmail] = useState<string | null>(null)
  const [isUsedNow, setUsedNow] = useState(false)
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
  if (info.status === 'used' || isUsedNow)
    return <InviteProblem title={ta('join.usedTitle')} body={ta('join.usedBody')} />
  if (pendingEmail)
    return (
      <InviteProblem
        title={ta('join.confirmTitle')}
        body={ta('join.confirmBody', { email: pendingEmail })}
        isNotice
      />
    )

  const accept = async (name: string, email: string) => {
    let outcome: z.infer<typeof AcceptOutcome>
    try {
      outcome = await apiRequest(`${path}/accept`, AcceptOutcome, {
        method: 'POST',
        body: { name, email, lang: language },
      })
    } catch (e) {
      // Used by someone else while this page was open (a forwarded link): say so, not "check your input".
      if (e instanceof ApiRequestError && e.code === 'invite_used') return setUsedNow(true)
      throw e
    }
    if ('status' in outcome) {
      setPendingEmail(outcome.email)
      return
    }
    await refresh()
    navigate(`/teams/${encodeURIComponent(outcome.teamId)}`)
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
        <PersonForm
          nameLabel={t('invite.name')}
          nameHint={t('invite.nameHint')}
          namePlaceholder={t('invite.namePlaceholder')}
          submitLabel={t('invite.accept')}
          initialName={me?.person.name ?? ''}
          initialEmail={me?.person.email ?? ''}
          onSubmit={accept}
        />
        {!me && (
          <p className="small">
            <Link href="/signin">{ta('signin.signInInstead')}</Link>
          </p>
        )}
      </div>
    </div>
  )
}

function InviteProblem({
  title,
  body,
  isNotice = false,
}: {
  title: string
  body: string
  isNotice?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className="page page--narrow">
      <div className="card stack" role={isNotice ? 'status' : 'alert'}>
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
