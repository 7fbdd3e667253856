import { useTranslation } from 'react-i18next'
import type { ProgramFigures } from '@specboard/shared'
import { formatCount, formatDate } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { DISPLAY_TIME_ZONE, tokyoIso } from '@specboard/shared'

/**
 * Applications per day (Japan dates) as columns, every column carrying its number; the dates under them
 * thin out when there are many days. A list underneath the picture, so screen readers read day by day.
 */
export function DailyChart({ days }: { days: ProgramFigures['applicationsByDay'] }) {
  const { t } = useTranslation()
  const language = useLanguage()
  if (days.length === 0) return <p className="muted">{t('selection.figures.noApplications')}</p>
  const max = Math.max(1, ...days.map((d) => d.count))
  const labelEvery = Math.ceil(days.length / 14)
  return (
    <div className="daily-chart">
      <ol className="daily-chart__columns plain-list" style={{ minWidth: `${days.length * 28}px` }}>
        {days.map((day, index) => {
          const label = shortDate(day.date, language)
          return (
            <li key={day.date} className="daily-chart__day">
              <span
                className={`daily-chart__value${day.count === 0 ? ' daily-chart__value--zero' : ''}`}
                aria-hidden="true"
              >
                {formatCount(day.count, language)}
              </span>
              <span
                className="daily-chart__bar"
                style={{ height: `${(day.count / max) * 100}%` }}
                aria-hidden="true"
              />
              <span
                className={
                  'daily-chart__date' +
                  (index % (labelEvery * 2) !== 0 ? ' daily-chart__date--alternate' : '')
                }
                aria-hidden="true"
              >
                {index % labelEvery === 0 ? label : ''}
              </span>
              <span className="visually-hidden">
                {t('selection.figures.dayValue', {
                  date: formatDate(tokyoIso(day.date, '12:00')!, language, DISPLAY_TIME_ZONE),
                  count: day.count,
                })}
              </span>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

/** 11/15 — the date under a column. */
function shortDate(date: string, language: 'ja' | 'en'): string {
  const [, month, day] = date.split('-').map(Number)
  return language === 'ja' ? `${month}/${day}` : `${day}/${month}`
}
