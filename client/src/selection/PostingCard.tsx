import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { PostingListItem } from '@specboard/shared'
import { formatCount } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import { PostingBadges } from './PostingBadges.tsx'
import { tokyoDateTime } from './postingText.ts'
import { StageBar } from './StageBar.tsx'

/** A posting in the program's selection overview: state, deadline, applicants per stage, and where to go. */
export function PostingCard({
  programId,
  posting,
  canEdit,
}: {
  programId: string
  posting: PostingListItem
  canEdit: boolean
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const total = Object.values(posting.counts).reduce((n, c) => n + c, 0)
  const pipelineHref = `/programs/${encodeURIComponent(programId)}/selection/${encodeURIComponent(posting.id)}`
  return (
    <article
      className="card posting-card"
      aria-labelledby={`posting-${posting.id}`}
      data-testid="posting-card"
    >
      <div className="posting-card__main">
        <PostingBadges posting={posting} />
        <h3 id={`posting-${posting.id}`} className="posting-card__title">
          <Link href={pipelineHref}>{posting.title}</Link>
        </h3>
        <p className="muted small">
          {posting.teamName}・
          {t('selection.facts.deadlineShort', { date: tokyoDateTime(posting.deadline, language) })}
        </p>
        <StageBar counts={posting.counts} />
      </div>
      <div className="posting-card__side">
        <p className="posting-card__total">
          <strong>{formatCount(total, language)}</strong>
          <span>{t('selection.overview.applicants')}</span>
        </p>
        <Link className="button button--primary button--small" href={pipelineHref}>
          {t('selection.overview.openPipeline')}
        </Link>
        {posting.status === 'published' && (
          <a className="button button--small" href={posting.url} target="_blank" rel="noopener">
            {t('selection.publish.openPublic')}
            <span className="visually-hidden">{t('selection.nav.newTab')}</span>
          </a>
        )}
        {canEdit && (
          <Link
            className="button button--small button--quiet"
            href={`/teams/${encodeURIComponent(posting.teamId)}/posting`}
          >
            {t('selection.panel.edit')}
          </Link>
        )}
      </div>
    </article>
  )
}
