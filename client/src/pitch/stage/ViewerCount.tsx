import { useTranslation } from 'react-i18next'
import { formatCount } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import './stage.css'

/** How many people are watching now. */
export function ViewerCount({ count, tone = 'light' }: { count: number; tone?: 'light' | 'dark' }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <p
      className={`viewer-count viewer-count--${tone}`}
      data-testid="viewer-count"
      data-count={count}
    >
      <span className="viewer-count__dot" aria-hidden="true" />
      {t('pitch.viewers', { count, formatted: formatCount(count, language) })}
    </p>
  )
}
