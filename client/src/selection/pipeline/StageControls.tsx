import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MANAGED_STAGES, type Application, type ManagedStage } from '@specboard/shared'

const DECISIONS = ['placed', 'pool', 'declined'] as const satisfies readonly ManagedStage[]

interface StageControlsProps {
  application: Application
  isSending: boolean
  onMove: (stage: ManagedStage) => void
}

/** The decisions (placed / pool / declined) as buttons, and any stage through a select for corrections. */
export function StageControls({ application, isSending, onMove }: StageControlsProps) {
  const { t } = useTranslation()
  const selectId = useId()
  const noConsentId = useId()
  const [other, setOther] = useState<ManagedStage | ''>('')
  const { stage, consentPool, isErased } = application

  if (isErased) {
    return stage === 'declined' ? null : (
      <div className="stage-controls">
        <button
          type="button"
          className="button button--small"
          disabled={isSending}
          onClick={() => onMove('declined')}
        >
          {t('selection.pipeline.decide.declined')}
        </button>
      </div>
    )
  }

  return (
    <div className="stage-controls">
      <div
        className="stage-controls__decisions"
        role="group"
        aria-label={t('selection.pipeline.decisions')}
      >
        {stage === 'interview_scheduled' && (
          <button
            type="button"
            className="button button--small"
            disabled={isSending}
            onClick={() => onMove('interviewed')}
          >
            {t('selection.pipeline.decide.interviewed')}
          </button>
        )}
        {DECISIONS.filter((d) => d !== stage).map((decision) => (
          <button
            key={decision}
            type="button"
            className={`button button--small${decision === 'placed' ? ' button--primary' : ''}`}
            disabled={isSending || (decision === 'pool' && !consentPool)}
            aria-describedby={decision === 'pool' && !consentPool ? noConsentId : undefined}
            onClick={() => onMove(decision)}
          >
            {t(`selection.pipeline.decide.${decision}`)}
          </button>
        ))}
      </div>
      {!consentPool && stage !== 'pool' && (
        <p id={noConsentId} className="muted small">
          {t('selection.pipeline.noPoolConsent')}
        </p>
      )}
      <div className="stage-controls__other">
        <label htmlFor={selectId} className="small muted">
          {t('selection.pipeline.otherStage')}
        </label>
        <select
          id={selectId}
          className="select select--compact"
          value={other}
          onChange={(e) => setOther(e.target.value as ManagedStage | '')}
        >
          <option value="">{t('selection.pipeline.chooseStage')}</option>
          {MANAGED_STAGES.filter((s) => s !== stage).map((s) => (
            <option key={s} value={s}>
              {t(`selection.stages.${s}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={!other || isSending}
          onClick={() => {
            if (other) onMove(other)
            setOther('')
          }}
        >
          {t('selection.pipeline.applyStage')}
        </button>
      </div>
    </div>
  )
}
