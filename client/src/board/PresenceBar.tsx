import { useTranslation } from 'react-i18next'
import type { PresentPerson } from '../collab/usePresence.ts'
import { Avatar } from '../ui/Avatar.tsx'

interface PresenceBarProps {
  people: readonly PresentPerson[]
  /** Section title by key, in the UI language. */
  sectionTitle: (key: string) => string | undefined
}

/** Who is here now, in their caret colour, and which section each one is writing in. */
export function PresenceBar({ people, sectionTitle }: PresenceBarProps) {
  const { t } = useTranslation()
  return (
    <div className="presence" role="group" aria-label={t('board.here')} data-testid="presence">
      <span className="presence__label">{t('board.here')}</span>
      <ul className="presence__list plain-list">
        {people.map((person) => {
          const title = person.section ? sectionTitle(person.section) : undefined
          return (
            <li key={person.personId} className="presence__person" data-person={person.name}>
              <Avatar name={person.name} color={person.color} size={26} />
              <span className="presence__text">
                <span className="presence__name">
                  {person.name}
                  {person.isSelf && <span className="presence__self">{t('board.you')}</span>}
                </span>
                <span className="presence__where">
                  {title ? t('board.editing', { section: title }) : t('board.browsing')}
                </span>
              </span>
            </li>
          )
        })}
      </ul>
      {people.filter((p) => !p.isSelf).length === 0 && (
        <span className="presence__alone">{t('board.nobodyElse')}</span>
      )}
    </div>
  )
}
