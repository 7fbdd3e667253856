import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AudienceInfo } from '@specboard/shared'
import { ApiRequestError, apiRequest } from '../../api.ts'
import { ErrorMessage } from '../../ui/ErrorMessage.tsx'
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx'
import { Loading } from '../../ui/Loading.tsx'
import { useApi } from '../../ui/useApi.ts'
import { ViewerCount } from '../stage/ViewerCount.tsx'
import { AudienceStage } from './AudienceStage.tsx'
import { LinkProblem, type LinkProblemReason } from './LinkProblem.tsx'
import { useFollowedTeam } from './useFollowedTeam.ts'
import { Waiting } from './Waiting.tsx'
import './watch.css'

// Sockets already open stay open when a link is revoked; asking again now and then closes the view too.
const RECHECK_MS = 20_000

/** `/watch/:token`: a pitch followed live from a share link, with no account. */
export function WatchPage({ token }: { token: string }) {
  const path = `/api/audience/${encodeURIComponent(token)}`
  const info = useApi(path, (signal) => apiRequest(path, AudienceInfo, { signal }), RECHECK_MS)
  const problem = problemOf(info.error)
  if (problem) return <LinkProblem reason={problem} />
  if (!info.data) {
    return (
      <div className="watch watch--center">
        {info.error !== undefined ? (
          <ErrorMessage error={info.error} onRetry={info.reload} />
        ) : (
          <Loading />
        )}
      </div>
    )
  }
  return <AudienceView info={info.data} token={token} onLinkTrouble={info.reload} />
}

function problemOf(error: unknown): LinkProblemReason | null {
  if (!(error instanceof ApiRequestError)) return null
  if (error.status === 404) return 'unknown'
  if (error.code === 'link_expired') return 'expired'
  if (error.code === 'link_revoked') return 'revoked'
  return null
}

function AudienceView({
  info,
  token,
  onLinkTrouble,
}: {
  info: AudienceInfo
  token: string
  onLinkTrouble: () => void
}) {
  const { t } = useTranslation()
  const { teamId, stage, connection } = useFollowedTeam(info, token)
  const team = info.teams.find((x) => x.id === teamId)

  // The server refuses a revoked or expired link's socket; ask why, and the page says it.
  useEffect(() => {
    if (connection.fatalReason) onLinkTrouble()
  }, [connection.fatalReason, onLinkTrouble])

  return (
    <div className="watch">
      <header className="watch-bar">
        <div className="watch-bar__brand">
          <svg className="watch-bar__logo" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path
              d="M9 10h14M9 16h14M9 22h9"
              stroke="#0f1830"
              strokeWidth="2.6"
              strokeLinecap="round"
            />
          </svg>
          <span className="watch-bar__program">{info.programName}</span>
          <span className="watch-bar__region">{info.region}</span>
        </div>
        <div className="watch-bar__end">
          {team && <ViewerCount count={stage.viewers} tone="dark" />}
          <LanguageSwitch />
        </div>
      </header>
      {connection.status === 'reconnecting' && (
        <p className="watch__reconnecting" role="status">
          {t('pitch.watch.reconnecting')}
        </p>
      )}
      <main className="watch__main">
        {team ? (
          <AudienceStage
            key={team.id}
            info={info}
            team={team}
            token={token}
            stage={stage}
            onLinkGone={onLinkTrouble}
          />
        ) : info.session ? (
          <Waiting session={info.session} />
        ) : (
          <Loading />
        )}
      </main>
    </div>
  )
}
