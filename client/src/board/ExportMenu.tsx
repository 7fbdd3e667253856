import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { useLanguage } from '../i18n/useLanguage.ts'
import { Panel } from '../ui/Panel.tsx'

/** Downloads of the sheet (Markdown, JSON) and the print view for an A4 PDF. */
export function ExportMenu({ teamId }: { teamId: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const base = `/api/teams/${encodeURIComponent(teamId)}`
  return (
    <Panel titleId="export-title" title={t('export.title')}>
      <div className="panel__actions">
        <a className="button button--small" href={`${base}/sheet.md?lang=${language}`} download>
          {t('export.markdown')}
        </a>
        <a className="button button--small" href={`${base}/sheet.json?lang=${language}`} download>
          {t('export.json')}
        </a>
        <Link className="button button--small" href={`/teams/${encodeURIComponent(teamId)}/print`}>
          {t('export.print')}
        </Link>
      </div>
    </Panel>
  )
}
