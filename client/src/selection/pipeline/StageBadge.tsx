import { useTranslation } from 'react-i18next'
import type { ApplicationStage } from '@specboard/shared'

/** An application's stage as a coloured label. */
export function StageBadge({ stage }: { stage: ApplicationStage }) {
  const { t } = useTranslation()
  return (
    <span className={`badge stage stage-color--${stage}`} data-testid="stage">
      {t(`selection.stages.${stage}`)}
    </span>
  )
}
