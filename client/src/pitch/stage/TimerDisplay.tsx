import { useTranslation } from 'react-i18next'
import type { StageTimer } from '@specboard/shared'
import { formatCountdown } from './formatCountdown.ts'
import { useCountdown } from './useCountdown.ts'
import './stage.css'

const WARN_MS = 60_000

type TimerState = 'idle' | 'running' | 'paused' | 'warning' | 'over'

/** The team's countdown by the server's clock: amber in the last minute, red at the end and in overtime. */
export function TimerDisplay({
  timer,
  size = 'large',
}: {
  timer: StageTimer | null
  size?: 'large' | 'compact'
}) {
  const { t } = useTranslation()
  const remaining = useCountdown(timer)
  const state: TimerState =
    remaining === null
      ? 'idle'
      : remaining <= 0
        ? 'over'
        : timer?.startedAt == null
          ? 'paused'
          : remaining <= WARN_MS
            ? 'warning'
            : 'running'
  const label =
    remaining !== null && remaining < 0
      ? t('pitch.timer.overtime')
      : t(`pitch.timer.state.${state}`)
  return (
    <div
      className={`timer timer--${size} timer--${state}`}
      role="timer"
      aria-label={t('pitch.timer.label')}
      data-testid="stage-timer"
      data-state={state}
      data-remaining-ms={remaining === null ? undefined : Math.round(remaining)}
    >
      <span className="timer__value" data-testid="stage-timer-value">
        {remaining === null ? '--:--' : formatCountdown(remaining)}
      </span>
      <span className="timer__label">{label}</span>
    </div>
  )
}
