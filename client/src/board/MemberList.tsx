import { useTranslation } from 'react-i18next'
import type { TeamMember } from '@specboard/shared'
import { colorForPerson } from '../collab/userColor.ts'
import { Avatar } from '../ui/Avatar.tsx'

/** The team's members and roles, so people know who else writes this sheet. */
export function MemberList({ members }: { members: readonly TeamMember[] }) {
  const { t } = useTranslation()
  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title" className="panel__title">
        {t('board.members')}
      </h2>
      {members.length === 0 ? (
        <p className="muted small">{t('board.noMembers')}</p>
      ) : (
        <ul className="member-list">
          {members.map((m) => (
            <li key={m.memberId} className="member-list__item">
              <Avatar name={m.name} color={colorForPerson(m.personId)} size={24} />
              <span className="member-list__name">{m.name}</span>
              <span className="muted small">{t(`roles.${m.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
