import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { StageTimer } from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { TimerDisplay } from '../stage/TimerDisplay.tsx'
import { useSubmit } from '../../ui/useSubmit.ts'

const MINUTE_CHOICES = [3, 5, 7, 10, 15, 20, 30]

/** The presenter's countdown with start/pause and reset; the server keeps the time, so every screen agrees. */
export function TimerControls({ teamId, timer }: { teamId: string; timer: StageTimer | null }) {
  const { t } = useTranslation()
  const duration = timer ? Math.round(timer.durationMs / 60_000) : 5
  const [minutes, setMinutes] = useState(duration)
  const { isSending, error, run } = useSubmit()
  useEffect(() => setMinutes(duration), [duration])

  const send = async (body: { action: 'start' | 'pause' | 'reset'; minutes?: number }) => {
    await run(async () => {
      await apiRequest(`/api/teams/${encodeURIComponent(teamId)}/stage/timer`, StageTimer, {
        method: 'POST',
        body,
      })
    })
  }

  const isRunning = timer?.startedAt != null
  const isFresh = !timer || (timer.startedAt === null && timer.remainingMs === timer.durationMs)
  const choices = MINUTE_CHOICES.includes(minutes)
    ? MINUTE_CHOICES
    : [...MINUTE_CHOICES, minutes].sort((a, b) => a - b)

  return (
    <div className="timer-controls">
      <TimerDisplay timer={timer} />
      <div className="timer-controls__buttons">
        <button
          type="button"
          className={`button ${isRunning ? '' : 'button--primary'}`}
          disabled={isSending}
          // Without a timer yet, start creates one with the chosen minutes.
          onClick={() =>
            void send(
              isRunning ? { action: 'pause' } : { action: 'start', ...(timer ? {} : { minutes }) }
            )
          }
        >
          {isRunning
            ? t('pitch.timer.pause')
            : isFresh
              ? t('pitch.timer.start')
              : t('pitch.timer.resume')}
        </button>
        <div className="timer-controls__reset">
          <label className="visually-hidden" htmlFor="timer-minutes">
            {t('pitch.timer.minutesLabel')}
          </label>
          <select
            id="timer-minutes"
            className="select select--compact"
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          >
            {choices.map((m) => (
              <option key={m} value={m}>
                {t('pitch.timer.minutes', { count: m })}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={isSending}
            onClick={() => void send({ action: 'reset', minutes })}
          >
            {t('pitch.timer.reset')}
          </button>
        </div>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </div>
  )
}
