import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { Program } from '@specboard/shared'
import { apiRequest } from '../api.ts'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { useApi } from '../ui/useApi.ts'
import { AddTeamForm } from './AddTeamForm.tsx'
import { TeamCard } from './TeamCard.tsx'
import { ProgramRounds } from '../feedback/ProgramRounds.tsx'
import { ProgramSelectionLinks } from '../selection/ProgramSelectionLinks.tsx'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import './program.css'
import { LoadingPage } from '../ui/LoadingPage.tsx'

// Completeness and who is active change while people write; a gentle poll keeps the overview honest.
const REFRESH_MS = 10_000

/** `/programs/:programId`: the program's teams, how far each sheet is, and who is working now. */
export function ProgramPage({ programId }: { programId: string }) {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const path = `/api/programs/${encodeURIComponent(programId)}`
  const program = useApi(path, (signal) => apiRequest(path, Program, { signal }), REFRESH_MS)

  if (!program.data) {
    return <LoadingPage error={program.error} onRetry={program.reload} />
  }
  const { data } = program
  const isCoordinator = data.myRole === 'coordinator'

  return (
    <div className="page program">
      <header className="program__head">
        <div>
          <p className="program__region">{t('program.region', { region: data.region })}</p>
          <h1>{data.name}</h1>
        </div>
        <div className="program__head-links">
          <Link className="button" href={`/programs/${encodeURIComponent(data.id)}/pitch`}>
            {t('program.pitchLink')}
          </Link>
          {isCoordinator && (
            <Link className="button" href={`/programs/${encodeURIComponent(data.id)}/settings`}>
              {ta('settings.link')}
            </Link>
          )}
          {isCoordinator && (
            <Link className="button" href={`/programs/${encodeURIComponent(data.id)}/audit`}>
              {ta('audit.title')}
            </Link>
          )}
        </div>
      </header>
      <ProgramSelectionLinks programId={data.id} myRole={data.myRole} />
      {program.error !== undefined && (
        <ErrorMessage error={program.error} onRetry={program.reload} />
      )}
      <section aria-labelledby="teams-title">
        <div className="program__teams-head">
          <h2 id="teams-title">{t('program.teams')}</h2>
          <span className="muted small">{t('program.updatedEvery')}</span>
        </div>
        {data.teams.length === 0 ? (
          <div className="empty">
            <strong>{t('program.emptyTitle')}</strong>
            {isCoordinator ? t('program.emptyCoordinator') : t('program.emptyMember')}
          </div>
        ) : (
          <ul className="team-grid plain-list">
            {data.teams.map((team) => (
              <li key={team.id}>
                <TeamCard team={team} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <ProgramRounds program={data} />
      {isCoordinator && <AddTeamForm programId={data.id} onCreated={program.reload} />}
    </div>
  )
}
