import { useTranslation } from 'react-i18next'
import { APPLICATION_STAGES, type StageCounts } from '@specboard/shared'
import { formatCount } from '../i18n/format.ts'
import { useLanguage } from '../i18n/useLanguage.ts'

/** Applicants per stage: a stacked bar (decoration) over a list of the numbers in words. */
export function StageBar({ counts }: { counts: StageCounts }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const stages = APPLICATION_STAGES.filter((s) => s !== 'withdrawn' || counts.withdrawn > 0)
  const total = stages.reduce((n, s) => n + counts[s], 0)
  return (
    <div className="stage-bar">
      {total > 0 && (
        <div className="stage-bar__track" aria-hidden="true">
          {stages.map((s) =>
            counts[s] > 0 ? (
              <span
                key={s}
                className={`stage-bar__part stage-color--${s}`}
                style={{ flexGrow: counts[s] }}
              />
            ) : null
          )}
        </div>
      )}
      <ul className="stage-bar__legend plain-list">
        {stages.map((s) => (
          <li
            key={s}
            className={counts[s] === 0 ? 'is-zero' : undefined}
            data-testid={`count-${s}`}
          >
            <span className={`stage-dot stage-color--${s}`} aria-hidden="true" />
            {t(`selection.stages.${s}`)} <strong>{formatCount(counts[s], language)}</strong>
          </li>
        ))}
      </ul>
    </div>
  )
}
