import { useTranslation } from 'react-i18next'
import type { ProgramFigures } from '@specboard/shared'
import { formatCount, formatPercent } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'

/** Applicants → interviewed → placed / pool as horizontal bars, each with its count and share of applicants. */
export function FunnelChart({ funnel }: { funnel: ProgramFigures['funnel'] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const base = funnel.find((f) => f.key === 'applicants')?.count ?? 0
  return (
    <ol className="funnel plain-list">
      {funnel.map(({ key, count }) => {
        const share = base > 0 ? (count / base) * 100 : 0
        return (
          <li key={key} className={`funnel__row funnel__row--${key}`} data-testid={`funnel-${key}`}>
            <span className="funnel__label">{t(`selection.figures.funnel.${key}`)}</span>
            <span className="funnel__track" aria-hidden="true">
              <span
                className="funnel__bar"
                style={{ width: `${base > 0 ? Math.max(share, count > 0 ? 1.5 : 0) : 0}%` }}
              />
            </span>
            <span className="funnel__value">
              <strong>
                {t('selection.figures.people', { count, formatted: formatCount(count, language) })}
              </strong>
              {key !== 'applicants' && base > 0 && (
                <span className="muted small">{formatPercent(share, language)}</span>
              )}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
