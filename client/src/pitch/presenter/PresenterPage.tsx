import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { Team, can } from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { useConnection, useDocument } from '../../collab/useDocument.ts'
import { ConnectionBadge } from '../../ui/ConnectionBadge.tsx'
import { Loading } from '../../ui/Loading.tsx'
import { useApi } from '../../ui/useApi.ts'
import { SharePanel } from '../share/SharePanel.tsx'
import type { DeckTeam } from '../slides/buildSlides.ts'
import { SlideView } from '../slides/SlideView.tsx'
import { useSlides } from '../slides/useSlides.ts'
import { ReactionBursts } from '../stage/ReactionBursts.tsx'
import { ReactionTally } from '../stage/ReactionTally.tsx'
import { useSetSlide, useStage } from '../stage/useStage.ts'
import { ViewerCount } from '../stage/ViewerCount.tsx'
import { TimerControls } from './TimerControls.tsx'
import { useFullscreen } from './useFullscreen.ts'
import { usePresenterKeys } from './usePresenterKeys.ts'
import './presenter.css'
import { LoadingPage } from '../../ui/LoadingPage.tsx'
import { Panel } from '../../ui/Panel.tsx'

/** `/teams/:teamId/present`: the team's sheet as slides, driven by a member or the coordinator. */
export function PresenterPage({ teamId }: { teamId: string }) {
  const { t } = useTranslation()
  const path = `/api/teams/${encodeURIComponent(teamId)}`
  const team = useApi(path, (signal) => apiRequest(path, Team, { signal }))
  if (!team.data) {
    return <LoadingPage error={team.error} onRetry={team.reload} />
  }
  if (!can(team.data.myRole, 'pitch:present')) {
    return (
      <div className="page page--narrow">
        <p className="notice notice--error" role="alert">
          {t('pitch.presenter.forbidden')}
        </p>
      </div>
    )
  }
  return <Presenter team={team.data} />
}

function Presenter({ team }: { team: Team }) {
  const { t } = useTranslation()
  const spec = useDocument(team.documents.spec)
  const stageDocument = useDocument(team.documents.stage)
  const stageConnection = useConnection(stageDocument)
  const deckTeam = useMemo<DeckTeam>(
    () => ({
      name: team.name,
      organization: team.organization,
      programName: team.programName,
      region: team.region,
      members: team.members.map(({ name, role }) => ({ name, role })),
    }),
    [team]
  )
  const slides = useSlides(spec?.ydoc, deckTeam, team.template.sections)
  const stage = useStage(stageDocument?.ydoc)
  const setSlide = useSetSlide(stageDocument?.ydoc)
  const stageRef = useRef<HTMLDivElement>(null)
  const { isFullscreen, toggle: toggleFullscreen } = useFullscreen(stageRef)

  const last = Math.max(0, slides.length - 1)
  const current = Math.min(stage.slide, last)
  // Writing before the stage has synced could overwrite the slide everyone is on with a stale one.
  const canDrive = stageConnection.hasSynced && slides.length > 0
  const go = (index: number) => {
    if (canDrive) setSlide(Math.max(0, Math.min(last, index)))
  }
  usePresenterKeys(
    {
      next: () => go(current + 1),
      previous: () => go(current - 1),
      first: () => go(0),
      last: () => go(last),
    },
    canDrive
  )

  const slide = slides[current]
  const next = slides[current + 1]
  const session = stage.session
  const isOnStage = session?.currentTeamId === team.id

  return (
    <div className="presenter">
      <div className="presenter-bar">
        <nav className="presenter-bar__crumbs" aria-label="breadcrumb">
          <Link href={`/programs/${encodeURIComponent(team.programId)}/pitch`}>
            {team.programName}
          </Link>
          <span aria-hidden="true">›</span>
          <Link href={`/teams/${encodeURIComponent(team.id)}`}>{team.name}</Link>
          <span aria-hidden="true">›</span>
          <span className="presenter-bar__here">{t('pitch.presenter.title')}</span>
        </nav>
        <div className="presenter-bar__end">
          {session && (
            <span
              className={`badge ${isOnStage ? 'presenter-bar__live' : ''}`}
              data-testid="on-stage"
            >
              {isOnStage ? t('pitch.presenter.onStage') : t('pitch.presenter.notOnStage')}
            </span>
          )}
          <ConnectionBadge state={stageConnection} />
        </div>
      </div>
      {stageConnection.fatalReason && (
        <p className="notice notice--error" role="alert">
          {t(`connection.fatal.${stageConnection.fatalReason}`)}
        </p>
      )}

      <div className="presenter__layout">
        <main className="presenter__main">
          <div
            ref={stageRef}
            className={`presenter__stage${isFullscreen ? ' presenter__stage--full' : ''}`}
            data-testid="current-slide"
            data-index={slide ? current : undefined}
          >
            {slide ? (
              <SlideView
                slide={slide}
                index={current}
                total={slides.length}
                teamName={team.name}
                variant={isFullscreen ? 'stage' : 'responsive'}
              />
            ) : (
              <Loading label={t('pitch.presenter.loading')} />
            )}
            <ReactionBursts reactions={stage.reactions} />
          </div>
          <div className="presenter__controls">
            <button
              type="button"
              className="button presenter__nav"
              onClick={() => go(current - 1)}
              disabled={!canDrive || current === 0}
            >
              <span aria-hidden="true">←</span> {t('pitch.presenter.previous')}
            </button>
            <p className="presenter__position" aria-live="polite" data-testid="slide-position">
              {slides.length > 0
                ? t('pitch.slide.page', { current: current + 1, total: slides.length })
                : '–'}
            </p>
            <button
              type="button"
              className="button button--primary presenter__nav"
              onClick={() => go(current + 1)}
              disabled={!canDrive || current >= last}
            >
              {t('pitch.presenter.next')} <span aria-hidden="true">→</span>
            </button>
            <button
              type="button"
              className="button button--quiet presenter__full"
              onClick={toggleFullscreen}
            >
              {isFullscreen ? t('pitch.presenter.exitFullscreen') : t('pitch.presenter.fullscreen')}
            </button>
          </div>
          <p className="presenter__keys muted small">{t('pitch.presenter.keys')}</p>
        </main>

        <aside className="presenter__aside">
          <Panel
            titleId="timer-title"
            title={t('pitch.presenter.timer')}
            className="presenter-card"
            titleClassName="presenter-card__title"
          >
            <TimerControls teamId={team.id} timer={stage.timer} />
          </Panel>
          <Panel
            titleId="next-title"
            title={t('pitch.presenter.nextSlide')}
            className="presenter-card"
            titleClassName="presenter-card__title"
          >
            {next ? (
              <div className="presenter__next" data-testid="next-slide">
                <SlideView
                  slide={next}
                  index={current + 1}
                  total={slides.length}
                  teamName={team.name}
                  isPreview
                />
              </div>
            ) : (
              <p className="presenter__end muted">
                {slides.length > 0 ? t('pitch.presenter.lastSlide') : '–'}
              </p>
            )}
          </Panel>
          <Panel
            titleId="audience-title"
            title={t('pitch.presenter.audience')}
            className="presenter-card"
            titleClassName="presenter-card__title"
          >
            <ViewerCount count={stage.viewers} />
            <ReactionTally reactions={stage.reactions} />
          </Panel>
        </aside>
      </div>

      <div className="presenter__share">
        <SharePanel path={`/api/teams/${encodeURIComponent(team.id)}/share-links`} />
      </div>
    </div>
  )
}
