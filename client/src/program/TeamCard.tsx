import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { colorForPerson, type TeamSummary } from '@specboard/shared'
import { Avatar } from '../ui/Avatar.tsx'
import { CompletenessMeter } from '../ui/CompletenessMeter.tsx'

/** One team in the program overview: its sheet's completeness and who is in it now. */
export function TeamCard({ team }: { team: TeamSummary }) {
  const { t } = useTranslation()
  return (
    <article className="team-card card" aria-labelledby={`team-${team.id}`}>
      <header>
        <h3 id={`team-${team.id}`}>
          <Link href={`/teams/${encodeURIComponent(team.id)}`} className="team-card__link">
            {team.name}
          </Link>
        </h3>
        <p className="muted small">
          {[team.organization, t('program.members', { count: team.memberCount })]
            .filter(Boolean)
            .join('・')}
        </p>
      </header>
      <CompletenessMeter completeness={team.completeness} isCompact />
      <div className="team-card__active">
        <span className="team-card__active-label">{t('program.activeNow')}</span>
        {team.activeNow.length === 0 ? (
          <span className="muted small">{t('program.nobodyActive')}</span>
        ) : (
          <ul className="team-card__people plain-list">
            {team.activeNow.map((p) => (
              <li key={p.personId}>
                <Avatar name={p.name} color={colorForPerson(p.personId)} size={20} />
                {p.name}
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  )
}
