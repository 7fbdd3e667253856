import { useTranslation } from 'react-i18next'
import { LeadList as LeadListSchema, type PitchSession } from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { formatDateTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { useApi } from '../../ui/useApi.ts'
import { Panel } from '../../ui/Panel.tsx'

const REFRESH_MS = 10_000

/** "I want to join" requests that came in during this session, newest first, for the coordinator. */
export function LeadList({ session }: { session: PitchSession }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const path = `/api/programs/${encodeURIComponent(session.programId)}/leads`
  const leads = useApi(path, (signal) => apiRequest(path, LeadListSchema, { signal }), REFRESH_MS)
  const mine = (leads.data?.leads ?? [])
    .filter((lead) => lead.sessionId === session.id)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const teamName = (id: string) => session.teams.find((team) => team.id === id)?.name ?? ''

  return (
    <Panel
      titleId="leads-title"
      title={
        <>
          {t('pitch.leads.title')} <span className="badge">{mine.length}</span>
        </>
      }
      className="leads"
      lead={t('pitch.leads.lead')}
    >
      {leads.error !== undefined && <ErrorMessage error={leads.error} onRetry={leads.reload} />}
      {leads.data && mine.length === 0 && <p className="muted small">{t('pitch.leads.none')}</p>}
      {mine.length > 0 && (
        <ul className="leads__items plain-list">
          {mine.map((lead) => (
            <li key={lead.id} className="leads__item" data-testid="lead">
              <p className="leads__who">
                <strong>{lead.name}</strong>
                <span className="leads__team">{teamName(lead.teamId)}</span>
              </p>
              <p className="leads__contact">{lead.contact}</p>
              <p className="leads__help">{lead.howToHelp}</p>
              <p className="muted small">{formatDateTime(lead.createdAt, language)}</p>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}
