import { useTranslation } from 'react-i18next'
import type { ProgramFigures } from '@specboard/shared'
import { formatCount, formatPercent } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'

/** Each target next to its actual: the numbers in words, a bar for the eye, "達成" once reached. */
export function ProgressList({ progress }: { progress: ProgramFigures['progress'] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <ul className="progress-list plain-list">
      {progress.map(({ key, target, actual }) => {
        const percent = target ? Math.round((actual / target) * 100) : null
        const isReached = percent !== null && percent >= 100
        return (
          <li key={key} className="progress-item" data-testid={`progress-${key}`}>
            <div className="progress-item__top">
              <span className="progress-item__label">{t(`selection.figures.progress.${key}`)}</span>
              {isReached && (
                <span className="badge badge--valid">{t('selection.figures.reached')}</span>
              )}
            </div>
            <p className="progress-item__numbers">
              <strong>{formatCount(actual, language)}</strong>
              <span className="muted">
                {target === null
                  ? t('selection.figures.noTarget')
                  : t('selection.figures.ofTarget', {
                      target: formatCount(target, language),
                      percent: formatPercent(percent!, language),
                    })}
              </span>
            </p>
            {percent !== null && (
              <div className="progress-item__track" aria-hidden="true">
                <div
                  className={`progress-item__fill${isReached ? ' progress-item__fill--reached' : ''}`}
                  style={{ width: `${Math.min(100, percent)}%` }}
                />
              </div>
            )}
          </li>
        )
      })}
    </ul>
  )
}
