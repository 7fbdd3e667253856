import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Completeness, Team } from '@specboard/shared'
import type { ConnectionState } from '../collab/ConnectionTracker.ts'
import type { PresentPerson } from '../collab/usePresence.ts'
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx'
import { CompletenessMeter } from '../ui/CompletenessMeter.tsx'
import { PresenceBar } from './PresenceBar.tsx'

interface BoardHeaderProps {
  team: Team
  connection: ConnectionState
  people: readonly PresentPerson[]
  completeness: Completeness
  sectionTitle: (key: string) => string | undefined
}

/** Where you are (program › team), the connection, who is here and how far the sheet has come. */
export function BoardHeader({
  team,
  connection,
  people,
  completeness,
  sectionTitle,
}: BoardHeaderProps) {
  const { t } = useTranslation()
  return (
    <>
      <div className="board-bar">
        <nav className="board-bar__crumbs" aria-label="breadcrumb">
          <Link
            href={`/programs/${encodeURIComponent(team.programId)}`}
            className="board-bar__program"
          >
            {team.programName}
          </Link>
          <span className="board-bar__sep" aria-hidden="true">
            ›
          </span>
          <span className="board-bar__team">{team.name}</span>
        </nav>
        <ConnectionBadge state={connection} />
      </div>
      <header className="board-head">
        <div className="board-head__title">
          <h1>{team.name}</h1>
          <p className="muted small">
            {[team.organization, team.region].filter(Boolean).join('・')}
            <span className="badge board-head__role">{t(`roles.${team.myRole}`)}</span>
          </p>
        </div>
        <div className="board-head__meter card">
          <CompletenessMeter completeness={completeness} />
        </div>
        <div className="board-head__presence">
          <PresenceBar people={people} sectionTitle={sectionTitle} />
        </div>
      </header>
    </>
  )
}
