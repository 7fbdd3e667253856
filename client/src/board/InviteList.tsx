import { useTranslation } from 'react-i18next'
import { InviteList as InviteListSchema, type InviteListItem } from '@specboard/shared'
import { apiRequest, apiSend } from '../api.ts'
import { useApi } from '../ui/useApi.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { formatDateTime } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useSubmit } from '../ui/useSubmit.ts'
import { RemoveButton } from '../ui/RemoveButton.tsx'

const STATUS_KEY = {
  valid: 'statusValid',
  expired: 'statusExpired',
  revoked: 'statusRevoked',
} as const

/** The team's invites with their state; valid ones can be revoked. */
export function InviteList({ teamId, version }: { teamId: string; version: number }) {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const language = useLanguage()
  const path = `/api/teams/${encodeURIComponent(teamId)}/invites`
  const { data, error, isLoading, reload } = useApi(`${path}#${version}`, (signal) =>
    apiRequest(path, InviteListSchema, { signal })
  )
  const revoking = useSubmit()

  const revoke = async (invite: InviteListItem) => {
    if (!window.confirm(t('invites.revokeConfirm'))) return
    await revoking.run(async () => {
      await apiSend(`${path}/${encodeURIComponent(invite.id)}`, { method: 'DELETE' })
      reload()
    })
  }

  return (
    <div className="invite-list">
      <h3 className="invite-list__title">{t('invites.list')}</h3>
      {isLoading && <Loading />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {revoking.error !== null && <ErrorMessage error={revoking.error} />}
      {data && data.invites.length === 0 && <p className="muted small">{t('invites.none')}</p>}
      {data && data.invites.length > 0 && (
        <ul className="invite-list__items plain-list">
          {data.invites.map((invite) => (
            <li key={invite.id} className="invite-list__item" data-testid="invite-item">
              <div className="invite-list__main">
                <strong>{t(`roles.${invite.role}`)}</strong>
                <span className={`badge badge--${invite.status}`}>
                  {invite.status === 'used'
                    ? ta('invites.statusUsed')
                    : t(`invites.${STATUS_KEY[invite.status]}`)}
                </span>
                <span className="muted small">
                  {ta('invites.acceptedOf', { count: invite.acceptedCount, max: invite.maxUses })}
                </span>
              </div>
              <div className="invite-list__dates muted small">
                {t('invites.created')} {formatDateTime(invite.createdAt, language)}・
                {t('invites.expires')} {formatDateTime(invite.expiresAt, language)}
              </div>
              {invite.status === 'valid' && (
                <RemoveButton label={t('invites.revoke')} onClick={() => void revoke(invite)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
