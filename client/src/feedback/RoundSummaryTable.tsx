import { useTranslation } from 'react-i18next'
import type { Round, SheetTemplate } from '@specboard/shared'
import { useLanguage } from '../i18n/useLanguage.ts'
import { CommentText } from './CommentText.tsx'
import { sectionTitle, summaryTotals } from './roundFacts.ts'

/** A closed round's summary: per section, threads opened / resolved / still open, and text changed. */
export function RoundSummaryTable({ round, template }: { round: Round; template: SheetTemplate }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const summary = round.summary
  if (!summary) return null
  const totals = summaryTotals(summary)
  return (
    <div className="round-summary" data-testid="round-summary">
      <div className="round-summary__scroll">
        <table className="round-summary__table">
          <caption>{t('review.summary.caption', { number: round.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.summary.section')}</th>
              <th scope="col">{t('review.summary.opened')}</th>
              <th scope="col">{t('review.summary.resolved')}</th>
              <th scope="col">{t('review.summary.stillOpen')}</th>
              <th scope="col">{t('review.summary.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.sections.map((s) => (
              <tr key={s.sectionKey} data-section={s.sectionKey}>
                <th scope="row">{sectionTitle(template, s.sectionKey, language)}</th>
                <td data-label={t('review.summary.opened')}>{s.threadsOpened}</td>
                <td data-label={t('review.summary.resolved')}>{s.threadsResolved}</td>
                <td
                  data-label={t('review.summary.stillOpen')}
                  className={s.threadsStillOpen > 0 ? 'round-summary__open' : undefined}
                >
                  {s.threadsStillOpen}
                </td>
                <td data-label={t('review.summary.changed')}>
                  {s.changed ? (
                    <span className="badge badge--changed">{t('review.summary.yes')}</span>
                  ) : (
                    <span className="muted">{t('review.summary.no')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('review.summary.total')}</th>
              <td data-label={t('review.summary.opened')}>{totals.opened}</td>
              <td data-label={t('review.summary.resolved')}>{totals.resolved}</td>
              <td data-label={t('review.summary.stillOpen')}>{totals.stillOpen}</td>
              <td data-label={t('review.summary.changed')}>
                {t('review.summary.changedCount', { count: summary.changedSections })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {summary.note && (
        <div className="round-summary__note">
          <h4>{t('review.summary.note')}</h4>
          <CommentText text={summary.note} />
        </div>
      )}
    </div>
  )
}
