import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { documentName, type PitchSession } from '@specboard/shared'
import { useDocument } from '../../collab/useDocument.ts'
import { TimerDisplay } from '../stage/TimerDisplay.tsx'
import { useStage } from '../stage/useStage.ts'

export type RowState = 'onStage' | 'next' | 'done' | 'waiting'

interface TeamStageRowProps {
  team: PitchSession['teams'][number]
  index: number
  state: RowState
  canManage: boolean
  isBusy: boolean
  onPutOnStage: (teamId: string) => void
  /** Reports the team's live audience, so the runner can add up the room. */
  onViewers: (teamId: string, viewers: number) => void
}

/** One team in the running order, with its live stage: audience, timer, and the button to bring it on. */
export function TeamStageRow({
  team,
  index,
  state,
  canManage,
  isBusy,
  onPutOnStage,
  onViewers,
}: TeamStageRowProps) {
  const { t } = useTranslation()
  const document = useDocument(documentName('stage', team.id))
  const stage = useStage(document?.ydoc)
  useEffect(() => onViewers(team.id, stage.viewers), [team.id, stage.viewers, onViewers])

  return (
    <li
      className={`run-team run-team--${state}`}
      data-testid="run-team"
      data-state={state}
      aria-current={state === 'onStage' ? 'step' : undefined}
    >
      <span className="run-team__number" aria-hidden="true">
        {String(index + 1).padStart(2, '0')}
      </span>
      <div className="run-team__main">
        <span className={`run-team__state run-team__state--${state}`}>
          {t(`pitch.runner.state.${state}`)}
        </span>
        <p className="run-team__name">{team.name}</p>
        {team.organization && <p className="muted small">{team.organization}</p>}
        {state === 'onStage' && (
          <div className="run-team__live">
            <TimerDisplay timer={stage.timer} size="compact" />
            <span className="run-team__viewers">
              {t('pitch.viewers', { count: stage.viewers, formatted: String(stage.viewers) })}
            </span>
          </div>
        )}
      </div>
      <div className="run-team__actions">
        {state === 'onStage' ? (
          <a
            className="button button--small"
            href={`/teams/${encodeURIComponent(team.id)}/present`}
            target="_blank"
            rel="noopener"
          >
            {t('pitch.runner.openPresenter')}
          </a>
        ) : (
          canManage && (
            <button
              type="button"
              className="button button--small"
              disabled={isBusy}
              onClick={() => onPutOnStage(team.id)}
            >
              {t('pitch.runner.putOnStage')}
            </button>
          )
        )}
      </div>
    </li>
  )
}
