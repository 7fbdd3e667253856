import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ShareLink, ShareLinkList } from '@specboard/shared'
import { apiRequest, apiSend } from '../../api.ts'
import { formatDateTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { useApi } from '../../ui/useApi.ts'
import { ProjectorLink } from './ProjectorLink.tsx'
import './share.css'
import { useSubmit } from '../../ui/useSubmit.ts'
import { SubmitButton } from '../../ui/SubmitButton.tsx'
import { SelectField } from '../../ui/SelectField.tsx'
import { Panel } from '../../ui/Panel.tsx'
import { RemoveButton } from '../../ui/RemoveButton.tsx'

const EXPIRY = [
  { hours: 3, label: 'h3' },
  { hours: 24, label: 'd1' },
  { hours: 24 * 7, label: 'd7' },
] as const

interface SharePanelProps {
  /** `/api/teams/:teamId/share-links` or `/api/pitch-sessions/:sessionId/share-links`. */
  path: string
}

/** Audience links: create one (its address is shown once), copy it, show it big, revoke it. */
export function SharePanel({ path }: SharePanelProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [hours, setHours] = useState<number>(24)
  const [created, setCreated] = useState<ShareLink | null>(null)
  const [isBig, setBig] = useState(false)
  const { isSending, error, run } = useSubmit()
  const [version, setVersion] = useState(0)
  const links = useApi(`${path}#${version}`, (signal) =>
    apiRequest(path, ShareLinkList, { signal })
  )

  const create = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => {
      setCreated(
        await apiRequest(path, ShareLink, { method: 'POST', body: { expiresInHours: hours } })
      )
      setVersion((v) => v + 1)
    })
  }

  const revoke = async (link: ShareLink) => {
    if (!window.confirm(t('pitch.share.revokeConfirm'))) return
    await run(async () => {
      await apiSend(`/api/share-links/${encodeURIComponent(link.id)}`, { method: 'DELETE' })
      if (created?.id === link.id) setCreated(null)
      setVersion((v) => v + 1)
    })
  }

  const url = created?.url ? new URL(created.url, location.origin).href : null

  return (
    <Panel
      titleId="share-title"
      title={t('pitch.share.title')}
      className="share"
      lead={t('pitch.share.lead')}
    >
      <form className="share__form" onSubmit={create}>
        <SelectField
          id="share-expires"
          label={t('pitch.share.expiresIn')}
          value={String(hours)}
          onValue={(value) => setHours(Number(value))}
          options={EXPIRY.map(({ hours: h, label }) => ({
            value: String(h),
            label: t(`pitch.share.expiry.${label}`),
          }))}
        />
        <SubmitButton label={t('pitch.share.create')} isSending={isSending} />
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {url && (
        <div className="notice notice--ok share__created" data-testid="share-created">
          <strong>{t('pitch.share.createdTitle')}</strong>
          <p className="small">{t('pitch.share.createdHint')}</p>
          <CopyField label={t('pitch.share.url')} value={url} />
          <button
            type="button"
            className="button button--small share__show-big"
            onClick={() => setBig(true)}
          >
            {t('pitch.share.showBig')}
          </button>
          {isBig && <ProjectorLink url={url} onClose={() => setBig(false)} />}
        </div>
      )}
      <div className="share__list">
        <h3 className="share__list-title">{t('pitch.share.list')}</h3>
        {links.error !== undefined && <ErrorMessage error={links.error} onRetry={links.reload} />}
        {links.data && links.data.links.length === 0 && (
          <p className="muted small">{t('pitch.share.none')}</p>
        )}
        {links.data && links.data.links.length > 0 && (
          <ul className="share__items plain-list">
            {links.data.links.map((link) => (
              <li
                key={link.id}
                className="share__item"
                data-testid="share-link-item"
                data-status={link.status}
              >
                <span className={`badge badge--${link.status}`}>
                  {t(`pitch.share.status.${link.status}`)}
                </span>
                <span className="muted small share__dates">
                  {t('pitch.share.expires', { date: formatDateTime(link.expiresAt, language) })}
                </span>
                {link.status === 'valid' && (
                  <RemoveButton label={t('pitch.share.revoke')} onClick={() => void revoke(link)} />
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  )
}
