import { useTranslation } from 'react-i18next'
import { can, colorForPerson, type Role, type TeamMember } from '@specboard/shared'
import { apiSend } from '../api.ts'
import { useAccountsText } from '../i18n/useAccountsText.ts'
import { Avatar } from '../ui/Avatar.tsx'
import { ErrorMessage } from '../ui/ErrorMessage.tsx'
import { useSubmit } from '../ui/useSubmit.ts'
import { Panel } from '../ui/Panel.tsx'

interface MemberListProps {
  members: readonly TeamMember[]
  teamId: string
  myRole: Role
  myPersonId: string
  /** After a removal, so the list is read again. */
  onRemoved: () => void
}

/**
 * The team's members and roles, so people know who else writes this sheet. Coordinators, owners and
 * caretakers remove members here; the server closes the removed person's screens at once.
 */
export function MemberList({ members, teamId, myRole, myPersonId, onRemoved }: MemberListProps) {
  const { t } = useTranslation()
  const ta = useAccountsText()
  const { error, run } = useSubmit()
  const mayRemove = can(myRole, 'member:remove')

  const remove = async (member: TeamMember) => {
    if (!window.confirm(ta('members.removeConfirm', { name: member.name }))) return
    await run(async () => {
      await apiSend(
        `/api/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(member.memberId)}`,
        { method: 'DELETE' }
      )
      onRemoved()
    })
  }

  return (
    <Panel titleId="members-title" title={t('board.members')}>
      {error !== null && <ErrorMessage error={error} />}
      {members.length === 0 ? (
        <p className="muted small">{t('board.noMembers')}</p>
      ) : (
        <ul className="member-list plain-list">
          {members.map((m) => (
            <li key={m.memberId} className="member-list__item">
              <Avatar name={m.name} color={colorForPerson(m.personId)} size={24} />
              <span className="member-list__name">{m.name}</span>
              <span className="muted small">{t(`roles.${m.role}`)}</span>
              {mayRemove && m.personId !== myPersonId && (
                <button
                  type="button"
                  className="button button--small button--quiet button--danger member-list__remove"
                  aria-label={ta('members.removeLabel', { name: m.name })}
                  onClick={() => void remove(m)}
                >
                  {ta('members.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}
