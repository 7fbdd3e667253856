import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { Membership, ProgramList } from '@specboard/shared'

interface ProgramGroup {
  programId: string
  programName: string
  programRole: Membership['role'] | null
  teams: Membership[]
}

interface MembershipsProps {
  memberships: readonly Membership[]
  /** Programs visible to this person (all of them for an administrator). */
  programs: ProgramList['programs']
}

/** Programs with the teams you belong to in each, every team a link to its board. */
export function Memberships({ memberships, programs }: MembershipsProps) {
  const { t } = useTranslation()
  const groups = groupByProgram(memberships, programs)
  if (groups.length === 0) {
    return (
      <div className="empty">
        <strong>{t('home.noMemberships')}</strong>
        {t('home.noMembershipsHint')}
      </div>
    )
  }
  return (
    <div className="programs">
      {groups.map((group) => (
        <section
          key={group.programId}
          className="program-group card"
          aria-labelledby={`p-${group.programId}`}
        >
          <header className="program-group__head">
            <div>
              <p className="program-group__kicker">{t('home.programs')}</p>
              <h2 id={`p-${group.programId}`}>{group.programName}</h2>
            </div>
            <div className="row">
              {group.programRole && (
                <span className="badge">{t(`roles.${group.programRole}`)}</span>
              )}
              <Link
                className="button button--small"
                href={`/programs/${encodeURIComponent(group.programId)}`}
              >
                {t('home.openProgram')}
              </Link>
            </div>
          </header>
          {group.teams.length > 0 && (
            <ul className="team-links plain-list">
              {group.teams.map((m) => (
                <li key={m.memberId}>
                  <Link className="team-link" href={`/teams/${encodeURIComponent(m.teamId ?? '')}`}>
                    <span className="team-link__name">{m.teamName}</span>
                    <span className="team-link__role">{t(`roles.${m.role}`)}</span>
                    <span className="team-link__go" aria-hidden="true">
                      →
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}

function groupByProgram(
  memberships: readonly Membership[],
  programs: MembershipsProps['programs']
): ProgramGroup[] {
  const groups = new Map<string, ProgramGroup>()
  for (const p of programs) {
    groups.set(p.id, { programId: p.id, programName: p.name, programRole: p.myRole, teams: [] })
  }
  for (const m of memberships) {
    let group = groups.get(m.programId)
    if (!group) {
      group = { programId: m.programId, programName: m.programName, programRole: null, teams: [] }
      groups.set(m.programId, group)
    }
    if (m.teamId) group.teams.push(m)
    else group.programRole ??= m.role
  }
  return [...groups.values()]
}
