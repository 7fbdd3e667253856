import { Link } from 'wouter'
import { useTranslation } from 'react-i18next'
import {
  APPLICATION_STAGES,
  AuditLog,
  Program,
  isRole,
  type ApplicationStage,
} from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { formatDateTime } from '../i18n/format.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { Loading } from '../ui/Loading.tsx'
import { useApi } from '../ui/useApi.ts'
import './settings.css'

const DETAIL_KEYS = [
  'fields',
  'email',
  'team',
  'role',
  'from',
  'to',
  'slug',
  'version',
  'createdAt',
  'count',
  'months',
  'events',
] as const
const isDetailKey = (key: string): key is (typeof DETAIL_KEYS)[number] =>
  (DETAIL_KEYS as readonly string[]).includes(key)
const isStage = (value: string): value is ApplicationStage =>
  (APPLICATION_STAGES as readonly string[]).includes(value)

/** `/programs/:programId/audit`: who did what, when — readable here and downloadable as CSV. */
export function AuditPage({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const language = useLanguage()
  const base = `/api/programs/${encodeURIComponent(programId)}`
  const program = useApi(base, (signal) => apiRequest(base, Program, { signal }))
  const audit = useApi(`${base}/audit`, (signal) =>
    apiRequest(`${base}/audit`, AuditLog, { signal })
  )
  const error = audit.error ?? program.error

  /** Facts of an act in words: known keys and codes (roles, stages) translated, the rest as stored. */
  const describeDetail = (detail: Record<string, string>) =>
    Object.entries(detail)
      .map(([key, value]) => {
        const label = isDetailKey(key) ? ta(`audit.detail.${key}`) : key
        const shown =
          key === 'role' && isRole(value)
            ? t(`roles.${value}`)
            : (key === 'from' || key === 'to') && isStage(value)
              ? t(`selection.stages.${value}`)
              : value
        return `${label}: ${shown}`
      })
      .join('、')
  return (
    <div className="page settings stack">
      {program.data && (
        <nav className="small">
          <Link href={`/programs/${encodeURIComponent(programId)}`}>{program.data.name}</Link>
        </nav>
      )}
      <div className="settings__title-row">
        <h1 className="page-title">{ta('audit.title')}</h1>
        <a className="button" href={`${base}/audit.csv`} download>
          {ta('audit.download')}
        </a>
      </div>
      <p className="muted">{ta('audit.lead')}</p>
      {error !== undefined && <ErrorMessage error={error} onRetry={audit.reload} />}
      {audit.isLoading && !audit.data && <Loading />}
      {audit.data && audit.data.entries.length === 0 && (
        <div className="empty">{ta('audit.empty')}</div>
      )}
      {audit.data && audit.data.entries.length > 0 && (
        <ol className="audit-list plain-list" data-testid="audit-list">
          {audit.data.entries.map((e) => (
            <li key={e.id} className="audit-list__item">
              <span className="audit-list__what">{ta(`audit.action.${e.action}`)}</span>
              <span className="audit-list__subject">{e.subject}</span>
              <span className="muted small">
                {formatDateTime(e.at, language)}・{e.actor.name}
                {Object.entries(e.detail).length > 0 && `・${describeDetail(e.detail)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
