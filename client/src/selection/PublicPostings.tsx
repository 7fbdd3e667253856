import { useTranslation } from 'react-i18next'
import type { PublicPostingLink } from '@specboard/shared'
import { useLanguage } from '../i18n/useLanguage.ts'
import { tokyoDateTime } from './postingText.ts'

/**
 * The program's published postings for members who do not run their selection: what applicants see,
 * with the public page one tap away, and a word on who follows the applicants.
 */
export function PublicPostings({ postings }: { postings: readonly PublicPostingLink[] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <div className="public-postings">
      <p className="muted small">{t('selection.overview.publicOnlyNote')}</p>
      <ul className="public-postings__list plain-list">
        {postings.map((p) => (
          <li key={p.id} className="card public-postings__item" data-testid="public-posting">
            <div>
              <span
                className={`badge posting-state posting-state--${p.isOpen ? 'open' : 'closed'}`}
              >
                {t(`selection.status.${p.isOpen ? 'open' : 'closed'}`)}
              </span>
              <h3 className="posting-card__title">{p.title}</h3>
              <p className="muted small">
                {p.teamName}・
                {t('selection.facts.deadlineShort', { date: tokyoDateTime(p.deadline, language) })}
              </p>
            </div>
            <a className="button button--small" href={p.url} target="_blank" rel="noopener">
              {t('selection.publish.openPublic')}
              <span className="visually-hidden">{t('selection.nav.newTab')}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
