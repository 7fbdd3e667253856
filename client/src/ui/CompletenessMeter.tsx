import { useTranslation } from 'react-i18next'
import type { Completeness } from '@specboard/shared'
import { formatPercent } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'
import './ui.css'

interface CompletenessMeterProps {
  completeness: Completeness
  /** Compact: one line, for cards and headers. */
  isCompact?: boolean
}

/** A sheet's completeness: a bar with the percent, sections written and done. */
export function CompletenessMeter({ completeness, isCompact }: CompletenessMeterProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { percent, written, total, done } = completeness
  return (
    <div className={`meter${isCompact ? ' meter--compact' : ''}`} data-testid="completeness">
      <div className="meter__top">
        <span className="meter__label">{t('completeness.label')}</span>
        <span className="meter__percent" data-testid="completeness-percent">
          {formatPercent(percent, language)}
        </span>
      </div>
      <div
        className="meter__track"
        role="meter"
        aria-label={t('completeness.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="meter__fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </div>
      <div className="meter__facts">
        <span data-testid="completeness-written">
          {t('completeness.written', { written, total })}
        </span>
        <span data-testid="completeness-done">{t('completeness.done', { done })}</span>
      </div>
    </div>
  )
}
