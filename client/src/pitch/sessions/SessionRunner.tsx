import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { DISPLAY_TIME_ZONE, PitchSession, Program, can } from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { formatCount, formatEventDateTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { useApi } from '../../ui/useApi.ts'
import { SharePanel } from '../share/SharePanel.tsx'
import { LeadList } from './LeadList.tsx'
import { TeamStageRow, type RowState } from './TeamStageRow.tsx'
import './sessions.css'
import './runner.css'
import { useSubmit } from '../../ui/useSubmit.ts'
import { LoadingPage } from '../../ui/LoadingPage.tsx'

/** `/pitch/:sessionId`: the coordinator runs a session, team after team, with the audience link at hand. */
export function SessionRunner({ sessionId }: { sessionId: string }) {
  const path = `/api/pitch-sessions/${encodeURIComponent(sessionId)}`
  const session = useApi(path, (signal) => apiRequest(path, PitchSession, { signal }))
  const programPath = session.data
    ? `/api/programs/${encodeURIComponent(session.data.programId)}`
    : ''
  const program = useApi(programPath, (signal) =>
    programPath ? apiRequest(programPath, Program, { signal }) : Promise.resolve(null)
  )

  if (!session.data || program.data === undefined) {
    const error = session.error ?? program.error
    return <LoadingPage error={error} onRetry={session.reload} />
  }
  return <Runner session={session.data} program={program.data} onChanged={session.reload} />
}

function Runner({
  session,
  program,
  onChanged,
}: {
  session: PitchSession
  program: Program | null
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const canManage = can(program?.myRole, 'pitch:schedule')
  const { isSending: isBusy, error, run } = useSubmit()
  const [lastOnStage, setLastOnStage] = useState<string | null>(session.currentTeamId)
  const [viewersByTeam, setViewersByTeam] = useState<Record<string, number>>({})
  const onViewers = useCallback(
    (teamId: string, viewers: number) =>
      setViewersByTeam((v) => (v[teamId] === viewers ? v : { ...v, [teamId]: viewers })),
    []
  )

  const order = session.teams.map((team) => team.id)
  const currentIndex = session.currentTeamId ? order.indexOf(session.currentTeamId) : -1
  const anchor = currentIndex >= 0 ? currentIndex : lastOnStage ? order.indexOf(lastOnStage) : -1
  const nextTeam = session.teams[anchor + 1]
  const stateOf = (index: number): RowState =>
    index === currentIndex
      ? 'onStage'
      : index <= anchor
        ? 'done'
        : index === anchor + 1
          ? 'next'
          : 'waiting'
  const totalViewers = Object.values(viewersByTeam).reduce((sum, n) => sum + n, 0)

  const advance = async (teamId: string | null) => {
    await run(async () => {
      await apiRequest(
        `/api/pitch-sessions/${encodeURIComponent(session.id)}/advance`,
        PitchSession,
        { method: 'POST', body: { teamId } }
      )
      if (teamId) setLastOnStage(teamId)
      onChanged()
    })
  }

  return (
    <div className="page runner">
      <nav className="pitch-crumbs" aria-label="breadcrumb">
        {program && (
          <Link href={`/programs/${encodeURIComponent(program.id)}`}>{program.name}</Link>
        )}
        <span aria-hidden="true">›</span>
        <Link href={`/programs/${encodeURIComponent(session.programId)}/pitch`}>
          {t('pitch.sessions.title')}
        </Link>
      </nav>
      <header className="runner__head">
        <div>
          <p className="session-card__when">
            <span className={`session-kind session-kind--${session.kind}`}>
              {t(`pitch.kinds.${session.kind}`)}
            </span>
            <time dateTime={session.startsAt}>
              {formatEventDateTime(session.startsAt, language, DISPLAY_TIME_ZONE)}
            </time>
          </p>
          <h1>{session.title}</h1>
          <p className="muted small">
            {t('pitch.sessions.facts', {
              teams: session.teams.length,
              minutes: session.minutesPerTeam,
            })}
          </p>
        </div>
        <div className="runner__audience" data-testid="session-viewers" data-count={totalViewers}>
          <span className="runner__audience-number">{formatCount(totalViewers, language)}</span>
          <span className="runner__audience-label">{t('pitch.runner.watching')}</span>
        </div>
      </header>

      <div className="runner__layout">
        <section className="runner__order" aria-labelledby="order-title">
          <div className="runner__order-head">
            <h2 id="order-title">{t('pitch.runner.order')}</h2>
            {canManage && (
              <div className="row">
                {session.currentTeamId && (
                  <button
                    type="button"
                    className="button"
                    disabled={isBusy}
                    onClick={() => void advance(null)}
                  >
                    {t('pitch.runner.clearStage')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--primary"
                  disabled={isBusy || !nextTeam}
                  onClick={() => nextTeam && void advance(nextTeam.id)}
                >
                  {nextTeam ? t('pitch.runner.nextTeam') : t('pitch.runner.noNext')}
                </button>
              </div>
            )}
          </div>
          {error !== null && <ErrorMessage error={error} />}
          {!session.currentTeamId && (
            <p className="notice runner__idle">{t('pitch.runner.idle')}</p>
          )}
          <ol className="runner__teams plain-list">
            {session.teams.map((team, index) => (
              <TeamStageRow
                key={team.id}
                team={team}
                index={index}
                state={stateOf(index)}
                canManage={canManage}
                isBusy={isBusy}
                onPutOnStage={(id) => void advance(id)}
                onViewers={onViewers}
              />
            ))}
          </ol>
        </section>
        <aside className="runner__aside">
          {canManage && (
            <SharePanel
              path={`/api/pitch-sessions/${encodeURIComponent(session.id)}/share-links`}
            />
          )}
          {canManage && <LeadList session={session} />}
        </aside>
      </div>
    </div>
  )
}
