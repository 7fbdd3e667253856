import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import {
  DISPLAY_TIME_ZONE,
  PitchSessionList,
  Program,
  can,
  type PitchSession,
} from '@specboard/shared'
import { apiRequest } from '../../api.ts'
import { formatEventDateTime } from '../../i18n/format.ts'
import { useLanguage } from '../../i18n/useLanguage.ts'
import { useSession } from '../../session/SessionContext.tsx'
import { useApi } from '../../ui/useApi.ts'
import { ScheduleForm } from './ScheduleForm.tsx'
import './sessions.css'
import { LoadingPage } from '../../ui/LoadingPage.tsx'

/** `/programs/:programId/pitch`: the program's pitch sessions, and scheduling one for coordinators. */
export function PitchSessionsPage({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const base = `/api/programs/${encodeURIComponent(programId)}`
  const program = useApi(base, (signal) => apiRequest(base, Program, { signal }))
  const sessions = useApi(`${base}/pitch-sessions`, (signal) =>
    apiRequest(`${base}/pitch-sessions`, PitchSessionList, { signal })
  )
  const [created, setCreated] = useState<PitchSession | null>(null)

  if (!program.data || !sessions.data) {
    const error = program.error ?? sessions.error
    return (
      <LoadingPage
        error={error}
        onRetry={() => {
          program.reload()
          sessions.reload()
        }}
      />
    )
  }
  const isCoordinator = can(program.data.myRole, 'pitch:schedule')
  const list = [...sessions.data.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))

  return (
    <div className="page pitch-sessions">
      <nav className="pitch-crumbs" aria-label="breadcrumb">
        <Link href={`/programs/${encodeURIComponent(programId)}`}>{program.data.name}</Link>
        <span aria-hidden="true">›</span>
        <span>{t('pitch.sessions.title')}</span>
      </nav>
      <header className="pitch-sessions__head">
        <h1>{t('pitch.sessions.title')}</h1>
        <p className="muted">{t('pitch.sessions.lead')}</p>
      </header>
      {created && (
        <p className="notice notice--ok pitch-sessions__created" role="status">
          {t('pitch.sessions.created', { title: created.title })}{' '}
          <Link href={`/pitch/${encodeURIComponent(created.id)}`}>
            {t('pitch.sessions.openRunner')}
          </Link>
        </p>
      )}
      {list.length === 0 ? (
        <div className="empty">
          <strong>{t('pitch.sessions.emptyTitle')}</strong>
          {isCoordinator ? t('pitch.sessions.emptyCoordinator') : t('pitch.sessions.emptyMember')}
        </div>
      ) : (
        <ul className="pitch-sessions__list plain-list">
          {list.map((session) => (
            <li key={session.id}>
              <SessionCard session={session} isCoordinator={isCoordinator} />
            </li>
          ))}
        </ul>
      )}
      {isCoordinator && (
        <ScheduleForm
          programId={programId}
          teams={program.data.teams}
          onCreated={(session) => {
            setCreated(session)
            sessions.reload()
          }}
        />
      )}
    </div>
  )
}

function SessionCard({
  session,
  isCoordinator,
}: {
  session: PitchSession
  isCoordinator: boolean
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { me } = useSession()
  const myTeams = session.teams.filter((team) => me?.memberships.some((m) => m.teamId === team.id))
  const onStage = session.teams.find((team) => team.id === session.currentTeamId)
  return (
    <article className="card session-card" aria-labelledby={`session-${session.id}`}>
      <div className="session-card__main">
        <p className="session-card__when">
          <span className={`session-kind session-kind--${session.kind}`}>
            {t(`pitch.kinds.${session.kind}`)}
          </span>
          <time dateTime={session.startsAt}>
            {formatEventDateTime(session.startsAt, language, DISPLAY_TIME_ZONE)}
          </time>
        </p>
        <h2 id={`session-${session.id}`} className="session-card__title">
          {session.title}
        </h2>
        <p className="muted small">
          {t('pitch.sessions.facts', {
            teams: session.teams.length,
            minutes: session.minutesPerTeam,
          })}
        </p>
        {onStage && (
          <p className="session-card__live">
            <span className="session-card__dot" aria-hidden="true" />
            {t('pitch.sessions.onStage', { name: onStage.name })}
          </p>
        )}
        <ol className="session-card__teams plain-list">
          {session.teams.map((team) => (
            <li
              key={team.id}
              className={team.id === session.currentTeamId ? 'is-current' : undefined}
            >
              {team.name}
            </li>
          ))}
        </ol>
      </div>
      <div className="session-card__actions">
        {isCoordinator && (
          <Link
            className="button button--primary"
            href={`/pitch/${encodeURIComponent(session.id)}`}
          >
            {t('pitch.sessions.openRunner')}
          </Link>
        )}
        {myTeams.map((team) => (
          <Link
            key={team.id}
            className="button"
            href={`/teams/${encodeURIComponent(team.id)}/present`}
          >
            {t('pitch.sessions.presentTeam', { name: team.name })}
          </Link>
        ))}
      </div>
    </article>
  )
}
