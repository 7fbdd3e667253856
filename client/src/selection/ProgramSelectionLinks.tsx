import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { can, type Role } from '@specboard/shared'
import { selectionLinks } from './selectionApi.ts'
import './selection.css'

/** The program page's way to selection, figures, the pool and the public postings, as the role allows. */
export function ProgramSelectionLinks({
  programId,
  myRole,
}: {
  programId: string
  myRole: Role | null
}) {
  const { t } = useTranslation()
  const base = `/programs/${encodeURIComponent(programId)}`
  return (
    <nav className="program-links" aria-label={t('selection.nav.label')}>
      {can(myRole, 'selection:read') && (
        <Link className="program-links__link" href={`${base}/selection`}>
          {t('selection.nav.selection')}
        </Link>
      )}
      {can(myRole, 'figures:read') && (
        <Link className="program-links__link" href={`${base}/figures`}>
          {t('selection.nav.figures')}
        </Link>
      )}
      {can(myRole, 'pool:manage') && (
        <Link
          className="program-links__link"
          href={`/pool?programId=${encodeURIComponent(programId)}`}
        >
          {t('selection.nav.pool')}
        </Link>
      )}
      <a
        className="program-links__link"
        href={selectionLinks.publicList}
        target="_blank"
        rel="noopener"
      >
        {t('selection.nav.publicPostings')}
        <span aria-hidden="true"> ↗</span>
        <span className="visually-hidden">{t('selection.nav.newTab')}</span>
      </a>
    </nav>
  )
}
