import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { PostingDetail } from '@specboard/shared'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { PostingBadges } from '../PostingBadges.tsx'
import { payText, periodText, tokyoDateTime } from '../postingText.ts'
import { TagList } from '../../ui/TagList.tsx'

interface PostingSummaryProps {
  posting: PostingDetail
  mayPublish: boolean
  onUnpublish: () => void
}

/** The published posting: its state, the facts of the current version, its versions and links. */
export function PostingSummary({ posting, mayPublish, onUnpublish }: PostingSummaryProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { facts } = posting
  const place = [facts.region, facts.municipality].filter(Boolean).join(' ')
  return (
    <section
      className="card selection-section posting-summary"
      aria-labelledby="posting-summary-title"
      data-testid="posting-summary"
    >
      <div className="posting-summary__head">
        <div>
          <PostingBadges posting={posting} />
          <h2 id="posting-summary-title" className="posting-summary__title">
            {facts.title}
          </h2>
        </div>
        <div className="posting-summary__actions">
          {posting.status === 'published' && (
            <a className="button button--primary" href={posting.url} target="_blank" rel="noopener">
              {t('selection.publish.openPublic')}
              <span className="visually-hidden">{t('selection.nav.newTab')}</span>
            </a>
          )}
          <Link
            className="button"
            href={`/programs/${encodeURIComponent(posting.programId)}/selection/${encodeURIComponent(posting.id)}`}
          >
            {t('selection.publish.openPipeline')}
          </Link>
        </div>
      </div>
      <dl className="facts-list">
        <dt>{t('selection.facts.place')}</dt>
        <dd>{place}</dd>
        <dt>{t('selection.facts.period')}</dt>
        <dd>{periodText(facts, language)}</dd>
        <dt>{t('selection.facts.hours')}</dt>
        <dd>{t('selection.facts.hoursValue', { hours: facts.hoursPerMonth })}</dd>
        <dt>{t('selection.facts.pay')}</dt>
        <dd>{payText(facts.pay, t, language)}</dd>
        <dt>{t('selection.facts.workStyle')}</dt>
        <dd>
          {t(`selection.workStyles.${facts.workStyle}`)}
          {facts.location && <span className="muted">（{facts.location}）</span>}
        </dd>
        <dt>{t('selection.facts.deadline')}</dt>
        <dd>{tokyoDateTime(facts.deadline, language)}</dd>
        {facts.skills.length > 0 && (
          <>
            <dt>{t('selection.facts.skills')}</dt>
            <dd>
              <TagList tags={facts.skills} />
            </dd>
          </>
        )}
      </dl>
      <details className="posting-summary__versions">
        <summary>{t('selection.publish.versions', { count: posting.versions.length })}</summary>
        <ol>
          {[...posting.versions].reverse().map((v) => (
            <li key={v.version}>
              <strong>{t('selection.status.version', { version: v.version })}</strong>
              <span>
                {t('selection.publish.versionPublished', {
                  date: tokyoDateTime(v.publishedAt, language),
                })}
              </span>
              <span className="muted">{v.title}</span>
            </li>
          ))}
        </ol>
      </details>
      {mayPublish && posting.status === 'published' && (
        <div className="posting-summary__unpublish">
          <button
            type="button"
            className="button button--small button--danger"
            onClick={onUnpublish}
          >
            {t('selection.publish.unpublish')}
          </button>
          <span className="muted small">{t('selection.publish.unpublishHint')}</span>
        </div>
      )}
    </section>
  )
}
